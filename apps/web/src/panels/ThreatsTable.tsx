import { useMemo, useState } from 'react';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  THREAT_STATUSES,
  categoryLabel,
  isElement,
  type Element,
  type Threat,
} from '@threatloom/core';
import { useModel } from '../model/model-context';
import { selectCanEdit, selectRecords, selectSubmit } from '../model/model-store';
import { threatHref } from './threat-link';

type SortKey = 'number' | 'title' | 'severity' | 'status' | 'category' | 'element';
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));

/** Every threat of the model: filter, sort, triage inline; titles and elements open the threat. */
export function ThreatsTable({ modelId }: { modelId: string }) {
  const records = useModel(selectRecords);
  const submit = useModel(selectSubmit);
  const canEdit = useModel(selectCanEdit);
  const [status, setStatus] = useState('');
  const [severity, setSeverity] = useState('');
  const [category, setCategory] = useState('');
  const [element, setElement] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'number', dir: 1 });

  const { threats, elements } = useMemo(() => {
    const threats: Threat[] = [];
    const elements = new Map<string, Element>();
    for (const r of records.values()) {
      if (r.typeName === 'threat') threats.push(r);
      else if (isElement(r)) elements.set(r.id, r);
    }
    return { threats, elements };
  }, [records]);

  const categories = [...new Set(threats.map((t) => t.category))].sort();
  const elementName = (id: string) =>
    elements.get(id)?.name || elements.get(id)?.typeName || '(deleted)';
  const withThreats = [...new Set(threats.map((t) => t.elementId))].sort((a, b) =>
    elementName(a).localeCompare(elementName(b)),
  );

  const rows = threats
    .filter(
      (t) =>
        (!status || t.status === status) &&
        (!severity || t.severity === severity) &&
        (!category || t.category === category) &&
        (!element || t.elementId === element),
    )
    .sort((a, b) => {
      const by = (x: Threat): string | number =>
        sort.key === 'severity'
          ? SEVERITY_RANK[x.severity]!
          : sort.key === 'element'
            ? elementName(x.elementId)
            : sort.key === 'number'
              ? x.number
              : x[sort.key];
      const va = by(a);
      const vb = by(b);
      return (
        (typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : String(va).localeCompare(String(vb))) * sort.dir
      );
    });

  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="link"
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
      >
        {label}
      </button>
    </th>
  );

  return (
    <section className="threats-table" aria-labelledby="threats-heading">
      <h2 id="threats-heading">What can go wrong: threats</h2>
      <div className="filters row" role="group" aria-label="Filters">
        <label>
          Status
          <select
            aria-label="Filter by status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">All</option>
            {THREAT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select
            aria-label="Filter by severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value)}
          >
            <option value="">All</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select
            aria-label="Filter by category"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">All</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Element
          <select
            aria-label="Filter by element"
            value={element}
            onChange={(e) => setElement(e.target.value)}
          >
            <option value="">All</option>
            {withThreats.map((id) => (
              <option key={id} value={id}>
                {elementName(id)}
              </option>
            ))}
          </select>
        </label>
        <span role="status">
          {rows.length} of {threats.length} threats
        </span>
      </div>
      <table aria-label="Threats" className="grid">
        <thead>
          <tr>
            {header('number', '#')}
            {header('title', 'Threat')}
            {header('category', 'Category')}
            {header('element', 'Element')}
            {header('severity', 'Severity')}
            {header('status', 'Status')}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id} className={`sev-row sev-${t.severity}`}>
              <td>{t.number || ''}</td>
              <td>
                <a href={threatHref(modelId, t)}>{t.title || '(untitled)'}</a>
              </td>
              <td>{categoryLabel(t.category)}</td>
              <td>
                <a
                  href={threatHref(modelId, t)}
                  aria-label={`Show ${elementName(t.elementId)} in the diagram`}
                >
                  {elementName(t.elementId)}
                </a>
              </td>
              <td>
                <select
                  aria-label={`Severity of ${t.title}`}
                  value={t.severity}
                  disabled={!canEdit}
                  onChange={(e) =>
                    submit([{ type: 'patch', id: t.id, fields: { severity: e.target.value } }])
                  }
                >
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {SEVERITY_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`Status of ${t.title}`}
                  value={t.status}
                  disabled={!canEdit}
                  onChange={(e) =>
                    submit([{ type: 'patch', id: t.id, fields: { status: e.target.value } }])
                  }
                >
                  {THREAT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
