import { useEffect, useRef, useState } from 'react';
import {
  categoriesFor,
  categoryLabel,
  newId,
  newThreat,
  nextThreatNumber,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  THREAT_STATUSES,
  type Element,
  type Methodology,
  type Threat,
} from '@threatloom/core';
import { SelectField, TextField } from '../fields/RecordFields';
import { useModel, useModelContext } from '../model/model-context';
import { modelIndex, selectCanEdit, selectOpenThreatId, selectRecords } from '../model/model-store';
import { CommentsThread } from './CommentsThread';
import { MitigationsList } from './MitigationsList';
import { ThreatReferences } from './ThreatReferences';
import { SuggestionsList } from './SuggestionsList';

const EMPTY: Threat[] = [];
const STATUS_OPTIONS = THREAT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }));

/** Threats of one element: suggestions to triage, manual threats, and each threat's fields, mitigations and comments. */
export function ElementThreats({
  element,
  methodology,
}: {
  element: Element;
  methodology: Methodology;
}) {
  const records = useModel(selectRecords);
  const canEdit = useModel(selectCanEdit);
  const { store, suggestions } = useModelContext();
  const open = useModel(selectOpenThreatId);
  const setOpen = (id: string | null) => store.getState().toggleThreat(id);
  const [notice, setNotice] = useState<string | null>(null);
  const threats = modelIndex(records).threatsByElement.get(element.id) ?? EMPTY;
  const categories = categoriesFor(methodology);
  // A threat opened from elsewhere (the table, a link) scrolls into view.
  const openRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Braces matter: Chromium's scrollIntoView returns a promise, which React would take for a clean-up.
    openRef.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);

  const addManual = () => {
    const threat = newThreat({
      id: newId(),
      diagramId: element.diagramId,
      elementId: element.id,
      number: nextThreatNumber(records.values()),
      title: 'New threat',
      category: categories[0]!,
    });
    store.getState().submit([{ type: 'put', record: threat }]);
    setOpen(threat.id);
  };

  return (
    <section aria-label="Threats of this element">
      {canEdit && (
        <div className="row">
          <button
            type="button"
            onClick={() => {
              const n = suggestions
                .getState()
                .generate(store.getState().records, element.diagramId, [element.id]);
              setNotice(n === 0 ? 'No new suggestions for this element.' : `${n} suggestions`);
            }}
          >
            Suggest threats
          </button>
          <button type="button" onClick={addManual}>
            Add threat
          </button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
      <SuggestionsList elementId={element.id} />
      {threats.length === 0 ? (
        <p className="muted">No threats on this element.</p>
      ) : (
        <ul className="threat-list" aria-label="Threats">
          {threats.map((t) => (
            <li
              key={t.id}
              ref={open === t.id ? openRef : undefined}
              className={`threat sev-${t.severity} status-${t.status}`}
            >
              <button
                type="button"
                className="threat-summary"
                aria-expanded={open === t.id}
                onClick={() => setOpen(open === t.id ? null : t.id)}
              >
                <span>
                  #{t.number} {t.title}
                </span>
                <span className="muted">
                  {STATUS_LABELS[t.status]} · {SEVERITY_LABELS[t.severity]}
                </span>
              </button>
              {open === t.id && (
                <div className="threat-detail">
                  <TextField record={t} field="title" label="Threat title" />
                  <div className="row">
                    <SelectField
                      record={t}
                      field="category"
                      label="Category"
                      options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
                    />
                    <SelectField
                      record={t}
                      field="severity"
                      label="Severity"
                      options={SEVERITY_OPTIONS}
                    />
                    <SelectField
                      record={t}
                      field="status"
                      label="Status"
                      options={STATUS_OPTIONS}
                    />
                  </div>
                  <TextField record={t} field="score" label="Score" />
                  <TextField record={t} field="description" label="Threat description" multiline />
                  <ThreatReferences references={t.references} />
                  <MitigationsList threatId={t.id} />
                  <CommentsThread targetId={t.id} label={t.title} />
                  {canEdit && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => store.getState().submit([{ type: 'remove', id: t.id }])}
                    >
                      Delete threat
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
