import { useEffect, useRef, useState } from 'react';
import { useModel, useModelContext } from '../../model/model-context';

/**
 * An element's name, edited in place on double-click, F2, or right after
 * the palette added the element (the store's `renaming`). Tells others who
 * is editing it; commits one patch, then gives focus back to the node.
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
  const renaming = useModel((s) => s.renaming === id);
  // A node the palette just added opens with its name field, in its first render.
  const [draft, setDraft] = useState<string | null>(() => (renaming && canEdit ? name : null));
  // Enter finishes the edit and moves focus to the node, which blurs the field and would finish
  // it again with the same stale draft (a second, identical patch): one finish per edit.
  const open = useRef(renaming && canEdit);

  const start = () => {
    if (!canEdit) return;
    open.current = true;
    setDraft((d) => d ?? name);
    channel.set({ editing: { id, field: 'name' } });
  };
  useEffect(() => {
    if (renaming) start();
    // Only a new request starts editing; `start` reads the name at that moment.
  }, [renaming]);
  const finish = (commit: boolean) => {
    if (!open.current) return;
    open.current = false;
    if (commit && draft !== null && draft !== name)
      store.getState().submit([{ type: 'patch', id, fields: { name: draft } }]);
    setDraft(null);
    channel.set({ editing: null });
    if (store.getState().renaming === id) store.getState().endRename();
  };

  if (draft === null) {
    return (
      <span className="node-name" onDoubleClick={start}>
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
      // Typing replaces the whole name, as in a file manager.
      onFocus={(e) => e.currentTarget.select()}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        const done = e.key === 'Escape' || (e.key === 'Enter' && !(multiline && e.shiftKey));
        if (!done) return;
        e.preventDefault();
        // Keyboard users carry on from the node, not from the top of the page.
        const node = e.currentTarget.closest<HTMLElement>('.react-flow__node');
        finish(e.key === 'Enter');
        node?.focus();
      }}
    />
  );
}
