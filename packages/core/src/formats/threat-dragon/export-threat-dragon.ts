import type { Methodology } from '../../model/keys';
import { indexModel, type ModelIndex } from '../../model/query';
import { modelRecordOf } from '../../model/document';
import type { Comment, Element, Flow, ModelRecord, Point, Threat } from '../../model/records';
import { TD_DIAGRAM_TYPES, threatDragonTypeLabel } from '../category-map';
import {
  commentsByTarget,
  commentsText,
  mitigationText,
  paragraphs,
  referencesText,
} from './kept-as-text';
import { TD_SEVERITY } from '../severity-map';
import { threatDragonStatus } from '../status-map';

/** The Threat Dragon version the exporter writes (the schema in fixtures/schemas is the 2.x one). */
const TD_EXPORT_VERSION = '2.3.0';

export interface TdV2Threat {
  id: string;
  title: string;
  status: string;
  severity: string;
  type: string;
  modelType: string;
  description: string;
  mitigation: string;
  number: number;
  score: string;
}

/** One AntV X6 cell as Threat Dragon 2.x saves it. */
interface TdV2CellOut {
  id: string;
  shape: string;
  zIndex: number;
  visible?: boolean;
  position?: Point;
  size?: { width: number; height: number };
  attrs?: Record<string, unknown>;
  width?: number;
  height?: number;
  connector?: string;
  labels?: string[];
  source?: { cell: string } | { x: number; y: number };
  target?: { cell: string } | { x: number; y: number };
  vertices?: Point[];
  data: Record<string, unknown> & { type: string; hasOpenThreats: boolean };
}

export interface ThreatDragonV2Model {
  version: string;
  summary: { title: string; owner: string; description: string; id: string | number };
  detail: {
    contributors: { name: string }[];
    diagrams: {
      id: number;
      title: string;
      description: string;
      diagramType: string;
      placeholder: string;
      thumbnail: string;
      version: string;
      cells: TdV2CellOut[];
    }[];
    diagramTop: number;
    reviewer: string;
    threatTop: number;
  };
}

const SHAPES: Record<Element['typeName'], { shape: string; type: string }> = {
  actor: { shape: 'actor', type: 'tm.Actor' },
  process: { shape: 'process', type: 'tm.Process' },
  store: { shape: 'store', type: 'tm.Store' },
  flow: { shape: 'flow', type: 'tm.Flow' },
  boundary: { shape: 'trust-boundary-box', type: 'tm.BoundaryBox' },
  'boundary-line': { shape: 'trust-boundary-curve', type: 'tm.Boundary' },
  note: { shape: 'td-text-block', type: 'tm.Text' },
};

const THUMBNAILS: Record<Methodology, string> = {
  stride: './public/content/images/thumbnail.stride.jpg',
  linddun: './public/content/images/thumbnail.linddun.jpg',
  cia: './public/content/images/thumbnail.cia.jpg',
  die: './public/content/images/thumbnail.die.jpg',
  plot4ai: './public/content/images/thumbnail.plot4ai.jpg',
  generic: './public/content/images/thumbnail.jpg',
};

/** Threat Dragon's schema wants integer end points and z-indices (JointJS heritage). */
const int = (n: number) => Math.round(n);
const intPoint = (p: Point) => ({ x: int(p.x), y: int(p.y) });

/**
 * Writes a model as a Threat Dragon 2.x JSON value (validates against
 * Threat Dragon's v2 schema). What Threat Dragon has no field for but can hold
 * as text is written into its text fields (`kept-as-text.ts`: mitigation
 * status and owner, threat references, comments); review state, tags, scope
 * and rule ids are left out. `exportWarnings` lists both.
 */
export function exportThreatDragon(records: readonly ModelRecord[]): ThreatDragonV2Model {
  const model = modelRecordOf(records);
  const index = indexModel(records);
  const comments = commentsByTarget(records);
  let threatTop = 0;
  for (const list of index.threatsByElement.values())
    for (const t of list) threatTop = Math.max(threatTop, t.number);
  return {
    version: TD_EXPORT_VERSION,
    // Threat Dragon's schema wants a string summary id of 2+ characters (or an integer).
    summary: {
      title: model.title,
      owner: model.owner,
      description: model.summary,
      id: model.id.length >= 2 ? model.id : 0,
    },
    detail: {
      contributors: model.contributors.map((name) => ({ name })),
      diagrams: index.diagrams.map((d, i) => ({
        id: i,
        title: d.title,
        description: d.description,
        diagramType: TD_DIAGRAM_TYPES[d.methodology],
        placeholder: `New ${TD_DIAGRAM_TYPES[d.methodology]} diagram description`,
        thumbnail: THUMBNAILS[d.methodology],
        version: TD_EXPORT_VERSION,
        cells: (index.elementsByDiagram.get(d.id) ?? []).map((e) =>
          exportCell(e, d.methodology, index, comments),
        ),
      })),
      diagramTop: index.diagrams.length,
      reviewer: model.reviewer,
      threatTop,
    },
  };
}

type CommentsByTarget = ReadonlyMap<string, readonly Comment[]>;

