import { describe, expect, it } from 'vitest';
import type { Element, Flow, Process } from '@threatloom/core';
import { pointNodeId, reconcile } from './flow-graph';

const base = {
  diagramId: 'd',
  description: '',
  outOfScope: false,
  outOfScopeReason: '',
  handlesPII: false,
  isMLModel: false,
  isTrainingData: false,
  zIndex: 0,
};
const proc = (id: string, x = 0): Process => ({
  ...base,
  id,
  typeName: 'process',
  name: id,
  x,
  y: 0,
  width: 100,
  height: 100,
  privilegeLevel: '',
  isWebApplication: false,
  handlesCardPayment: false,
  handlesGoodsOrServices: false,
});
const flow = (id: string, sourceId: string | null, targetId: string | null): Flow => ({
  ...base,
  id,
  typeName: 'flow',
  name: id,
  sourceId,
  targetId,
  sourcePoint: sourceId ? null : { x: 5, y: 6 },
  targetPoint: targetId ? null : { x: 7, y: 8 },
  waypoints: [],
  protocol: '',
  isEncrypted: false,
  isPublicNetwork: false,
  isBidirectional: false,
});

describe('reconcile (records to React Flow nodes and edges)', () => {
  it('reuses the node and edge objects of unchanged records, so React Flow re-renders only what changed', () => {
    const a = proc('a');
    const b = proc('b', 200);
    const f = flow('f', 'a', 'b');
    const first = reconcile([a, b, f], new Map(), [], [], new Set());
    const movedB = { ...b, x: 300 };
    const second = reconcile([a, movedB, f], new Map(), first.nodes, first.edges, new Set());
    expect(second.nodes.find((n) => n.id === 'a')).toBe(first.nodes.find((n) => n.id === 'a'));
    expect(second.nodes.find((n) => n.id === 'b')).not.toBe(first.nodes.find((n) => n.id === 'b'));
    expect(second.nodes.find((n) => n.id === 'b')!.position).toEqual({ x: 300, y: 0 });
    expect(second.edges[0]).toBe(first.edges[0]);
  });

  it('rebuilds a node when its open-threat count or selection changes', () => {
    const a = proc('a');
    const first = reconcile([a], new Map(), [], [], new Set());
    const threatened = reconcile([a], new Map([['a', 2]]), first.nodes, first.edges, new Set());
    expect(threatened.nodes[0]).not.toBe(first.nodes[0]);
    expect(threatened.nodes[0]!.data).toMatchObject({ openThreats: 2 });
    const selected = reconcile(
      [a],
      new Map([['a', 2]]),
      threatened.nodes,
      threatened.edges,
      new Set(['a']),
    );
    expect(selected.nodes[0]!.selected).toBe(true);
  });

  it('keeps the live position of a node being dragged when a remote update arrives', () => {
    const a = proc('a');
    const first = reconcile([a], new Map(), [], [], new Set());
    const dragging = [{ ...first.nodes[0]!, dragging: true, position: { x: 42, y: 43 } }];
    const renamed: Element = { ...a, name: 'renamed' };
    const next = reconcile([renamed], new Map(), dragging, [], new Set());
    expect(next.nodes[0]!.position).toEqual({ x: 42, y: 43 });
    expect((next.nodes[0]!.data as { record: Element }).record.name).toBe('renamed');
  });

  it('stands a dangling flow end on a point node so the flow still renders', () => {
    const a = proc('a');
    const f = flow('f', 'a', null);
    const { nodes, edges } = reconcile([a, f], new Map(), [], [], new Set());
    expect(edges[0]).toMatchObject({ source: 'a', target: pointNodeId('f', 'target') });
    expect(nodes.find((n) => n.id === pointNodeId('f', 'target'))!.position).toEqual({
      x: 7,
      y: 8,
    });
  });

  it('draws boundaries behind everything else', () => {
    const a = proc('a');
    const boundary: Element = {
      ...base,
      id: 'z',
      typeName: 'boundary',
      name: 'zone',
      x: -50,
      y: -50,
      width: 400,
      height: 300,
      zIndex: 0,
    };
    const { nodes } = reconcile([a, boundary], new Map(), [], [], new Set());
    expect(nodes.find((n) => n.id === 'z')!.zIndex).toBe(-1);
  });
});
