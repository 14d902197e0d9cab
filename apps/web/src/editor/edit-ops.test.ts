import { describe, expect, it } from 'vitest';
import { isBoxElement, isElement, type Flow } from '@threatloom/core';
import { applyChecked, MODEL_SKETCH, stateOf } from '../model/records.test-helper';
import { canConnect, connectOps, deleteOps, dragOps, resizeOps } from './edit-ops';
import { pointNodeId, reconcile, type DiagramNode } from './flow-graph';

const state = () =>
  stateOf([
    ...MODEL_SKETCH,
    {
      id: 'u',
      typeName: 'actor',
      diagramId: 'd',
      name: 'User',
      x: 0,
      y: 0,
      width: 100,
      height: 50,
    },
    {
      id: 'p',
      typeName: 'process',
      diagramId: 'd',
      name: 'API',
      x: 300,
      y: 0,
      width: 100,
      height: 100,
    },
    {
      id: 'n',
      typeName: 'note',
      diagramId: 'd',
      name: 'Note',
      x: 0,
      y: 300,
      width: 100,
      height: 50,
    },
    {
      id: 'l',
      typeName: 'boundary-line',
      diagramId: 'd',
      points: [
        { x: 10, y: 10 },
        { x: 110, y: 60 },
      ],
    },
    { id: 'f', typeName: 'flow', diagramId: 'd', name: 'Login', sourceId: 'u', targetId: 'p' },
    {
      id: 'g',
      typeName: 'flow',
      diagramId: 'd',
      sourceId: 'p',
      targetId: null,
      targetPoint: { x: 600, y: 40 },
    },
  ]);
const graphOf = (records: ReturnType<typeof state>) =>
  reconcile([...records.values()].filter(isElement), new Map(), [], [], new Set());
const moved = (n: DiagramNode, dx: number, dy: number): DiagramNode => ({
  ...n,
  position: { x: n.position.x + dx, y: n.position.y + dy },
});
const nodeOf = (nodes: DiagramNode[], id: string) => nodes.find((n) => n.id === id)!;

describe('dragOps', () => {
  it('moves boxes to their rounded new position, and the result validates in core', () => {
    const records = state();
    const { nodes } = graphOf(records);
    const ops = dragOps([moved(nodeOf(nodes, 'u'), 40.4, 19.6)]);
    expect(ops).toEqual([{ type: 'patch', id: 'u', fields: { x: 40, y: 20 } }]);
    applyChecked(records, ...ops);
    expect(records.get('u')).toMatchObject({ x: 40, y: 20, width: 100 });
  });

  it('a boundary line moves every point by the distance dragged', () => {
    const records = state();
    const { nodes } = graphOf(records);
    applyChecked(records, ...dragOps([moved(nodeOf(nodes, 'l'), 5, -10)]));
    expect(records.get('l')).toMatchObject({
      points: [
        { x: 15, y: 0 },
        { x: 115, y: 50 },
      ],
    });
  });

  it("a dangling flow end moves the flow's point", () => {
    const records = state();
    const { nodes } = graphOf(records);
    const end = nodeOf(nodes, pointNodeId('g', 'target'));
    applyChecked(records, ...dragOps([{ ...end, position: { x: 700, y: 80 } }]));
    expect((records.get('g') as Flow).targetPoint).toEqual({ x: 700, y: 80 });
  });

  it('a drag that ends where it started builds no op', () => {
    const { nodes } = graphOf(state());
    expect(dragOps([nodeOf(nodes, 'u'), moved(nodeOf(nodes, 'l'), 0.2, -0.3)])).toEqual([]);
  });
});

describe('resizeOps', () => {
  it('patches only what changed, rounded', () => {
    const records = state();
    const actor = records.get('u')!;
    if (!isBoxElement(actor)) throw new Error('not a box');
    const ops = resizeOps(actor, { x: 0, y: 0, width: 160.7, height: 50.2 });
    expect(ops).toEqual([{ type: 'patch', id: 'u', fields: { width: 161 } }]);
    applyChecked(records, ...ops);
    expect(resizeOps(actor, actor)).toEqual([]);
  });
});

describe('canConnect and connectOps', () => {
  it('connects actors, processes and stores, never an element to itself or a note', () => {
    const records = state();
    expect(canConnect(records, 'u', 'p')).toBe(true);
    expect(canConnect(records, 'p', 'p')).toBe(false);
    expect(canConnect(records, 'u', 'n')).toBe(false);
    expect(canConnect(records, 'u', 'missing')).toBe(false);
  });

  it('builds a flow named "Data flow" that core accepts, with the id it reports', () => {
    const records = state();
    const { ops, id } = connectOps('d', 'p', 'u', 'new-flow');
    expect(id).toBe('new-flow');
    applyChecked(records, ...ops);
    expect(records.get('new-flow')).toMatchObject({
      typeName: 'flow',
      name: 'Data flow',
      sourceId: 'p',
      targetId: 'u',
    });
  });
});

describe('canConnect', () => {
  it('refuses an end that is not in the model', () => {
    const records = state();
    expect(canConnect(records, 'u', 'gone')).toBe(false);
    expect(canConnect(records, 'gone', 'p')).toBe(false);
  });
});

describe('deleteOps', () => {
  it('removes flows before elements, so the cascade never removes a flow twice', () => {
    const records = state();
    const { nodes, edges } = graphOf(records);
    const ops = deleteOps(records, [nodeOf(nodes, 'u'), nodeOf(nodes, 'p')], edges);
    expect(ops.map((o) => o.type === 'remove' && o.id)).toEqual(['f', 'g', 'u', 'p']);
    applyChecked(records, ...ops);
    expect(['u', 'p', 'f', 'g'].filter((id) => records.has(id))).toEqual([]);
  });

  it('a dangling end stands for its flow, and ids already gone are skipped', () => {
    const records = state();
    const { nodes } = graphOf(records);
    const end = nodeOf(nodes, pointNodeId('g', 'target'));
    records.delete('u');
    expect(deleteOps(records, [end, nodeOf(nodes, 'u')], [])).toEqual([
      { type: 'remove', id: 'g' },
    ]);
  });
});

describe('connectOps', () => {
  it('new ids differ between calls', () => {
    expect(connectOps('d', 'u', 'p').id).not.toBe(connectOps('d', 'u', 'p').id);
  });
});
