import fc from 'fast-check';
import {
  categoriesFor,
  METHODOLOGIES,
  SEVERITIES,
  THREAT_STATUSES,
  type Methodology,
} from '../model/keys';
import { ZModelRecord, type ModelRecord } from '../model/records';
import { firstLine } from './import-context';

/**
 * fast-check generator of native models made only of what Threat Dragon 2.x
 * can express: one mitigation per threat (its title the text's first line,
 * its status following the threat's), integer z-indices and flow/curve end
 * points, diagram order = position. Shared by the format round-trip tests.
 */

const text = fc.string({ maxLength: 40 });
const nonBlank = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
// -0 and 0 print alike in JSON: normalise so round trips compare equal.
const coord = fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => v + 0);
const intCoord = fc.integer({ min: -100_000, max: 100_000 });
const point = fc.record({ x: coord, y: coord });
const intPoint = fc.record({ x: intCoord, y: intCoord });
const size = fc.double({ min: 10, max: 1e4, noNaN: true });

const common = {
  name: text,
  description: text,
  outOfScope: fc.boolean(),
  outOfScopeReason: text,
  handlesPII: fc.boolean(),
  isMLModel: fc.boolean(),
  isTrainingData: fc.boolean(),
  zIndex: fc.integer({ min: -50, max: 50 }),
};
const box = { x: coord, y: coord, width: size, height: size };

const boxElement = fc.oneof(
  fc.record({
    typeName: fc.constant('actor' as const),
    ...common,
    ...box,
    providesAuthentication: fc.boolean(),
  }),
  fc.record({
    typeName: fc.constant('process' as const),
    ...common,
    ...box,
    privilegeLevel: text,
    isWebApplication: fc.boolean(),
    handlesCardPayment: fc.boolean(),
    handlesGoodsOrServices: fc.boolean(),
  }),
  fc.record({
    typeName: fc.constant('store' as const),
    ...common,
    ...box,
    isALog: fc.boolean(),
    isEncrypted: fc.boolean(),
    isSigned: fc.boolean(),
    storesCredentials: fc.boolean(),
    storesInventory: fc.boolean(),
  }),
  fc.record({ typeName: fc.constant('boundary' as const), ...common, ...box }),
  fc.record({ typeName: fc.constant('note' as const), ...common, ...box }),
);
const line = fc.record({
  typeName: fc.constant('boundary-line' as const),
  ...common,
  ends: fc.tuple(intPoint, intPoint),
  middle: fc.array(point, { maxLength: 3 }),
});
const flow = fc.record({
  typeName: fc.constant('flow' as const),
  ...common,
  // An index into the diagram's actors/processes/stores, or a dangling point.
  source: fc.oneof(fc.nat(), intPoint),
  target: fc.oneof(fc.nat(), intPoint),
  waypoints: fc.array(point, { maxLength: 3 }),
  protocol: text,
  isEncrypted: fc.boolean(),
  isPublicNetwork: fc.boolean(),
  isBidirectional: fc.boolean(),
});
const threat = (methodology: Methodology) =>
  fc.record({
    number: fc.nat({ max: 10_000 }),
    title: text,
    category: fc.constantFrom(...categoriesFor(methodology)),
    status: fc.constantFrom(...THREAT_STATUSES),
    severity: fc.constantFrom(...SEVERITIES),
    score: text,
    description: text,
    mitigation: fc.option(nonBlank, { nil: null }),
  });
const diagram = fc.constantFrom(...METHODOLOGIES).chain((methodology) =>
  fc.record({
    methodology: fc.constant(methodology),
    title: text,
    description: text,
    elements: fc.array(fc.oneof(boxElement, boxElement, line, flow), { maxLength: 8 }),
    threats: fc.array(fc.tuple(fc.nat(), threat(methodology)), { maxLength: 6 }),
  }),
);

/** Arbitrary Threat Dragon-expressible native model, as records with schema defaults filled in. */
export const tdExpressibleModel: fc.Arbitrary<ModelRecord[]> = fc
  .record({
    title: nonBlank,
    summary: text,
    owner: text,
    reviewer: text,
    contributors: fc.array(nonBlank, { maxLength: 3 }),
    diagrams: fc.array(diagram, { maxLength: 3 }),
  })
  .map((m) => {
    const out: Record<string, unknown>[] = [
      {
        id: 'model-1',
        typeName: 'model',
        title: m.title,
        summary: m.summary,
        owner: m.owner,
        reviewer: m.reviewer,
        contributors: m.contributors,
      },
    ];
    let n = 0;
    m.diagrams.forEach((d, di) => {
      const diagramId = `d${di}`;
      out.push({
        id: diagramId,
        typeName: 'diagram',
        title: d.title,
        description: d.description,
        methodology: d.methodology,
        order: di,
      });
      const elementIds: string[] = [];
      const attachable: string[] = [];
      d.elements.forEach((e) => {
        const id = `e${++n}`;
        elementIds.push(id);
        if (e.typeName === 'actor' || e.typeName === 'process' || e.typeName === 'store')
          attachable.push(id);
      });
      d.elements.forEach((e, i) => {
        const id = elementIds[i]!;
        if (e.typeName === 'boundary-line') {
          const { ends, middle, ...rest } = e;
          out.push({ ...rest, id, diagramId, points: [ends[0], ...middle, ends[1]] });
        } else if (e.typeName === 'flow') {
          const { source, target, ...rest } = e;
          const end = (v: number | { x: number; y: number }) =>
            typeof v === 'number'
              ? attachable.length > 0
                ? { id: attachable[v % attachable.length]!, point: null }
                : { id: null, point: { x: v % 1000, y: 0 } }
              : { id: null, point: v };
          const s = end(source);
          const t = end(target);
          out.push({
            ...rest,
            id,
            diagramId,
            sourceId: s.id,
            sourcePoint: s.point,
            targetId: t.id,
            targetPoint: t.point,
          });
        } else out.push({ ...e, id, diagramId });
      });
      if (elementIds.length === 0) return;
      d.threats.forEach(([at, t]) => {
        const id = `t${++n}`;
        const { mitigation, ...rest } = t;
        out.push({
          ...rest,
          id,
          typeName: 'threat',
          diagramId,
          elementId: elementIds[at % elementIds.length]!,
        });
        if (mitigation !== null) {
          out.push({
            id: `${id}.mitigation`,
            typeName: 'mitigation',
            threatId: id,
            title: firstLine(mitigation),
            description: mitigation,
            status: t.status === 'mitigated' ? 'done' : 'proposed',
          });
        }
      });
    });
    return out.map((r) => ZModelRecord.parse(r));
  });
