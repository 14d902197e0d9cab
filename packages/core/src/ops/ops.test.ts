import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '../model/records';
import { applyOp, applyOps } from './apply';
import { invertOps } from './invert';
import { toRecordMap, type Op, type RecordMap } from './ops';
import { validateOp } from './validate';

const rec = (r: Record<string, unknown>): ModelRecord => ZModelRecord.parse(r);

function baseModel(): RecordMap {
  return toRecordMap([
    rec({ id: 'm1', typeName: 'model', title: 'Shop' }),
    rec({ id: 'd1', typeName: 'diagram', title: 'Main' }),
    rec({ id: 'a1', typeName: 'actor', diagramId: 'd1', name: 'Customer' }),
    rec({ id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Web app' }),
    rec({ id: 's1', typeName: 'store', diagramId: 'd1', name: 'DB' }),
    rec({
      id: 'f1',
      typeName: 'flow',
      diagramId: 'd1',
      sourceId: 'a1',
      targetId: 'p1',
      name: 'orders',
    }),
    rec({
      id: 't1',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'p1',
      title: 'Spoofed user',
      category: 'spoofing',
    }),
    rec({ id: 'g1', typeName: 'mitigation', threatId: 't1', title: 'MFA' }),
    rec({ id: 'c1', typeName: 'comment', targetId: 't1', body: 'really?' }),
    rec({ id: 'c2', typeName: 'comment', targetId: 't1', parentId: 'c1', body: 'yes' }),
  ]);
}

const snapshot = (s: RecordMap) => [...s.values()].sort((a, b) => a.id.localeCompare(b.id));

describe('validateOp', () => {
  it('OPS-VALID-1 rejects ops of the wrong shape with a located issue', () => {
    const r = validateOp(baseModel(), { type: 'patch', id: 'p1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_op');
      expect(r.error.issues?.[0]?.path).toBe('fields');
    }
  });

  it('OPS-VALID-2 checks a patch against the patched record schema', () => {
    const bad = validateOp(baseModel(), { type: 'patch', id: 't1', fields: { status: 'done' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('fields.status');
    expect(
      validateOp(baseModel(), { type: 'patch', id: 't1', fields: { status: 'mitigated' } }).ok,
    ).toBe(true);
  });

  it('OPS-VALID-3 refuses unknown fields, id and typeName changes', () => {
    expect(validateOp(baseModel(), { type: 'patch', id: 'p1', fields: { color: 'red' } }).ok).toBe(
      false,
    );
    const r = validateOp(baseModel(), { type: 'patch', id: 'p1', fields: { typeName: 'store' } });
    expect(!r.ok && r.error.code).toBe('immutable_field');
  });

  it('OPS-VALID-4 a flow end must be an actor, process or store of the same diagram', () => {
    const state = baseModel();
    applyOp(state, { type: 'put', record: rec({ id: 'd2', typeName: 'diagram' }) });
    applyOp(state, {
      type: 'put',
      record: rec({ id: 'p2', typeName: 'process', diagramId: 'd2' }),
    });
    const cross = validateOp(state, {
      type: 'put',
      record: { id: 'f9', typeName: 'flow', diagramId: 'd1', sourceId: 'a1', targetId: 'p2' },
    });
    expect(!cross.ok && cross.error.code).toBe('invariant');
    const missing = validateOp(state, { type: 'patch', id: 'f1', fields: { targetId: 'nope' } });
    expect(!missing.ok && missing.error.message).toMatch(/nope does not exist/);
    const dangling = validateOp(state, {
      type: 'put',
      record: { id: 'f8', typeName: 'flow', diagramId: 'd1', sourceId: 'a1' },
    });
    expect(!dangling.ok && dangling.error.issues?.[0]?.path).toBe('targetId');
    const point = validateOp(state, {
      type: 'put',
      record: {
        id: 'f8',
        typeName: 'flow',
        diagramId: 'd1',
        sourceId: 'a1',
        targetPoint: { x: 1, y: 2 },
      },
    });
    expect(point.ok).toBe(true);
  });

  it('OPS-VALID-5 a record keeps its type and the model keeps its one model record', () => {
    const retype = validateOp(baseModel(), {
      type: 'put',
      record: { id: 'p1', typeName: 'store', diagramId: 'd1' },
    });
    expect(!retype.ok && retype.error.code).toBe('type_mismatch');
    expect(
      validateOp(baseModel(), { type: 'put', record: { id: 'm2', typeName: 'model', title: 'x' } })
        .ok,
    ).toBe(false);
    expect(validateOp(baseModel(), { type: 'remove', id: 'm1' }).ok).toBe(false);
    const gone = validateOp(baseModel(), { type: 'remove', id: 'zzz' });
    expect(!gone.ok && gone.error.code).toBe('not_found');
  });

  it('OPS-VALID-6 fills schema defaults into a valid put', () => {
    const r = validateOp(baseModel(), {
      type: 'put',
      record: { id: 'n1', typeName: 'note', diagramId: 'd1', name: 'hi' },
    });
    expect(r.ok && r.op.type === 'put' && r.op.record).toMatchObject({
      width: 120,
      outOfScope: false,
    });
  });
});

describe('applyOp', () => {
  it('OPS-APPLY-1 patch sets only the named fields', () => {
    const state = baseModel();
    applyOp(state, { type: 'patch', id: 'p1', fields: { name: 'API' } });
    expect(state.get('p1')).toMatchObject({ name: 'API', diagramId: 'd1', typeName: 'process' });
  });

  it('OPS-APPLY-2 remove cascades to flows, threats, mitigations and comment threads', () => {
    const state = baseModel();
    applyOp(state, { type: 'remove', id: 'p1' });
    expect([...state.keys()].sort()).toEqual(['a1', 'd1', 'm1', 's1']);
  });

  it('OPS-APPLY-3 patch or remove of a missing record is a no-op on a replica', () => {
    const state = baseModel();
    applyOps(state, [
      { type: 'patch', id: 'gone', fields: { name: 'x' } },
      { type: 'remove', id: 'gone' },
    ]);
    expect(snapshot(state)).toEqual(snapshot(baseModel()));
  });
});

describe('invertOps', () => {
  const cases: Array<[string, Op[]]> = [
    ['new put', [{ type: 'put', record: rec({ id: 'n1', typeName: 'note', diagramId: 'd1' }) }]],
    [
      'put over existing',
      [
        {
          type: 'put',
          record: rec({ id: 'p1', typeName: 'process', diagramId: 'd1', name: 'New' }),
        },
      ],
    ],
    ['patch', [{ type: 'patch', id: 't1', fields: { status: 'mitigated', severity: 'high' } }]],
    ['remove with cascade', [{ type: 'remove', id: 'p1' }]],
    ['remove a diagram', [{ type: 'remove', id: 'd1' }]],
    [
      'sequence touching one record twice',
      [
        { type: 'patch', id: 'p1', fields: { name: 'A' } },
        { type: 'patch', id: 'p1', fields: { name: 'B' } },
        { type: 'remove', id: 'a1' },
      ],
    ],
  ];
  describe('OPS-INVERT-1 applying the inverse restores the state', () => {
    it.each(cases)('%s', (_name, ops) => {
      const before = baseModel();
      const inverse = invertOps(before, ops);
      const state = new Map(before);
      applyOps(state, ops);
      applyOps(state, inverse);
      expect(snapshot(state)).toEqual(snapshot(before));
    });
  });

  it('OPS-INVERT-2 the inverse of a cascading remove re-validates op by op', () => {
    const before = baseModel();
    const state = new Map(before);
    const inverse = invertOps(before, [{ type: 'remove', id: 'd1' }]);
    applyOp(state, { type: 'remove', id: 'd1' });
    for (const op of inverse) {
      const check = validateOp(state, op);
      expect(check.ok, JSON.stringify(op)).toBe(true);
      applyOp(state, op);
    }
  });
});
