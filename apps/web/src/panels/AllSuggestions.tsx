import { mergeSuggestions } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { selectCanEdit, selectRecords } from '../model/model-store';
import { useSuggestions } from './suggestions-store';

/** Suggestions from "Generate for the whole diagram", by element: accept or dismiss them all at once. */
export function AllSuggestions() {
  const byElement = useSuggestions((s) => s.byElement);
  const dismiss = useSuggestions((s) => s.dismiss);
  const drop = useSuggestions((s) => s.drop);
  const records = useModel(selectRecords);
  const canEdit = useModel(selectCanEdit);
  const { store } = useModelContext();
  const all = Object.values(byElement).flat();
  if (all.length === 0 || !canEdit) return null;
  return (
    <section className="suggestions" aria-label="All suggested threats">
      <h3>Suggested threats ({all.length})</h3>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            store.getState().submit(mergeSuggestions(store.getState().records.values(), all));
            drop(all.map((s) => s.ruleKey));
          }}
        >
          Accept all suggestions
        </button>
        <button type="button" onClick={() => dismiss(all.map((s) => s.ruleKey))}>
          Dismiss all suggestions
        </button>
      </div>
      <ul>
        {Object.entries(byElement).map(([id, list]) => (
          <li key={id}>
            <button type="button" className="link" onClick={() => store.getState().select([id])}>
              {records.get(id) && 'name' in records.get(id)!
                ? (records.get(id) as { name: string }).name || '(unnamed)'
                : id}
            </button>{' '}
            <span className="muted">{list.length} suggestions</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
