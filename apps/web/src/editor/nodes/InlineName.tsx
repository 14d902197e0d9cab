import { useState } from 'react';
import { useModelContext } from '../../model/model-context';

/**
 * An element's name, edited in place on double-click (or Enter/F2 when the
 * node has focus). Tells others who is editing it; commits one patch.
 */
export function InlineName({
  id,
  name,
  canEdit,
  multiline,
}: {
  id: string;
  name: string;
  canEdit: boolean;
  multiline?: boolean;
}) {
  const { store, channel } = useModelContext();
  const [draft, setDraft] = useState<string | null>(null);

  const start = () => {
    if (!canEdit) return;
    setDraft(name);
    channel.set({ editing: { id, field: 'name' } });
  };
  const finish = (commit: boolean) => {
    if (commit && draft !== null && draft !== name)
      store.getState().submit([{ type: 'patch', id, fields: { name: draft } }]);
    setDraft(null);
    channel.set({ editing: null });
  };

  if (draft === null) {
    return (
      <span
        className="node-name"
        onDoubleClick={start}
        onKeyDown={(e) => {
          if (e.key === 'F2') start();
        }}
      >
        {name || '\u00a0'}
      </span>
    );
  }
  const Tag = multiline ? 'textarea' : 'input';
  return (
    <Tag
      className="node-name-input nodrag nowheel"
      aria-label="Edit name in place"
      autoFocus
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !(multiline && e.shiftKey)) finish(true);
        if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
