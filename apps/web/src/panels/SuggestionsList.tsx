import { categoryLabel, SEVERITY_LABELS, type Suggestion } from '@threatloom/core';
import { useModel, useModelContext, useSuggestions } from '../model/model-context';
import { selectCanEdit } from '../model/model-store';
import { suggestionsFor } from '../model/suggestions-store';

/** Engine suggestions for one element: accept or dismiss each, or all. */
export function SuggestionsList({ elementId }: { elementId: string }) {
  const list = useSuggestions(suggestionsFor(elementId));
  const canEdit = useModel(selectCanEdit);
  const { store, suggestions } = useModelContext();
  if (list.length === 0 || !canEdit) return null;

  const accept = (items: readonly Suggestion[]) =>
    store.getState().submit(suggestions.getState().accept(store.getState().records, items));
  const dismiss = (keys: string[]) => suggestions.getState().dismiss(keys);

  return (
    <section className="suggestions" aria-label="Suggested threats">
      <h4>Suggested threats ({list.length})</h4>
      <div className="row">
        <button type="button" onClick={() => accept(list)}>
          Accept all
        </button>
        <button type="button" onClick={() => dismiss(list.map((s) => s.ruleKey))}>
          Dismiss all
        </button>
      </div>
      <ul>
        {list.map((s) => (
          <li key={s.ruleKey} className={`suggestion sev-${s.severity}`}>
            <strong>{s.title}</strong>
            <span className="muted">
              {' '}
              {categoryLabel(s.category)} · {SEVERITY_LABELS[s.severity]}
            </span>
            <p>{s.description}</p>
            <div className="row">
              <button type="button" aria-label={`Accept ${s.title}`} onClick={() => accept([s])}>
                Accept
              </button>
              <button
                type="button"
                aria-label={`Dismiss ${s.title}`}
                onClick={() => dismiss([s.ruleKey])}
              >
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
