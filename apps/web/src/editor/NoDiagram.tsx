import { useModelContext } from '../model/model-context';
import { newDiagramOps } from '../model/new-diagram';

/** A model without diagrams (a new one): offer to start one. */
export function NoDiagram({ canEdit }: { canEdit: boolean }) {
  const { store } = useModelContext();
  const add = () => {
    const { ops, id } = newDiagramOps([]);
    store.getState().submit(ops);
    store.getState().showDiagram(id);
  };
  return (
    <div className="empty-diagram">
      <p>This model has no diagram yet.</p>
      {canEdit && (
        <button type="button" onClick={add}>
          Add diagram
        </button>
      )}
    </div>
  );
}
