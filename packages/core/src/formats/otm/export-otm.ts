import { modelRecordOf } from '../../model/document';
import type { Severity } from '../../model/keys';
import { indexModel, type ModelIndex } from '../../model/query';
import type {
  BoundaryLine,
  BoxElement,
  Element,
  Mitigation,
  ModelRecord,
  Note,
  Threat,
} from '../../model/records';
import { otmStatus } from '../status-map';

const OTM_VERSION = '0.2.0';

/** Impact numbers written per severity (OTM's impact is a number; 0-100 here). */
const SEVERITY_IMPACT: Record<Severity, number> = {
  critical: 100,
  high: 75,
  medium: 50,
  low: 25,
  tbd: 0,
};

/** Component `type` per element kind. */
const OTM_COMPONENT_TYPES = {
  actor: 'actor',
  process: 'process',
  store: 'data-store',
} as const;

/** Trust rating Threatloom writes (it keeps none); other values are reported on import. */
export const DEFAULT_TRUST_RATING = 50;

/** Attribute marking the per-diagram zone that holds elements outside every boundary (OTM needs a parent). */
export const DEFAULT_ZONE_ATTRIBUTE = 'threatloomDefaultZone';

type Json = Record<string, unknown>;

export interface OtmDocument {
  otmVersion: string;
  project: Json & { name: string; id: string };
  representations: Json[];
  trustZones: Json[];
  components: Json[];
  dataflows: Json[];
  threats: Json[];
  mitigations: Json[];
}

/** Element fields every kind shares, as OTM attributes. */
function commonAttributes(e: Element): Json {
  return {
    outOfScope: e.outOfScope,
    outOfScopeReason: e.outOfScopeReason,
    handlesPII: e.handlesPII,
    isMLModel: e.isMLModel,
    isTrainingData: e.isTrainingData,
    zIndex: e.zIndex,
  };
}

function representation(e: BoxElement): Json {
  return {
    representation: e.diagramId,
    id: `${e.id}:rep`,
    name: e.name,
    position: { x: e.x, y: e.y },
    size: { width: e.width, height: e.height },
  };
}

const inside = (inner: BoxElement, outer: BoxElement) =>
  inner.id !== outer.id &&
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** The smallest boundary box wholly containing `e`, or null: its trust zone. */
function parentZone(e: BoxElement, boundaries: readonly BoxElement[]): BoxElement | null {
  let best: BoxElement | null = null;
  for (const b of boundaries)
    if (inside(e, b) && (!best || b.width * b.height < best.width * best.height)) best = b;
  return best;
}

function threatInstance(t: Threat, index: ModelIndex): Json {
  return {
    threat: t.id,
    state: otmStatus(t.status),
    mitigations: (index.mitigationsByThreat.get(t.id) ?? []).map((m) => ({
      mitigation: m.id,
      state: m.status,
    })),
  };
}

/**
 * Writes a model as an Open Threat Model 0.2 document (validates against the
 * OTM schema). Boundaries become trust zones (a component's parent is the
 * smallest boundary containing it; elements outside every boundary sit in a
 * per-diagram default zone), actors/processes/stores become components,
 * flows dataflows; threats and mitigations are listed once and attached by
 * instance. Diagrams are representations; notes, boundary lines and the fields
 * OTM has no place for ride in `attributes`, so Threatloom reads its own
 * documents back whole.
 */
