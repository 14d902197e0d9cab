import { describe, expect, it } from 'vitest';
import { parseNativeDocument, toNativeDocument } from '../../model/document';
import { ValidationError } from '../../model/errors';
import { isElement, type ModelRecord } from '../../model/records';
import { counterIds, threatDragonFixtures } from '../../../../../test-support/fixtures.test-helper';
import { importThreatDragon } from './import-threat-dragon';

// Raw fixture JSON is walked freely in tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** Element cells and their threats, counted from the raw Threat Dragon JSON. */
function rawCounts(json: Json) {
  let elements = 0;
  let threats = 0;
  let mitigations = 0;
  for (const d of json.detail.diagrams) {
    for (const c of d.cells ?? d.diagramJson?.cells ?? []) {
      elements++;
      const ts: Json[] = c.data?.threats ?? c.threats ?? [];
      threats += ts.length;
      mitigations += ts.filter((t) => (t.mitigation ?? '').trim() !== '').length;
    }
  }
  return { diagrams: json.detail.diagrams.length, elements, threats, mitigations };
}

const count = (records: ModelRecord[], pred: (r: ModelRecord) => boolean) =>
  records.filter(pred).length;
const clone = <T>(v: T): T => structuredClone(v);

describe('importThreatDragon on every fixture', () => {
  for (const { name, json } of threatDragonFixtures()) {
    it(`${name}: keeps every diagram, element and threat, and gives a valid native model`, () => {
      const raw = rawCounts(json as Json);
      const { records, format } = importThreatDragon(json);
      expect(format).toBe(
        (json as Json).version?.startsWith?.('2') ? 'threat-dragon-v2' : 'threat-dragon-v1',
      );
      expect(count(records, (r) => r.typeName === 'diagram')).toBe(raw.diagrams);
      expect(count(records, isElement)).toBe(raw.elements);
      expect(count(records, (r) => r.typeName === 'threat')).toBe(raw.threats);
      expect(count(records, (r) => r.typeName === 'mitigation')).toBe(raw.mitigations);
      expect(() => parseNativeDocument(toNativeDocument(records))).not.toThrow();
    });
  }

  it('re-importing a file gives the same element and threat ids', () => {
    for (const { json } of threatDragonFixtures()) {
      const ids = (rs: ModelRecord[]) =>
        rs.filter((r) => r.typeName !== 'model' && r.typeName !== 'diagram').map((r) => r.id);
      expect(ids(importThreatDragon(json).records)).toEqual(ids(importThreatDragon(json).records));
    }
  });
});

const fixture = (suffix: string) =>
  threatDragonFixtures().find((f) => f.name.endsWith(suffix))!.json as Json;

describe('Threat Dragon v2 details', () => {
  const json = fixture('test-reports.json');
  const { records, warnings } = importThreatDragon(json, { newId: counterIds() });

  it('keeps the summary, reviewer and contributors', () => {
    const model = records.find((r) => r.typeName === 'model')!;
    expect(model).toMatchObject({
      title: json.summary.title,
      owner: json.summary.owner,
      summary: json.summary.description,
      reviewer: json.detail.reviewer,
      contributors: json.detail.contributors.map((c: Json) => c.name),
    });
  });

  it('maps diagram types to methodologies, in order', () => {
    const diagrams = records.filter((r) => r.typeName === 'diagram');
    expect(diagrams.map((d) => [d.title, d.methodology, d.order])).toEqual(
      json.detail.diagrams.map((d: Json, i: number) => [
        d.title,
        d.diagramType === 'Generic' ? 'generic' : d.diagramType.toLowerCase(),
        i,
      ]),
    );
  });

  it('imports the misspelled trust-broundary-curve and text blocks', () => {
    const cells = json.detail.diagrams.flatMap((d: Json) => d.cells);
    const misspelled = cells.find((c: Json) => c.shape === 'trust-broundary-curve');
    const line = records.find((r) => r.id === misspelled.id)!;
    expect(line).toMatchObject({
      typeName: 'boundary-line',
      points: [
        { x: misspelled.source.x, y: misspelled.source.y },
        { x: misspelled.target.x, y: misspelled.target.y },
      ],
    });
    const text = cells.find((c: Json) => c.shape === 'td-text-block');
    expect(records.find((r) => r.id === text.id)).toMatchObject({
      typeName: 'note',
      name: text.data.name,
      x: text.position.x,
      width: text.size.width,
    });
  });

  it("maps the 'TBA' severity to tbd and keeps score and number", () => {
    const threats = [fixture('iot-device.json'), fixture('three-tier-web-app.json')]
      .flatMap(cells)
      .flatMap((c) => (c.data?.threats ?? []).map((t: Json) => t));
    const tba = threats.find((t: Json) => t.severity === 'TBA');
    const records = [fixture('iot-device.json'), fixture('three-tier-web-app.json')].flatMap(
      (j) => importThreatDragon(j).records,
    );
    const byNumber = (n: number) => records.find((r) => r.typeName === 'threat' && r.number === n);
    expect(byNumber(tba.number)).toMatchObject({
      severity: 'tbd',
      title: tba.title,
      score: tba.score ?? '',
    });
    const scored = threats.find((t: Json) => t.score);
    expect(byNumber(scored.number)).toMatchObject({ score: scored.score, title: scored.title });
  });

  it('warns about nothing it understands', () => {
    expect(warnings).toEqual([]);
  });
});

