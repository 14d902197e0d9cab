import { useShallow } from 'zustand/react/shallow';
import { useModel, usePresence } from '../model/model-context';
import type { ModelState } from '../model/model-store';

const selectBar = (s: ModelState) => ({
  status: s.status,
  pending: s.pending,
  canUndo: s.canUndo,
  canRedo: s.canRedo,
  error: s.error,
  canEdit: s.canEdit,
});

/** Who is here, connection state, undo/redo, and refusals. */
export function CollabBar() {
  const { status, pending, canUndo, canRedo, error, canEdit } = useModel(useShallow(selectBar));
  const undo = useModel((s) => s.undo);
  const redo = useModel((s) => s.redo);
  const dismiss = useModel((s) => s.dismissError);
  const peers = usePresence(useShallow((s) => Object.values(s.peers)));
  const unique = [...new Map(peers.map((p) => [p.userId || p.key, p])).values()];
  return (
    <div className="collab-bar">
      <ul className="avatars" aria-label="Who is here">
        {unique.map((p) => (
          <li
            key={p.key}
            className="avatar"
            title={p.name}
            aria-label={p.name}
            style={{ background: p.color }}
          >
            {initials(p.name)}
          </li>
        ))}
      </ul>
      {canEdit && (
        <>
          <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={!canRedo}
            aria-keyshortcuts="Control+Shift+Z"
          >
            Redo
          </button>
        </>
      )}
      <span className={`conn conn-${status}`} role="status" aria-label="Connection">
        {status === 'online'
          ? pending
            ? `Saving ${pending}…`
            : 'Saved'
          : status === 'connecting'
            ? 'Connecting…'
            : 'Offline'}
      </span>
      {status === 'offline' && (
        <div className="offline-banner" role="alert">
          You are offline. Your edits are kept on this device and sent when the connection returns
          {pending ? ` (${pending} waiting)` : ''}.
        </div>
      )}
      {error && (
        <div className="toast" role="alert">
          {error}
          <button type="button" onClick={dismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '?'
  );
}
