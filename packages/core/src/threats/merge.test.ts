import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord, type Threat } from '../model/records';
import { applyOp, applyOps } from '../ops/apply';
import { toRecordMap, type Op } from '../ops/ops';
import { validateOp } from '../ops/validate';
import { generateThreats } from './generate';
import { mergeSuggestions } from './merge';

function model(): ModelRecord[] {
  return [
    { id: 'm', typeName: 'model', title: 'Merge' },
    { id: 'd', typeName: 'diagram', methodology: 'stride' },
    { id: 'user', typeName: 'actor', diagramId: 'd', x: 0, y: 0 },
    { id: 'api', typeName: 'process', diagramId: 'd', x: 400, y: 0 },
    { id: 'db', typeName: 'store', diagramId: 'd', x: 800, y: 0, storesCredentials: true },
    {
      id: 'f1',
      typeName: 'flow',
      diagramId: 'd',
      sourceId: 'user',
      targetId: 'api',
      isPublicNetwork: true,
    },
    { id: 'f2', typeName: 'flow', diagramId: 'd', sourceId: 'api', targetId: 'db' },
    // a manual threat numbered 7: generated ones continue after it
    {
      id: 'manual',
      typeName: 'threat',
      diagramId: 'd',
      elementId: 'api',
      number: 7,
      title: 'Hand-written',
      category: 'tampering',
    },
  ].map((r) => ZModelRecord.parse(r));
}

function counter(prefix = 'gen') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Applies ops one by one as the server would, failing on any op it would refuse. */
function applyValidated(records: ModelRecord[], ops: Op[]): ModelRecord[] {
  const state = toRecordMap(records);
  for (const op of ops) {
    const check = validateOp(state, op);
    if (!check.ok) throw new Error(`${check.error.code}: ${check.error.message}`);
    applyOp(state, check.op);
  }
  return [...state.values()];
}

const threats = (records: ModelRecord[]) =>
  records.filter((r): r is Threat => r.typeName === 'threat');

describe('mergeSuggestions', () => {
  it('emits valid put ops for threats and their mitigations, numbered after the highest threat', () => {
    const suggestions = generateThreats(model());
    const ops = mergeSuggestions(model(), suggestions, { newId: counter() });
    const after = applyValidated(model(), ops);
    const generated = threats(after).filter((t) => t.ruleKey !== null);
    expect(generated).toHaveLength(suggestions.length);
    expect(generated.map((t) => t.number)).toEqual(suggestions.map((_, i) => 8 + i));
    const first = generated[0]!;
    expect(first).toMatchObject({
      status: 'open',
      ruleId: suggestions[0]!.ruleId,
      ruleKey: suggestions[0]!.ruleKey,
      severity: suggestions[0]!.severity,
    });
    const mitigations = after.filter((r) => r.typeName === 'mitigation' && r.threatId === first.id);
    expect(mitigations.map((m) => (m as { title: string }).title)).toEqual(
      suggestions[0]!.mitigations.map((m) => m.title),
    );
    expect(mitigations.every((m) => (m as { status: string }).status === 'proposed')).toBe(true);
  });

  it('merge idempotence: generating and merging again adds nothing', () => {
    const once = applyValidated(
      model(),
      mergeSuggestions(model(), generateThreats(model()), { newId: counter('a') }),
    );
    expect(mergeSuggestions(once, generateThreats(once), { newId: counter('b') })).toEqual([]);
  });

  it('statuses and edits survive a re-run', () => {
    const once = applyValidated(
      model(),
      mergeSuggestions(model(), generateThreats(model()), { newId: counter('a') }),
    );
    const target = threats(once).find((t) => t.ruleId === 'stride.process.spoofing')!;
    const state = toRecordMap(once);
    applyOps(state, [
      {
        type: 'patch',
        id: target.id,
        fields: { status: 'mitigated', title: 'Edited by a reviewer', severity: 'low' },
      },
    ]);
    const edited = [...state.values()];
    const ops = mergeSuggestions(edited, generateThreats(edited), { newId: counter('b') });
    expect(ops).toEqual([]);
    expect(state.get(target.id)).toMatchObject({
      status: 'mitigated',
      title: 'Edited by a reviewer',
      severity: 'low',
    });
  });

  it('adds only what a model change makes new, keyed by rule and element', () => {
    const once = applyValidated(
      model(),
      mergeSuggestions(model(), generateThreats(model()), { newId: counter('a') }),
    );
    const highest = Math.max(...threats(once).map((t) => t.number));
    const changed = once.map((r) => (r.id === 'api' ? { ...r, isWebApplication: true } : r));
    const ops = mergeSuggestions(changed, generateThreats(changed), { newId: counter('b') });
    const added = ops.flatMap((op) =>
      op.type === 'put' && op.record.typeName === 'threat' ? [op.record] : [],
    );
    expect(added.length).toBeGreaterThan(0);
    // the web app itself, the store it now writes to (spam through a web application), and the
    // person who now signs in to a web application over the internet (MFA)
    expect(
      added.filter((t) => t.elementId !== 'api').map((t) => `${t.elementId} ${t.ruleId}`),
    ).toEqual(['db oat.OAT-017.spamming', 'user access.mfa-missing']);
    expect(added.map((t) => t.ruleId)).toContain('injection.stored-xss');
    expect(added[0]!.number).toBe(highest + 1);
  });

  it('skips duplicate suggestions and suggestions for elements the model lacks', () => {
    const suggestions = generateThreats(model()).filter((s) => s.elementId === 'db');
    const ghost = {
      ...suggestions[0]!,
      elementId: 'gone',
      ruleKey: `${suggestions[0]!.ruleId}@gone`,
    };
    const ops = mergeSuggestions(model(), [...suggestions, ...suggestions, ghost], {
      newId: counter(),
    });
    const added = ops.filter((op) => op.type === 'put' && op.record.typeName === 'threat');
    expect(added).toHaveLength(suggestions.length);
  });
});