export function exportOtm(records: readonly ModelRecord[]): OtmDocument {
  const model = modelRecordOf(records);
  const index = indexModel(records);
  const doc: OtmDocument = {
    otmVersion: OTM_VERSION,
    project: {
      name: model.title,
      id: model.id,
      description: model.summary,
      owner: model.owner,
      tags: model.tags,
      attributes: {
        scope: model.scope,
        reviewer: model.reviewer,
        contributors: model.contributors,
        reviewState: model.reviewState,
        reviewedBy: model.reviewedBy,
        reviewedAt: model.reviewedAt,
        reviewNote: model.reviewNote,
      },
    },
    representations: [],
    trustZones: [],
    components: [],
    dataflows: [],
    threats: [],
    mitigations: [],
  };
  for (const d of index.diagrams) {
    const elements = index.elementsByDiagram.get(d.id) ?? [];
    const notes = elements.filter((e): e is Note => e.typeName === 'note');
    const lines = elements.filter((e): e is BoundaryLine => e.typeName === 'boundary-line');
    doc.representations.push({
      name: d.title,
      id: d.id,
      type: 'diagram',
      description: d.description,
      attributes: {
        methodology: d.methodology,
        order: d.order,
        notes: notes.map(({ diagramId: _d, typeName: _t, ...rest }) => rest),
        boundaryLines: lines.map(({ diagramId: _d, typeName: _t, ...rest }) => rest),
      },
    });
    const boundaries = elements.filter((e): e is BoxElement => e.typeName === 'boundary');
    const defaultZone = `${d.id}:zone`;
    const needsDefault = elements.some(
      (e) =>
        (e.typeName === 'actor' ||
          e.typeName === 'process' ||
          e.typeName === 'store' ||
          e.typeName === 'boundary') &&
        !parentZone(e, boundaries),
    );
    if (needsDefault) {
      doc.trustZones.push({
        id: defaultZone,
        name: d.title || 'Default zone',
        type: 'default',
        risk: { trustRating: DEFAULT_TRUST_RATING },
        attributes: { [DEFAULT_ZONE_ATTRIBUTE]: true, diagramId: d.id },
      });
    }
    const zoneOf = (e: BoxElement) => ({ trustZone: parentZone(e, boundaries)?.id ?? defaultZone });
    for (const e of elements) {
      if (e.typeName === 'boundary') {
        doc.trustZones.push({
          id: e.id,
          name: e.name,
          type: 'trust-boundary',
          description: e.description,
          risk: { trustRating: DEFAULT_TRUST_RATING },
          parent: zoneOf(e),
          representations: [representation(e)],
          attributes: commonAttributes(e),
        });
      } else if (e.typeName === 'actor' || e.typeName === 'process' || e.typeName === 'store') {
        const props: Json =
          e.typeName === 'actor'
            ? { providesAuthentication: e.providesAuthentication }
            : e.typeName === 'process'
              ? {
                  privilegeLevel: e.privilegeLevel,
                  isWebApplication: e.isWebApplication,
                  handlesCardPayment: e.handlesCardPayment,
                  handlesGoodsOrServices: e.handlesGoodsOrServices,
                }
              : {
                  isALog: e.isALog,
                  isEncrypted: e.isEncrypted,
                  isSigned: e.isSigned,
                  storesCredentials: e.storesCredentials,
                  storesInventory: e.storesInventory,
                };
        doc.components.push({
          id: e.id,
          name: e.name,
          type: OTM_COMPONENT_TYPES[e.typeName],
          description: e.description,
          parent: zoneOf(e),
          representations: [representation(e)],
          threats: (index.threatsByElement.get(e.id) ?? []).map((t) => threatInstance(t, index)),
          attributes: { ...commonAttributes(e), ...props },
        });
      } else if (e.typeName === 'flow') {
        doc.dataflows.push({
          id: e.id,
          name: e.name,
          description: e.description,
          bidirectional: e.isBidirectional,
          // OTM has no dangling ends: an unattached end is '' with its point in attributes.
          source: e.sourceId ?? '',
          destination: e.targetId ?? '',
          threats: (index.threatsByElement.get(e.id) ?? []).map((t) => threatInstance(t, index)),
          attributes: {
            ...commonAttributes(e),
            diagramId: e.diagramId,
            protocol: e.protocol,
            isEncrypted: e.isEncrypted,
            isPublicNetwork: e.isPublicNetwork,
            sourcePoint: e.sourcePoint,
            targetPoint: e.targetPoint,
            waypoints: e.waypoints,
          },
        });
      }
    }
    for (const e of elements)
      for (const t of index.threatsByElement.get(e.id) ?? [])
        pushThreat(doc, t, index.mitigationsByThreat.get(t.id) ?? []);
  }
  return doc;
}

function pushThreat(doc: OtmDocument, t: Threat, mitigations: readonly Mitigation[]): void {
  doc.threats.push({
    id: t.id,
    name: t.title,
    description: t.description,
    categories: [t.category],
    cwes: t.references.filter((r) => r.kind === 'cwe').map((r) => r.id),
    risk: { likelihood: null, impact: SEVERITY_IMPACT[t.severity], impactComment: t.severity },
    attributes: {
      // Lets Threatloom re-attach threats OTM cannot (on boundaries, notes and boundary lines).
      elementId: t.elementId,
      status: t.status,
      severity: t.severity,
      score: t.score,
      number: t.number,
      ruleId: t.ruleId,
      ruleKey: t.ruleKey,
      libraryEntryId: t.libraryEntryId,
      references: t.references,
    },
  });
  for (const m of mitigations) {
    doc.mitigations.push({
      id: m.id,
      name: m.title,
      description: m.description,
      riskReduction: m.status === 'done' ? 100 : 0,
      attributes: { threatId: m.threatId, status: m.status, owner: m.owner },
    });
  }
}
