import {
  MITIGATION_STATUSES,
  MITIGATION_STATUS_LABELS,
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  THREAT_STATUSES,
  modelRecordOf,
  type Mitigation,
  type Threat,
} from '@threatloom/core';
import { href } from '../ui/router';
import { ListField, SelectField, TextField } from '../fields/RecordFields';
import { useModel } from '../model/model-context';
import { selectCanEdit, selectIsOwner, selectRecords, selectSubmit } from '../model/model-store';
import { OrgRulesChoice } from './OrgRulesChoice';
import { threatHref } from './threat-link';

/** The model page's four questions. */
export function OverviewSection({ modelId }: { modelId: string }) {
  const records = useModel(selectRecords);
  const model = modelRecordOf(records.values());
  const threats: Threat[] = [];
  const mitigations: Mitigation[] = [];
  for (const r of records.values()) {
    if (r.typeName === 'threat') threats.push(r);
    else if (r.typeName === 'mitigation') mitigations.push(r);
  }
  return (
    <div className="overview">
      <section aria-labelledby="q1">
        <h2 id="q1">What are we working on?</h2>
        <TextField record={model} field="title" label="Title" />
        <TextField record={model} field="summary" label="Summary" multiline />
        <TextField record={model} field="scope" label="Scope" multiline />
        <div className="row">
          <TextField record={model} field="owner" label="Owner" />
          <TextField record={model} field="reviewer" label="Reviewer" />
        </div>
        <ListField record={model} field="contributors" label="Contributors (comma-separated)" />
      </section>
      <section aria-labelledby="q2">
        <h2 id="q2">What can go wrong?</h2>
        <StatusTable threats={threats} />
        <OrgRulesChoice />
        <p>
          <a href={href(`/models/${encodeURIComponent(modelId)}?tab=threats`)}>
            Open the threats table
          </a>{' '}
          ·{' '}
          <a href={href(`/models/${encodeURIComponent(modelId)}?tab=diagram`)}>Open the diagram</a>
        </p>
      </section>
      <section aria-labelledby="q3">
        <h2 id="q3">What are we going to do about it?</h2>
        <MitigationsOverview modelId={modelId} mitigations={mitigations} threats={threats} />
      </section>
      <section aria-labelledby="q4">
        <h2 id="q4">Did we do a good job?</h2>
        <ReviewBlock />
      </section>
    </div>
  );
}

function StatusTable({ threats }: { threats: Threat[] }) {
  const statuses = THREAT_STATUSES.filter((st) => threats.some((t) => t.status === st));
  if (threats.length === 0) return <p>No threats yet. Generate them from the diagram.</p>;
  return (
    <table aria-label="Threats by status and severity" className="counts">
      <thead>
        <tr>
          <th scope="col">Status</th>
          {SEVERITIES.map((s) => (
            <th key={s} scope="col">
              {SEVERITY_LABELS[s]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {statuses.map((st) => (
          <tr key={st}>
            <th scope="row">{STATUS_LABELS[st]}</th>
            {SEVERITIES.map((s) => (
              <td key={s}>{threats.filter((t) => t.status === st && t.severity === s).length}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MitigationsOverview({
  modelId,
  mitigations,
  threats,
}: {
  modelId: string;
  mitigations: Mitigation[];
  threats: Threat[];
}) {
  const canEdit = useModel(selectCanEdit);
  const submit = useModel(selectSubmit);
  const byId = new Map(threats.map((t) => [t.id, t]));
  if (mitigations.length === 0)
    return <p>No mitigations yet: add them to threats in the diagram or the threats table.</p>;
  return (
    <table aria-label="Mitigations" className="grid">
      <thead>
        <tr>
          <th scope="col">Mitigation</th>
          <th scope="col">Threat</th>
          <th scope="col">Status</th>
          <th scope="col">Owner</th>
        </tr>
      </thead>
      <tbody>
        {mitigations.map((m) => (
          <tr key={m.id}>
            <td>{m.title || '(untitled)'}</td>
            <td>
              {byId.has(m.threatId) && (
                <a href={threatHref(modelId, byId.get(m.threatId)!)}>
                  {byId.get(m.threatId)!.title || '(untitled)'}
                </a>
              )}
            </td>
            <td>
              <select
                aria-label={`Status of ${m.title}`}
                value={m.status}
                disabled={!canEdit}
                onChange={(e) =>
                  submit([{ type: 'patch', id: m.id, fields: { status: e.target.value } }])
                }
              >
                {MITIGATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {MITIGATION_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                aria-label={`Owner of ${m.title}`}
                defaultValue={m.owner}
                key={m.owner}
                readOnly={!canEdit}
                onBlur={(e) =>
                  e.target.value !== m.owner &&
                  submit([{ type: 'patch', id: m.id, fields: { owner: e.target.value } }])
                }
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReviewBlock() {
  const records = useModel(selectRecords);
  const submit = useModel(selectSubmit);
  const isOwner = useModel(selectIsOwner);
  const model = modelRecordOf(records.values());
  return (
    <div>
      <SelectField
        record={model}
        field="reviewState"
        label="Review state"
        readOnly={!isOwner}
        options={REVIEW_STATES.map((s) => ({ value: s, label: REVIEW_STATE_LABELS[s] }))}
      />
      <TextField
        record={model}
        field="reviewNote"
        label="Review note"
        multiline
        readOnly={!isOwner}
      />
      {model.reviewState === 'approved' && model.reviewedBy ? (
        <p role="status">
          Signed off by {model.reviewedBy} on{' '}
          {model.reviewedAt ? new Date(model.reviewedAt).toLocaleDateString() : 'an unknown date'}.
        </p>
      ) : (
        <p>
          Not signed off yet
          {model.reviewer ? `; the reviewer is ${model.reviewer}` : '; name a reviewer above'}.
        </p>
      )}
      {/* The server records who signed off and when; until review actions exist, only owners may. */}
      <button
        type="button"
        disabled={!isOwner}
        title={isOwner ? undefined : 'Only an owner can sign off'}
        onClick={() =>
          submit([{ type: 'patch', id: model.id, fields: { reviewState: 'approved' } }])
        }
      >
        Sign off
      </button>
    </div>
  );
}
