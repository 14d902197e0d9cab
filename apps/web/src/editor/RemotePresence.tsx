import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { isBoxElement } from '@threatloom/core';
import { useModel, usePresence } from '../model/model-context';
import { selectDiagramId, selectRecords } from '../model/model-store';

/**
 * Other people's cursors (with names), selections (outlined in their colour)
 * and live drags (a ghost of the box where they are moving it), drawn in flow coordinates above the canvas. Reads the presence
 * store only, so cursor traffic never touches the diagram's nodes.
 */
export const RemotePresence = memo(function RemotePresence() {
  const diagramId = useModel(selectDiagramId);
  const records = useModel(selectRecords);
  const peers = usePresence(
    useShallow((s) => Object.values(s.peers).filter((p) => p.state.diagramId === diagramId)),
  );
  return (
    <ViewportPortal>
      {peers.map((p) => (
        <div key={p.key}>
          {p.state.selection.map((id) => {
            const r = records.get(id);
            if (!r || !isBoxElement(r)) return null;
            return (
              <div
                key={id}
                className="remote-selection"
                aria-hidden="true"
                style={{
                  transform: `translate(${r.x - 4}px, ${r.y - 4}px)`,
                  width: r.width + 8,
                  height: r.height + 8,
                  borderColor: p.color,
                }}
              />
            );
          })}
          {p.state.drag.map((d) => {
            const r = records.get(d.id);
            if (!r || !isBoxElement(r)) return null;
            // Where someone is dragging this element right now; it lands there when they let go.
            return (
              <div
                key={`drag-${d.id}`}
                className="remote-drag"
                aria-hidden="true"
                style={{
                  transform: `translate(${d.x}px, ${d.y}px)`,
                  width: r.width,
                  height: r.height,
                  borderColor: p.color,
                }}
              />
            );
          })}
          {p.state.cursor && (
            <div
              className="remote-cursor"
              role="img"
              aria-label={`Cursor of ${p.name}`}
              style={{ transform: `translate(${p.state.cursor.x}px, ${p.state.cursor.y}px)` }}
            >
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M0 0 L0 14 L4 10 L8 16 L10 15 L6 9 L12 9 Z" fill={p.color} />
              </svg>
              <span className="remote-name" style={{ background: p.color }}>
                {p.name}
              </span>
            </div>
          )}
        </div>
      ))}
    </ViewportPortal>
  );
});