function exportThreat(
  t: Threat,
  methodology: Methodology,
  index: ModelIndex,
  comments: CommentsByTarget,
): TdV2Threat {
  const label = threatDragonTypeLabel(t.category, methodology);
  return {
    id: t.id,
    title: t.title,
    status: threatDragonStatus(t.status),
    severity: TD_SEVERITY[t.severity],
    type: label,
    modelType: TD_DIAGRAM_TYPES[methodology],
    description: paragraphs(
      t.description,
      referencesText(t.references),
      commentsText(comments.get(t.id) ?? []),
    ),
    mitigation: mitigationText(index.mitigationsByThreat.get(t.id) ?? [], t, comments),
    number: t.number,
    score: t.score,
  };
}

function exportCell(
  e: Element,
  methodology: Methodology,
  index: ModelIndex,
  comments: CommentsByTarget,
): TdV2CellOut {
  const threats = (index.threatsByElement.get(e.id) ?? []).map((t) =>
    exportThreat(t, methodology, index, comments),
  );
  const hasOpenThreats = threats.some((t) => t.status === 'Open');
  const { shape, type } = SHAPES[e.typeName];
  const data: TdV2CellOut['data'] = {
    type,
    name: e.name,
    description: paragraphs(e.description, commentsText(comments.get(e.id) ?? [])),
    outOfScope: e.outOfScope,
    reasonOutOfScope: e.outOfScopeReason,
    hasOpenThreats,
  };
  // Threatloom's asset tags have no Threat Dragon field: written only when set, which Threat Dragon keeps and ignores.
  for (const tag of ['handlesPII', 'isMLModel', 'isTrainingData'] as const)
    if (e[tag]) data[tag] = true;
  const dash = e.outOfScope ? '4 3' : null;
  const stroke = hasOpenThreats ? 'red' : '#333333';
  const base = { id: e.id, shape, zIndex: int(e.zIndex) };
  switch (e.typeName) {
    case 'actor':
    case 'process':
    case 'store': {
      if (e.typeName === 'actor') data.providesAuthentication = e.providesAuthentication;
      if (e.typeName === 'process')
        Object.assign(data, {
          privilegeLevel: e.privilegeLevel,
          isWebApplication: e.isWebApplication,
          handlesCardPayment: e.handlesCardPayment,
          handlesGoodsOrServices: e.handlesGoodsOrServices,
        });
      if (e.typeName === 'store')
        Object.assign(data, {
          isALog: e.isALog,
          isEncrypted: e.isEncrypted,
          isSigned: e.isSigned,
          storesCredentials: e.storesCredentials,
          storesInventory: e.storesInventory,
        });
      data.threats = threats;
      const line = { stroke, strokeWidth: 1.5, strokeDasharray: dash };
      const attrs =
        e.typeName === 'store'
          ? { text: { text: e.name }, topLine: line, bottomLine: line }
          : { text: { text: e.name }, body: line };
      return {
        ...base,
        visible: true,
        position: { x: e.x, y: e.y },
        size: { width: Math.max(10, e.width), height: Math.max(10, e.height) },
        attrs,
        data,
      };
    }
    case 'boundary':
      data.isTrustBoundary = true;
      data.threats = threats;
      return {
        ...base,
        visible: true,
        position: { x: e.x, y: e.y },
        size: { width: Math.max(10, e.width), height: Math.max(10, e.height) },
        data,
      };
    case 'note':
      data.threats = threats;
      return {
        ...base,
        visible: true,
        position: { x: e.x, y: e.y },
        size: { width: Math.max(10, e.width), height: Math.max(10, e.height) },
        attrs: { text: { text: e.name } },
        data,
      };
    case 'boundary-line': {
      data.isTrustBoundary = true;
      data.threats = threats;
      const first = e.points[0]!;
      const last = e.points[e.points.length - 1]!;
      return {
        ...base,
        attrs: { line: { targetMarker: '', sourceMarker: '', strokeDasharray: '5 5' } },
        width: 200,
        height: 100,
        connector: 'smooth',
        labels: e.name ? [e.name] : [],
        source: intPoint(first),
        target: intPoint(last),
        vertices: e.points.slice(1, -1).map(({ x, y }) => ({ x, y })),
        data,
      };
    }
    case 'flow':
      Object.assign(data, {
        protocol: e.protocol,
        isEncrypted: e.isEncrypted,
        isPublicNetwork: e.isPublicNetwork,
        isBidirectional: e.isBidirectional,
        isTrustBoundary: false,
        threats,
      });
      return {
        ...base,
        attrs: {
          line: {
            stroke,
            strokeWidth: 1,
            targetMarker: { name: 'block' },
            ...(e.isBidirectional ? { sourceMarker: { name: 'block' } } : {}),
            strokeDasharray: dash,
          },
        },
        width: 200,
        height: 100,
        connector: 'smooth',
        labels: e.name ? [e.name] : [],
        source: flowEnd(e, 'source'),
        target: flowEnd(e, 'target'),
        vertices: e.waypoints.map(({ x, y }) => ({ x, y })),
        data,
      };
  }
}

function flowEnd(f: Flow, which: 'source' | 'target'): { cell: string } | { x: number; y: number } {
  const id = which === 'source' ? f.sourceId : f.targetId;
  if (id !== null) return { cell: id };
  return intPoint((which === 'source' ? f.sourcePoint : f.targetPoint) ?? { x: 0, y: 0 });
}
