import {
  newId,
  MITIGATION_STATUSES,
  MITIGATION_STATUS_LABELS,
  type Mitigation,
} from '@threatloom/core';
import { SelectField, TextField } from '../fields/RecordFields';
import { useModel, useModelContext } from '../model/model-context';
import { modelIndex, selectCanEdit, selectRecords } from '../model/model-store';

const EMPTY: Mitigation[] = [];
const STATUS_OPTIONS = MITIGATION_STATUSES.map((s) => ({
  value: s,
  label: MITIGATION_STATUS_LABELS[s],
}));

/** What we do about one threat: its mitigations with status and owner. */
export function MitigationsList({ threatId }: { threatId: string }) {
  const records = useModel(selectRecords);
  const canEdit = useModel(selectCanEdit);
  const { store } = useModelContext();
  const list = modelIndex(records).mitigationsByThreat.get(threatId) ?? EMPTY;
  const add = () =>
    store.getState().submit([
      {
        type: 'put',
        record: {
          id: newId(),
          typeName: 'mitigation',
          threatId,
          title: 'New mitigation',
          description: '',
          status: 'proposed',
          owner: '',
        },
      },
    ]);
  return (
    <section className="mitigations" aria-label="Mitigations">
      <h4>Mitigations</h4>
      {list.map((m) => (
        <fieldset key={m.id} className="mitigation" aria-label={m.title || 'Mitigation'}>
          <TextField record={m} field="title" label="Mitigation" />
          <TextField record={m} field="description" label="Mitigation description" multiline />
          <div className="row">
            <SelectField
              record={m}
              field="status"
              label="Mitigation status"
              options={STATUS_OPTIONS}
            />
            <TextField record={m} field="owner" label="Mitigation owner" />
          </div>
          {canEdit && (
            <button
              type="button"
              className="link danger"
              onClick={() => store.getState().submit([{ type: 'remove', id: m.id }])}
            >
              Remove mitigation
            </button>
          )}
        </fieldset>
      ))}
      {canEdit && (
        <button type="button" onClick={add}>
          Add mitigation
        </button>
      )}
    </section>
  );
}
