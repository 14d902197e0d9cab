import { describe, expect, it } from 'vitest';
import { importModel } from '../formats/import-model';
import { toRecordMap, type RecordMap } from '../ops/ops';
import { decideCommit } from '../sync/commit';
import { NATIVE_FORMAT, NATIVE_VERSION } from './document';
import {
  DEFAULT_MODEL_LIMITS,
  LimitError,
  MAX_NAME_CHARS,
  MAX_TEXT_CHARS,
  type ModelLimits,
} from './limits';
import { ZModelRecord } from './records';

const modelRecord = { id: 'm', typeName: 'model', title: 'Big' } as const;
const diagram = { id: 'd', typeName: 'diagram' } as const;
const proc = (id: string) => ({ id, typeName: 'process', diagramId: 'd' }) as const;

/** A valid model of `elements` processes plus `threats` threats on the first one, defaults filled. */
function bigState(elements: number, threats = 0): RecordMap {
  const raw: unknown[] = [modelRecord, diagram];
  for (let i = 0; i < elements; i++) raw.push(proc(`p${i}`));
  for (let i = 0; i < threats; i++)
    raw.push({
      id: `t${i}`,
      typeName: 'threat',
      diagramId: 'd',
      elementId: 'p0',
      category: 'spoofing',
    });
  return toRecordMap(raw.map((r) => ZModelRecord.parse(r)));
}

function commitOne(state: RecordMap, op: unknown, limits?: ModelLimits) {
  const outcome = decideCommit({
    state,
    seq: 0,
    ops: [{ opId: 'o1', op, actor: 'u1' }],
    roleOf: () => 'owner',
    priorOf: () => undefined,
    ...(limits ? { limits } : {}),
  });
  return outcome.decisions[0]!;
}

describe('model limits', () => {
  it('are the documented numbers', () => {
    expect(DEFAULT_MODEL_LIMITS).toEqual({ maxElements: 100_000, maxRecords: 250_000 });
    expect(MAX_TEXT_CHARS).toBe(50_000);
    expect(MAX_NAME_CHARS).toBe(1_000);
  });

  it('refuse a new element in a model at the element limit, and nothing changes', () => {
    const state = bigState(DEFAULT_MODEL_LIMITS.maxElements);
    const before = state.size;
    const d = commitOne(state, { type: 'put', record: proc('one-more') });
    expect(d.ok).toBe(false);
    expect(!d.ok && d.error.code).toBe('model_too_large');
    expect(!d.ok && d.error.message).toMatch(/at most 100,000 elements/);
    expect(state.size).toBe(before);
    // Records other than elements, and changes to existing elements, still go in.
    expect(commitOne(state, { type: 'patch', id: 'p1', fields: { name: 'x' } }).ok).toBe(true);
    const threat = {
      id: 't',
      typeName: 'threat',
      diagramId: 'd',
      elementId: 'p0',
      category: 'tampering',
    };
    expect(commitOne(state, { type: 'put', record: threat }).ok).toBe(true);
    // Removing an element makes room for one.
    expect(commitOne(state, { type: 'remove', id: 'p2' }).ok).toBe(true);
    expect(commitOne(state, { type: 'put', record: proc('one-more') }).ok).toBe(true);
    expect(commitOne(state, { type: 'put', record: proc('two-more') }).ok).toBe(false);
  });

  it('count elements across one batch of ops', () => {
    const state = bigState(3);
    const outcome = decideCommit({
      state,
      seq: 0,
      ops: ['a', 'b', 'c'].map((id) => ({
        opId: id,
        op: { type: 'put', record: proc(id) },
        actor: 'u',
      })),
      roleOf: () => 'editor',
      priorOf: () => undefined,
      limits: { maxElements: 5, maxRecords: 100 },
    });
    expect(outcome.decisions.map((d) => (d.ok ? 'ok' : d.error.code))).toEqual([
      'ok',
      'ok',
      'model_too_large',
    ]);
  });

  it('refuse a new record of any kind in a model at the records limit', () => {
    const state = bigState(10, DEFAULT_MODEL_LIMITS.maxRecords - 12);
    expect(state.size).toBe(DEFAULT_MODEL_LIMITS.maxRecords);
    const comment = { id: 'c', typeName: 'comment', targetId: 'p0', body: 'hi' };
    const d = commitOne(state, { type: 'put', record: comment });
    expect(!d.ok && d.error.code).toBe('model_too_large');
    expect(!d.ok && d.error.message).toMatch(/at most 250,000 records/);
    expect(state.has('c')).toBe(false);
  });

  it('refuse text longer than its field as text_too_long, in a put and in a patch', () => {
    const state = bigState(1);
    const long = 'x'.repeat(MAX_TEXT_CHARS + 1);
    const put = commitOne(state, { type: 'put', record: { ...proc('q'), description: long } });
    expect(!put.ok && put.error.code).toBe('text_too_long');
    expect(!put.ok && put.error.issues?.[0]?.path).toBe('record.description');
    const patch = commitOne(state, {
      type: 'patch',
      id: 'p0',
      fields: { name: 'n'.repeat(MAX_NAME_CHARS + 1) },
    });
    expect(!patch.ok && patch.error.code).toBe('text_too_long');
    expect(state.get('p0')).toMatchObject({ name: '' });
    // At the limit is fine.
    expect(
      commitOne(state, {
        type: 'patch',
        id: 'p0',
        fields: { description: 'x'.repeat(MAX_TEXT_CHARS) },
      }).ok,
    ).toBe(true);
  });

  it('refuse an import over the limits before anything is returned', () => {
    const records: unknown[] = [modelRecord, diagram];
    for (let i = 0; i < DEFAULT_MODEL_LIMITS.maxRecords; i++) records.push(proc(`p${i}`));
    const native = { format: NATIVE_FORMAT, version: NATIVE_VERSION, records };
    const tooMany = () => importModel(native);
    expect(tooMany).toThrow(LimitError);
    expect(tooMany).toThrow(/at most 250,000 records/);
    try {
      tooMany();
    } catch (err) {
      expect((err as LimitError).code).toBe('model_too_large');
    }

    const small = {
      format: NATIVE_FORMAT,
      version: NATIVE_VERSION,
      records: [modelRecord, diagram, proc('a'), proc('b')],
    };
    expect(importModel(small).records).toHaveLength(4);
    expect(() => importModel(small, { limits: { maxElements: 1, maxRecords: 10 } })).toThrow(
      /at most 1 elements/,
    );

    const longText = {
      ...small,
      records: [
        modelRecord,
        diagram,
        { ...proc('a'), description: 'x'.repeat(MAX_TEXT_CHARS + 1) },
      ],
    };
    try {
      importModel(longText);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LimitError);
      expect((err as LimitError).code).toBe('text_too_long');
    }
  });
});
