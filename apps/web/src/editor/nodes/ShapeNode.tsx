import { memo, useEffect, useRef, useState } from 'react';
import {
  Handle,
  NodeResizer,
  Position,
  useStore as useFlowStore,
  useUpdateNodeInternals,
  type NodeProps,
} from '@xyflow/react';
import { useModel, useModelContext } from '../../model/model-context';
import { selectCanEdit } from '../../model/model-store';
import { resizeOps } from '../edit-ops';
import type { ShapeNode as ShapeNodeType } from '../flow-graph';
import { useEditingBadge } from './use-editing-badge';
import { InlineName } from './InlineName';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;
const MIN = {
  actor: [60, 40],
  process: [60, 60],
  store: [80, 40],
  boundary: [80, 60],
  note: [60, 30],
} as const;

/**
 * Every box-shaped element: actor (rectangle), process (round), store
 * (open-sided), boundary (dashed box), note. Memoized: it re-renders only when
 * its record, threat count or selection changes.
 */
export const ShapeNode = memo(function ShapeNode({
  id,
  data,
  selected,
  type,
}: NodeProps<ShapeNodeType>) {
  const canEdit = useModel(selectCanEdit);
  const { store } = useModelContext();
  const editingBy = useEditingBadge(id);
  const connectable = canEdit && type !== 'boundary' && type !== 'note';
  // Side handles only while hovered or selected: four handles on each of 1,000 nodes cost more to render than the nodes.
  const [hover, setHover] = useState(false);
  // ...and while a flow is being drawn from this node, so the handle it started from stays put.
  const connecting = useFlowStore(
    (s) => s.connection.inProgress && s.connection.fromNode.id === id,
  );
  const showHandles = connectable && (hover || selected || connecting);
  // React Flow must re-measure a node whose handles come and go, or it cannot start a connection from them.
  const updateNodeInternals = useUpdateNodeInternals();
  const mounted = useRef(false);
  useEffect(() => {
    // The first measurement is React Flow's own; only later changes need telling.
    if (mounted.current) updateNodeInternals(id);
    mounted.current = true;
  }, [showHandles, id, updateNodeInternals]);
  const r = data.record;
  const classes = [
    'shape',
    `shape-${type}`,
    r.outOfScope ? 'out-of-scope' : '',
    data.openThreats > 0 ? 'has-open-threats' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const [minWidth, minHeight] = MIN[type];
  return (
    <div
      className={classes}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      title={
        r.outOfScope
          ? `Out of scope${r.outOfScopeReason ? `: ${r.outOfScopeReason}` : ''}`
          : undefined
      }
    >
      {canEdit && (
        <NodeResizer
          isVisible={selected}
          minWidth={minWidth}
          minHeight={minHeight}
          keepAspectRatio={type === 'process'}
          onResizeEnd={(_e, box) => {
            const ops = resizeOps(r, box);
            if (ops.length) store.getState().submit(ops);
          }}
        />
      )}
      <InlineName id={id} name={r.name} canEdit={canEdit} multiline={type === 'note'} />
      {data.openThreats > 0 && (
        <span className="threat-badge" aria-label={`${data.openThreats} open threats`}>
          {data.openThreats}
        </span>
      )}
      {editingBy && <span className="editing-badge">{editingBy} is editing Name</span>}
      {/* Every box keeps one hidden anchor so its flows render (flows are drawn border to border, not from handles). */}
      <Handle
        id="anchor"
        type="source"
        position={Position.Top}
        isConnectable={false}
        className="handle-hidden"
      />
      {showHandles &&
        SIDES.map((side) => (
          <Handle
            key={side}
            id={side}
            type="source"
            position={side}
            isConnectable
            aria-label={`Connect from ${side}`}
          />
        ))}
    </div>
  );
});
