import { modelRecordOf } from '@threatloom/core';
import { useModel } from '../model/model-context';
import { selectCanEdit, selectRecords, selectSubmit } from '../model/model-store';
import { useOrgRules } from '../rules/org-rules-store';

/** Which of the organisation's enabled rules this model runs (all of them unless switched off here). */
export function OrgRulesChoice() {
  const entries = useOrgRules((s) => s.entries);
  const records = useModel(selectRecords);
  const canEdit = useModel(selectCanEdit);
  const submit = useModel(selectSubmit);
  const model = modelRecordOf(records.values());
  const enabled = entries.filter((e) => e.enabled);
  if (enabled.length === 0) return null;
  const off = new Set(model.disabledOrgRules);
  return (
    <fieldset className="org-rules">
      <legend>Organisation rules run in this model</legend>
      {enabled.map(({ rule }) => (
        <label key={rule.id}>
          <input
            type="checkbox"
            checked={!off.has(rule.id)}
            disabled={!canEdit}
            onChange={(e) => {
              const next = e.target.checked
                ? model.disabledOrgRules.filter((id) => id !== rule.id)
                : [...model.disabledOrgRules, rule.id];
              submit([{ type: 'patch', id: model.id, fields: { disabledOrgRules: next } }]);
            }}
          />{' '}
          {rule.title} <code>{rule.id}</code>
        </label>
      ))}
    </fieldset>
  );
}
