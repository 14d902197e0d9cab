import { memo } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getStraightPath,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import type { FlowEdge as FlowEdgeType } from './flow-graph';

/** Where the line from the centre of `node` towards `toward` leaves the node's box. */
function borderPoint(
  node: InternalNode,
  toward: { x: number; y: number },
): { x: number; y: number } {
  const w = node.measured.width ?? node.width ?? 0;
  const h = node.measured.height ?? node.height ?? 0;
  const cx = node.internals.positionAbsolute.x + w / 2;
  const cy = node.internals.positionAbsolute.y + h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = 1 / Math.max(Math.abs(dx) / (w / 2 || 1), Math.abs(dy) / (h / 2 || 1));
  return { x: cx + dx * scale, y: cy + dy * scale };
}

function centre(node: InternalNode): { x: number; y: number } {
  return {
    x: node.internals.positionAbsolute.x + (node.measured.width ?? node.width ?? 0) / 2,
    y: node.internals.positionAbsolute.y + (node.measured.height ?? node.height ?? 0) / 2,
  };
}

/**
 * A data flow: a straight arrow between the borders of its two elements
 * (floating, so it follows the nodes wherever they move), labelled with its
 * name, protocol and a lock when encrypted; arrows both ways when bidirectional.
 */
export const FlowEdge = memo(function FlowEdge({
  id,
  source,
  target,
  data,
  selected,
  markerEnd,
}: EdgeProps<FlowEdgeType>) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!s || !t || !data) return null;
  const from = borderPoint(s, centre(t));
  const to = borderPoint(t, centre(s));
  const [path, labelX, labelY] = getStraightPath({
    sourceX: from.x,
    sourceY: from.y,
    targetX: to.x,
    targetY: to.y,
  });
  const r = data.record;
  const classes = [
    'flow-edge',
    r.outOfScope ? 'out-of-scope' : '',
    data.openThreats > 0 ? 'has-open-threats' : '',
    selected ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={classes}
        markerEnd={markerEnd ?? 'url(#tl-arrow)'}
        markerStart={r.isBidirectional ? 'url(#tl-arrow-start)' : undefined}
        interactionWidth={16}
      />
      <EdgeLabelRenderer>
        <div
          className={`flow-label nodrag nopan ${classes}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          <span>{r.name}</span>
          {r.protocol && <span className="protocol">{r.protocol}</span>}
          {r.isEncrypted && (
            <svg
              className="lock"
              role="img"
              aria-label="encrypted"
              width="10"
              height="12"
              viewBox="0 0 10 12"
            >
              <title>Encrypted</title>
              <path
                d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.3"
              />
              <rect x="1" y="5" width="8" height="6.5" rx="1" fill="currentColor" />
            </svg>
          )}
          {data.openThreats > 0 && (
            <span className="threat-badge" aria-label={`${data.openThreats} open threats`}>
              {data.openThreats}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
