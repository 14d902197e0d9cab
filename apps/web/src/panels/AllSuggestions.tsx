import { useModel, useModelContext, useSuggestions } from '../model/model-context';
import { selectCanEdit, selectRecords } from '../model/model-store';

/** Suggestions from "Generate for the whole diagram", by element: accept or dismiss them all at once. */
export function AllSuggestions() {
  const byElement = useSuggestions((s) => s.byElement);
  const records = useModel(selectRecords);
  const canEdit = useModel(selectCanEdit);
  const { store, suggestions } = useModelContext();
  const all = Object.values(byElement).flat();
  if (all.length === 0 || !canEdit) return null;
  return (
    <section className="suggestions" aria-label="All suggested threats">
      <h3>Suggested threats ({all.length})</h3>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            store.getState().submit(suggestions.getState().accept(store.getState().records, all))
          }
        >
          Accept all suggestions
        </button>
        <button
          type="button"
          onClick={() => suggestions.getState().dismiss(all.map((s) => s.ruleKey))}
        >
          Dismiss all suggestions
        </button>
      </div>
      <ul>
        {Object.entries(byElement).map(([id, list]) => {
          const r = records.get(id);
          const name = r && 'name' in r ? r.name || '(unnamed)' : id;
          return (
            <li key={id}>
              <button
                type="button"
                className="link"
                aria-label={`Review the suggestions for ${name}`}
                onClick={() => store.getState().openElement(id, 'threats')}
              >
                {name}
              </button>{' '}
              <span className="muted">{list.length} suggestions</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
