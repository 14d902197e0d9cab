import { describe, expect, it } from 'vitest';
import { parseRule, type RecordMap } from '@threatloom/core';
import { applyChecked, MODEL_SKETCH, stateOf } from './records.test-helper';
import { createSuggestionsStore, selectSuggestionCount, suggestionsFor } from './suggestions-store';

// A user talks to a web server that keeps card data in an unencrypted store: STRIDE has plenty to say.
const shop = () =>
  stateOf([
    ...MODEL_SKETCH,
    {
      id: 'u',
      typeName: 'actor',
      diagramId: 'd',
      name: 'Shopper',
      x: 0,
      y: 0,
      width: 100,
      height: 50,
    },
    {
      id: 'w',
      typeName: 'process',
      diagramId: 'd',
      name: 'Web',
      x: 300,
      y: 0,
      width: 100,
      height: 100,
    },
    {
      id: 'db',
      typeName: 'store',
      diagramId: 'd',
      name: 'Orders',
      x: 600,
      y: 0,
      width: 100,
      height: 50,
    },
    { id: 'f1', typeName: 'flow', diagramId: 'd', name: 'Order', sourceId: 'u', targetId: 'w' },
    { id: 'f2', typeName: 'flow', diagramId: 'd', name: 'Save', sourceId: 'w', targetId: 'db' },
  ]);
const threatsIn = (records: ReturnType<typeof shop>) =>
  [...records.values()].filter((r) => r.typeName === 'threat');

describe('suggestions store', () => {
  it('generate groups new suggestions by element and counts them', () => {
    const s = createSuggestionsStore();
    const n = s.getState().generate(shop(), 'd');
    expect(n).toBeGreaterThan(0);
    expect(selectSuggestionCount(s.getState())).toBe(n);
    expect(s.getState().lastRun).toBe(n);
    expect(suggestionsFor('w')(s.getState()).length).toBeGreaterThan(0);
    for (const [id, list] of Object.entries(s.getState().byElement))
      expect(list.every((x) => x.elementId === id)).toBe(true);
  });

  it('accept returns ops that add the threats, and the accepted ones leave the list', () => {
    const records = shop();
    const s = createSuggestionsStore();
    s.getState().generate(records, 'd');
    const web = suggestionsFor('w')(s.getState());
    const ops = s.getState().accept(records, web);
    applyChecked(records, ...ops);
    expect(threatsIn(records)).toHaveLength(web.length);
    expect(suggestionsFor('w')(s.getState())).toHaveLength(0);
    expect(suggestionsFor('db')(s.getState()).length).toBeGreaterThan(0);
    // A second run does not suggest what the model now holds.
    s.getState().generate(records, 'd');
    expect(suggestionsFor('w')(s.getState())).toHaveLength(0);
  });

  it('accepting all empties the list and clears the last run (the banner goes)', () => {
    const records = shop();
    const s = createSuggestionsStore();
    s.getState().generate(records, 'd');
    const all = Object.values(s.getState().byElement).flat();
    applyChecked(records, ...s.getState().accept(records, all));
    expect(selectSuggestionCount(s.getState())).toBe(0);
    expect(s.getState().lastRun).toBeNull();
    expect(s.getState().generate(records, 'd')).toBe(0);
    expect(s.getState().lastRun).toBe(0);
  });

  it('dismissed suggestions stay away on the next run', () => {
    const records = shop();
    const s = createSuggestionsStore();
    s.getState().generate(records, 'd');
    const dismissed = suggestionsFor('db')(s.getState()).map((x) => x.ruleKey);
    s.getState().dismiss(dismissed);
    expect(suggestionsFor('db')(s.getState())).toHaveLength(0);
    s.getState().generate(records, 'd');
    expect(suggestionsFor('db')(s.getState())).toHaveLength(0);
    expect(suggestionsFor('w')(s.getState()).length).toBeGreaterThan(0);
  });

  it('a run for one element replaces only that element’s suggestions', () => {
    const records = shop();
    const s = createSuggestionsStore();
    s.getState().generate(records, 'd');
    const others = s.getState().byElement['w'];
    s.getState().generate(records, 'd', ['db']);
    expect(s.getState().byElement['w']).toBe(others);
    expect(suggestionsFor('db')(s.getState()).length).toBeGreaterThan(0);
  });

  it('prune drops what a colleague accepted and what belongs to a removed element', () => {
    const records = shop();
    const s = createSuggestionsStore();
    s.getState().generate(records, 'd');
    const mine = createSuggestionsStore();
    mine.getState().generate(records, 'd');
    // Someone else accepts the web server's suggestions; someone deletes the store.
    applyChecked(records, ...mine.getState().accept(records, suggestionsFor('w')(mine.getState())));
    applyChecked(records, { type: 'remove', id: 'db' });
    s.getState().prune(records);
    expect(suggestionsFor('w')(s.getState())).toHaveLength(0);
    expect(suggestionsFor('db')(s.getState())).toHaveLength(0);
    expect(suggestionsFor('u')(s.getState()).length).toBeGreaterThan(0);
  });

  it('each open model has its own store', () => {
    const a = createSuggestionsStore();
    const b = createSuggestionsStore();
    a.getState().generate(shop(), 'd');
    expect(selectSuggestionCount(b.getState())).toBe(0);
  });
});

describe('suggestions store with organisation rules', () => {
  const rule = parseRule({
    id: 'acme.orders-store',
    pack: 'acme',
    methodology: 'stride',
    category: 'information-disclosure',
    targets: ['store'],
    condition: { inbound: { source: { kind: ['process'] } } },
    title: 'Orders written straight from the web tier',
    description: 'ACME policy 7: the web tier writes through the orders API.',
    mitigations: [{ title: 'Use the orders API', description: 'Write through the service.' }],
    severity: 'high',
  });

  it('runs the rules extraRules gives for the records of each run, beside the built-in packs', () => {
    const seen: RecordMap[] = [];
    const s = createSuggestionsStore({
      extraRules: (records) => {
        seen.push(records);
        return [rule];
      },
    });
    const records = shop();
    s.getState().generate(records, 'd');
    expect(seen).toEqual([records]);
    const keys = suggestionsFor('db')(s.getState()).map((x) => x.ruleKey);
    expect(keys).toContain('acme.orders-store@db');
    expect(keys.some((k) => !k.startsWith('acme.'))).toBe(true);
  });

  it('without extraRules, organisation rules do not run', () => {
    const s = createSuggestionsStore();
    s.getState().generate(shop(), 'd');
    const keys = Object.values(s.getState().byElement).flatMap((l) => l.map((x) => x.ruleKey));
    expect(keys.some((k) => k.startsWith('acme.'))).toBe(false);
  });
});