function cells(json: Json): Json[] {
  return json.detail.diagrams.flatMap((d: Json) => d.cells ?? d.diagramJson?.cells ?? []);
}

describe('Threat Dragon v1 details', () => {
  it('reads JointJS cells: names from attrs and labels, privilegeLevel, threats with mitigations', () => {
    const json = fixture('demo-threat-model.json');
    const { records } = importThreatDragon(json);
    const process = cells(json).find((c) => c.type === 'tm.Process' && c.privilegeLevel);
    expect(records.find((r) => r.id === process.id)).toMatchObject({
      typeName: 'process',
      name: process.attrs.text.text,
      privilegeLevel: process.privilegeLevel,
    });
    const flow = cells(json).find((c) => c.type === 'tm.Flow');
    expect(records.find((r) => r.id === flow.id)).toMatchObject({
      name: flow.labels[0].attrs.text.text,
      sourceId: flow.source.id,
      targetId: flow.target.id,
      waypoints: flow.vertices,
    });
    const boundary = cells(json).find((c) => c.type === 'tm.Boundary');
    expect(records.find((r) => r.id === boundary.id)).toMatchObject({
      typeName: 'boundary-line',
      points: [boundary.source, ...boundary.vertices, boundary.target],
    });
    const mitigatedThreat = records.find(
      (r) => r.typeName === 'threat' && r.status === 'mitigated',
    )!;
    const m = records.find((r) => r.typeName === 'mitigation' && r.threatId === mitigatedThreat.id);
    expect(m).toMatchObject({ status: 'done' });
  });

  it('imports enter-the-dragon files that fail the v1 schema, with out-of-scope reasons', () => {
    const json = fixture('enter-the-dragon-2.json');
    const { records } = importThreatDragon(json);
    const actor = cells(json).find((c) => c.outOfScope);
    expect(records.find((r) => r.id === actor.id)).toMatchObject({
      outOfScope: true,
      outOfScopeReason: actor.reasonOutOfScope,
    });
    const { warnings } = importThreatDragon(fixture('enter-the-dragon-1.json'));
    expect(warnings.map((w) => w.path)).toEqual([
      'detail.diagrams[0].diagramJson',
      'detail.diagrams[1].diagramJson',
    ]);
  });
});

