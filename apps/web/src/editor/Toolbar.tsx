import { ALIGNMENTS, type Alignment } from './align';
import { PALETTE, type PaletteKind } from './element-factory';

interface ToolbarProps {
  canEdit: boolean;
  selectedBoxes: number;
  snap: boolean;
  busy: string | null;
  notice: string | null;
  onAdd: (kind: PaletteKind) => void;
  onAlign: (how: Alignment) => void;
  onSnap: (on: boolean) => void;
  onAutoLayout: () => void;
  onHelp: () => void;
  onGenerate: () => void;
}

/** Palette and diagram commands. Every button has a visible label. */
export function Toolbar(p: ToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Diagram tools">
      {p.canEdit && (
        <div className="group" role="group" aria-label="Palette">
          {PALETTE.map((item) => (
            <button
              key={item.kind}
              type="button"
              className={`palette-${item.kind}`}
              onClick={() => p.onAdd(item.kind)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {p.canEdit && p.selectedBoxes >= 2 && (
        <div className="group" role="group" aria-label="Align">
          {ALIGNMENTS.map((a) => (
            <button key={a.key} type="button" onClick={() => p.onAlign(a.key)}>
              {a.label}
            </button>
          ))}
        </div>
      )}
      <div className="group" role="group" aria-label="View">
        <label className="check">
          <input type="checkbox" checked={p.snap} onChange={(e) => p.onSnap(e.target.checked)} />{' '}
          Snap to grid
        </label>
        {p.canEdit && (
          <button type="button" onClick={p.onAutoLayout} aria-keyshortcuts="Shift+L">
            Auto-layout
          </button>
        )}
        {p.canEdit && (
          <button type="button" onClick={p.onGenerate}>
            Generate threats for the whole diagram
          </button>
        )}
        <button type="button" onClick={p.onHelp} aria-keyshortcuts="?">
          Keyboard shortcuts
        </button>
      </div>
      {p.notice && !p.busy && <span role="status">{p.notice}</span>}
      {p.busy && (
        <span role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {p.busy}
        </span>
      )}
    </div>
  );
}
