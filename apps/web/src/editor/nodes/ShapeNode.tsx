import { memo } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { useModel, useModelContext } from '../../model/model-context';
import { selectCanEdit } from '../../model/model-store';
import type { ShapeNode as ShapeNodeType } from '../flow-graph';
import { useEditingBadge } from './use-editing-badge';
import { InlineName } from './InlineName';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;
const MIN = { actor: [60, 40], process: [60, 60], store: [80, 40], boundary: [80, 60], note: [60, 30] } as const;

/**
 * Every box-shaped element: actor (rectangle), process (round), store
 * (open-sided), boundary (dashed box), note. Memoized: it re-renders only when
 * its record, threat count or selection changes.
 */
export const ShapeNode = memo(function ShapeNode({ id, data, selected, type }: NodeProps<ShapeNodeType>) {
  const canEdit = useModel(selectCanEdit);
  const { store } = useModelContext();
  const editingBy = useEditingBadge(id);
  const r = data.record;
  const connectable = canEdit && type !== 'boundary' && type !== 'note';
  const classes = ['shape', `shape-${type}`, r.outOfScope ? 'out-of-scope' : '', data.openThreats > 0 ? 'has-open-threats' : ''].filter(Boolean).join(' ');
  const [minWidth, minHeight] = MIN[type];
  return (
    <div className={classes} title={r.outOfScope ? `Out of scope${r.outOfScopeReason ? `: ${r.outOfScopeReason}` : ''}` : undefined}>
      {canEdit && (
        <NodeResizer
          isVisible={selected}
          minWidth={minWidth}
          minHeight={minHeight}
          keepAspectRatio={type === 'process'}
          onResizeEnd={(_e, p) =>
            store.getState().submit([{ type: 'patch', id, fields: { x: Math.round(p.x), y: Math.round(p.y), width: Math.round(p.width), height: Math.round(p.height) } }])
          }
        />
      )}
      <InlineName id={id} name={r.name} canEdit={canEdit} multiline={type === 'note'} />
      {data.openThreats > 0 && (
        <span className="threat-badge" aria-label={`${data.openThreats} open threats`}>
          {data.openThreats}
        </span>
      )}
      {editingBy && <span className="editing-badge">{editingBy} is editing Name</span>}
      {/* Handles exist on every box so flows always render; only flow ends accept new connections. */}
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} isConnectable={connectable} className={connectable ? undefined : 'handle-hidden'} aria-label={`Connect from ${side}`} />
      ))}
    </div>
  );
});