describe('translated labels and warnings', () => {
  const base = () => clone(fixture('v2-threat-model.json'));
  const threatsOf = (json: Json) => cells(json).flatMap((c) => c.data?.threats ?? []);

  it('maps German, French and Spanish threat types to category keys', () => {
    const json = base();
    const ts = threatsOf(json);
    ts[0].type = 'Veröffentlichung von Informationen';
    ts[1].type = 'Élévation de privilège';
    ts[2].type = 'Tampering / Manipulación';
    ts[3].type = 'Manipulation';
    const { records, warnings } = importThreatDragon(json);
    const cat = (t: Json) => (records.find((r) => r.id === t.id) as { category: string }).category;
    expect([cat(ts[0]), cat(ts[1]), cat(ts[2]), cat(ts[3])]).toEqual([
      'information-disclosure',
      'elevation-of-privilege',
      'tampering',
      'tampering',
    ]);
    expect(warnings).toEqual([]);
  });

  it('resolves a label shared by two methodologies by the diagram type', () => {
    const json = base();
    json.detail.diagrams[0].diagramType = 'LINDDUN';
    const t = threatsOf(json)[0];
    t.type = "Divulgation d'information";
    delete t.modelType;
    const { records } = importThreatDragon(json);
    expect(records.find((r) => r.id === t.id)).toMatchObject({ category: 'data-disclosure' });
  });

  it('warns about unknown labels, statuses, severities, shapes and properties, and still imports the rest', () => {
    const json = base();
    const ts = threatsOf(json);
    ts[0].type = 'Klingon disruption';
    ts[1].status = 'Pending';
    ts[2].severity = 'Extreme';
    json.detail.diagrams[0].cells.push({ id: 'odd-shape', shape: 'cloud', zIndex: 1 });
    json.detail.diagrams[0].cells[0].data.colour = 'blue';
    json.detail.diagrams[0].diagramType = 'Générique';
    const { records, warnings } = importThreatDragon(json);
    const messages = warnings.map((w) => `${w.path}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /diagramType: unknown diagram type "Générique"; imported as a generic diagram/,
        ),
        expect.stringMatching(
          /threats\[0\]\.type: unknown threat type "Klingon disruption"; imported as category spoofing/,
        ),
        expect.stringMatching(/\.status: unknown status "Pending"; imported as open/),
        expect.stringMatching(/\.severity: unknown severity "Extreme"; imported as tbd/),
        expect.stringMatching(/cells\[\d+\]\.shape: unknown shape "cloud"/),
        'detail.diagrams[0].cells[0].data.colour: unknown property "colour"; not imported',
      ]),
    );
    expect(records.find((r) => r.id === ts[0].id)).toMatchObject({
      category: 'spoofing',
      title: ts[0].title,
    });
    expect(records.find((r) => r.id === ts[1].id)).toMatchObject({ status: 'open' });
    expect(records.find((r) => r.id === 'odd-shape')).toBeUndefined();
  });

  it('keeps dangling flow ends as points and warns about ends attached to missing cells', () => {
    const json = base();
    const flows = json.detail.diagrams[0].cells.filter((c: Json) => c.shape === 'flow');
    flows[0].source = { x: 11, y: 22 };
    flows[1].target = { cell: 'no-such-cell' };
    const { records, warnings } = importThreatDragon(json);
    expect(records.find((r) => r.id === flows[0].id)).toMatchObject({
      sourceId: null,
      sourcePoint: { x: 11, y: 22 },
    });
    expect(records.find((r) => r.id === flows[1].id)).toMatchObject({ targetId: null });
    expect(warnings.some((w) => w.path.endsWith('.target') && /no-such-cell/.test(w.message))).toBe(
      true,
    );
  });

  it('cuts text longer than a field allows, with a warning at the input path', () => {
    const json = base();
    json.summary.owner = 'o'.repeat(600);
    json.detail.diagrams[0].cells[0].data.name = 'n'.repeat(1200);
    const { records, warnings } = importThreatDragon(json);
    expect(records.find((r) => r.typeName === 'model')).toMatchObject({ owner: 'o'.repeat(500) });
    expect(records.find((r) => r.id === json.detail.diagrams[0].cells[0].id)).toMatchObject({
      name: 'n'.repeat(1000),
    });
    expect(warnings).toEqual([
      { path: 'summary', message: 'owner is longer than 500 characters; cut to fit' },
      {
        path: 'detail.diagrams[0].cells[0]',
        message: 'name is longer than 1000 characters; cut to fit',
      },
    ]);
  });

  it('reports a value out of range at the cell it came from', () => {
    const json = base();
    json.detail.diagrams[0].cells[0].position.x = 1e12;
    expect(() => importThreatDragon(json)).toThrow(
      /^detail\.diagrams\[0\]\.cells\[0\]: x: Too big/,
    );
  });

  it('gives a new id to a duplicated element id and warns', () => {
    const json = base();
    const cellsList = json.detail.diagrams[0].cells;
    const dup = clone(cellsList.find((c: Json) => c.shape === 'actor'));
    dup.data.threats = [];
    cellsList.push(dup);
    const { records, warnings } = importThreatDragon(json, { newId: counterIds('new') });
    expect(records.filter((r) => r.typeName === 'actor')).toHaveLength(2);
    expect(warnings.some((w) => /used twice/.test(w.message))).toBe(true);
  });
});

describe('malformed Threat Dragon input', () => {
  const issuesOf = (input: unknown) => {
    try {
      importThreatDragon(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues;
    }
    throw new Error('expected a ValidationError');
  };

  it('rejects values that are not a Threat Dragon object', () => {
    for (const input of [null, 42, 'text', [], { summary: {} }])
      expect(issuesOf(input)[0]!.message).toMatch(/not a Threat Dragon model/);
  });

  it('names the path of wrong types', () => {
    const json = clone(fixture('v2-threat-model.json'));
    json.detail.diagrams[0].cells[2].data.outOfScope = 'yes';
    expect(issuesOf(json)).toEqual([
      expect.objectContaining({ path: 'detail.diagrams[0].cells[2].data.outOfScope' }),
    ]);
    const json2 = clone(fixture('v2-threat-model.json'));
    json2.detail.diagrams = 'none';
    expect(issuesOf(json2)[0]!.path).toBe('detail.diagrams');
  });

  it('rejects a version 2 diagram without cells and a cell without shape', () => {
    const json = clone(fixture('v2-threat-model.json'));
    delete json.detail.diagrams[0].cells;
    expect(issuesOf(json)).toEqual([
      { path: 'detail.diagrams[0].cells', message: expect.stringMatching(/needs a `cells` array/) },
    ]);
    const json2 = clone(fixture('v2-threat-model.json'));
    delete json2.detail.diagrams[0].cells[3].shape;
    expect(issuesOf(json2)[0]!.path).toBe('detail.diagrams[0].cells[3].shape');
  });
});
