import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LineNode } from '../flow-graph';

/** A trust boundary drawn as a dashed polyline; its points are relative to the node's box. */
export const BoundaryLineNode = memo(function BoundaryLineNode({
  data,
  width,
  height,
}: NodeProps<LineNode>) {
  const { record, origin } = data;
  const points = record.points.map((p) => `${p.x - origin.x},${p.y - origin.y}`).join(' ');
  const first = record.points[0]!;
  return (
    <svg
      className="boundary-line"
      width={width}
      height={height}
      role="img"
      aria-label={`Trust boundary line ${record.name}`}
    >
      <polyline points={points} />
      <text x={first.x - origin.x} y={first.y - origin.y - 4}>
        {record.name}
      </text>
    </svg>
  );
});

/** A flow end left dangling at a point: a small dot, draggable. */
export const PointNode = memo(function PointNode() {
  return (
    <div className="flow-point">
      <Handle
        type="source"
        position={Position.Top}
        isConnectable={false}
        className="handle-hidden"
      />
    </div>
  );
});
