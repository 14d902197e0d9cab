import { describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors';
import { ZModelRecord, type ModelRecord } from '../model/records';
import { generateThreats } from './generate';
import { RULES } from './packs';
import { parseRule } from './rule';

const parse = (rows: Record<string, unknown>[]): ModelRecord[] =>
  rows.map((r) => ZModelRecord.parse(r));

/** A small shop: customer → web app (public, HTTP) → orders store, inside a boundary; a second diagram for LINDDUN. */
function shop(methodology = 'stride'): ModelRecord[] {
  return parse([
    { id: 'm', typeName: 'model', title: 'Shop' },
    { id: 'd1', typeName: 'diagram', methodology, order: 0 },
    { id: 'd2', typeName: 'diagram', methodology: 'linddun', order: 1 },
    {
      id: 'customer',
      typeName: 'actor',
      diagramId: 'd1',
      x: 0,
      y: 0,
      providesAuthentication: true,
    },
    {
      id: 'web',
      typeName: 'process',
      diagramId: 'd1',
      x: 400,
      y: 0,
      isWebApplication: true,
      handlesGoodsOrServices: true,
    },
    { id: 'orders', typeName: 'store', diagramId: 'd1', x: 800, y: 0, handlesPII: true },
    { id: 'dc', typeName: 'boundary', diagramId: 'd1', x: 350, y: -50, width: 700, height: 200 },
    {
      id: 'f-buy',
      typeName: 'flow',
      diagramId: 'd1',
      sourceId: 'customer',
      targetId: 'web',
      isPublicNetwork: true,
      protocol: 'HTTP',
    },
    {
      id: 'f-save',
      typeName: 'flow',
      diagramId: 'd1',
      sourceId: 'web',
      targetId: 'orders',
      isBidirectional: true,
      handlesPII: true,
    },
    {
      id: 'legacy',
      typeName: 'process',
      diagramId: 'd1',
      x: 0,
      y: 400,
      outOfScope: true,
      outOfScopeReason: 'retired',
    },
    { id: 'p2', typeName: 'process', diagramId: 'd2', x: 0, y: 0, handlesPII: true },
  ]);
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('generateThreats', () => {
  it('determinism: the same records in any order give the same suggestions in the same order', () => {
    const first = generateThreats(shop());
    expect(first.length).toBeGreaterThan(20);
    for (const seed of [1, 2, 3]) expect(generateThreats(shuffle(shop(), seed))).toEqual(first);
    const keys = first.map((s) => s.ruleKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('orders by diagram, then element id, then rule id', () => {
    const ids = generateThreats(shop()).map((s) => `${s.diagramId}|${s.elementId}|${s.ruleId}`);
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(ids).toEqual(sorted);
  });

  it('out-of-scope elements get no suggestions', () => {
    const all = generateThreats(shop());
    expect(all.some((s) => s.elementId === 'legacy')).toBe(false);
    const inScope = shop().map((r) => (r.id === 'legacy' ? { ...r, outOfScope: false } : r));
    expect(generateThreats(inScope).some((s) => s.elementId === 'legacy')).toBe(true);
  });

  it('each diagram gets the rules of its own methodology; generic uses the STRIDE packs', () => {
    const out = generateThreats(shop());
    const methodologyOf = new Map(RULES.map((r) => [r.id, r.methodology]));
    expect(
      out
        .filter((s) => s.diagramId === 'd1')
        .every((s) => methodologyOf.get(s.ruleId) === 'stride'),
    ).toBe(true);
    // LINDDUN's per-element mapping: a process gets six of the seven categories (not unawareness)
    expect(out.filter((s) => s.diagramId === 'd2').map((s) => s.category)).toEqual([
      'data-disclosure',
      'detecting',
      'identifying',
      'linking',
      'non-compliance',
      'non-repudiation',
    ]);
    expect(generateThreats(shop('generic')).filter((s) => s.diagramId === 'd1')).toEqual(
      out.filter((s) => s.diagramId === 'd1'),
    );
  });

  it('options: methodology overrides, packs select, diagramId and elementIds filter', () => {
    const cia = generateThreats(shop(), { methodology: 'cia' });
    expect(cia.length).toBeGreaterThan(0);
    expect(cia.every((s) => s.ruleId.startsWith('cia.'))).toBe(true);
    const oat = generateThreats(shop(), { packs: ['oat'] });
    expect(oat.map((s) => s.ruleId)).toContain('oat.OAT-008.credential-stuffing');
    expect(oat.every((s) => s.ruleId.startsWith('oat.'))).toBe(true);
    expect(generateThreats(shop(), { diagramId: 'd2' }).every((s) => s.diagramId === 'd2')).toBe(
      true,
    );
    const onlyWeb = generateThreats(shop(), { elementIds: ['web'] });
    expect(onlyWeb.length).toBeGreaterThan(0);
    expect(onlyWeb.every((s) => s.elementId === 'web')).toBe(true);
    // the neighbourhood still counts: the public inbound flow makes the WAF finding fire on the web app
    expect(onlyWeb.map((s) => s.ruleId)).toContain('network.internet-without-waf');
  });

  it('keys element rules by element and interaction rules by flow and both ends', () => {
    const out = generateThreats(shop());
    expect(out.find((s) => s.ruleId === 'access.csrf')!.ruleKey).toBe('access.csrf@web');
    expect(out.find((s) => s.ruleId === 'stride-interaction.public-cleartext')!.ruleKey).toBe(
      'stride-interaction.public-cleartext@f-buy@customer@web',
    );
  });

  it('a more specific finding supersedes the broad one on the same element, only when both run', () => {
    const onBuy = (options: Parameters<typeof generateThreats>[1]) =>
      generateThreats(shop(), options)
        .filter((s) => s.elementId === 'f-buy')
        .map((s) => s.ruleId);
    const all = onBuy({});
    expect(all).toContain('stride-interaction.public-cleartext');
    expect(all).not.toContain('stride.flow.information-disclosure');
    expect(all).not.toContain('stride.flow.tampering');
    // the actor authenticates, so nothing supersedes crossing.spoofing here
    expect(all).toContain('stride-interaction.crossing.spoofing');
    expect(onBuy({ packs: ['stride'] })).toContain('stride.flow.information-disclosure');
    expect(
      generateThreats(shop())
        .filter((s) => s.elementId === 'f-save')
        .map((s) => s.ruleId),
    ).toContain('stride.flow.tampering');
  });

  it('a bidirectional flow carries data both ways: its source also receives', () => {
    // f-save runs web → orders both ways; OAT-011 (store serving a web app) needs an outbound flow from the store to the web app.
    const out = generateThreats(shop(), { packs: ['oat'] });
    expect(out.some((s) => s.ruleId === 'oat.OAT-011.scraping' && s.elementId === 'orders')).toBe(
      true,
    );
    const oneWay = shop().map((r) => (r.id === 'f-save' ? { ...r, isBidirectional: false } : r));
    expect(
      generateThreats(oneWay, { packs: ['oat'] }).some((s) => s.ruleId === 'oat.OAT-011.scraping'),
    ).toBe(false);
  });

  it("suggestions share their rule's mitigations and references, frozen so no one can change the rule through them", () => {
    const [first] = generateThreats(shop());
    const rule = RULES.find((r) => r.id === first!.ruleId)!;
    expect(first!.mitigations).toEqual(rule.mitigations);
    expect(() =>
      (first!.mitigations as unknown as { title: string }[]).push({ title: 'x' }),
    ).toThrow(TypeError);
    expect(() => {
      (first!.references[0] as { id: string }).id = 'changed';
    }).toThrow(TypeError);
    expect(rule.references[0]!.id).not.toBe('changed');
  });

  it('runs organisation rules given as JSON through the same interpreter', () => {
    const json = JSON.parse(
      JSON.stringify({
        id: 'acme.payments-store',
        pack: 'acme',
        methodology: 'stride',
        category: 'information-disclosure',
        targets: ['store'],
        condition: {
          all: [
            { tag: 'handlesPII' },
            { inbound: { source: { prop: 'isWebApplication', equals: true } } },
          ],
        },
        title: 'Customer data reachable from the web tier',
        description: 'ACME policy 7: the web tier must not write customer records directly.',
        mitigations: [
          { title: 'Use the customer API', description: 'Write through the customer service.' },
        ],
        severity: 'high',
      }),
    );
    const rule = parseRule(json);
    const out = generateThreats(shop(), { extraRules: [rule] });
    expect(out.filter((s) => s.ruleId === 'acme.payments-store').map((s) => s.ruleKey)).toEqual([
      'acme.payments-store@orders',
    ]);
    expect(() =>
      generateThreats(shop(), { extraRules: [{ ...rule, id: 'stride.process.spoofing' }] }),
    ).toThrow(/extraRules\[0\]\.id: rule id stride\.process\.spoofing is already taken/);
  });

  it('parseRule names the path and problem of a bad rule', () => {
    const bad = {
      ...RULES[0],
      id: 'bad id@x',
      condition: { all: [{ prop: 'nope', equals: true }] },
      category: 'linking',
    };
    try {
      parseRule(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const paths = (e as ValidationError).issues.map((i) => i.path);
      expect(paths).toContain('id');
      expect(paths.some((p) => p.startsWith('condition'))).toBe(true);
    }
    expect(() => parseRule({ ...RULES[0], category: 'linking' })).toThrow(
      /category: category linking is not one of methodology stride/,
    );
  });
});
