import { ValidationError, zodIssues } from '../../model/errors';
import type { Methodology, Severity, ThreatStatus } from '../../model/keys';
import { newMitigation, newThreat } from '../../model/new-threat';
import type { Mitigation, Point, Threat } from '../../model/records';
import { fallbackCategory, parseDiagramType, parseThreatType } from '../category-map';
import { firstLine, ImportContext } from '../import-context';
import { parseSeverity } from '../severity-map';
import { parseThreatStatus } from '../status-map';
import {
  TD_PROPERTY_KEYS,
  ZTdV1Model,
  ZTdV2Model,
  type TdEnd,
  type TdThreat,
  type TdV1Cell,
  type TdV1Model,
  type TdV2Model,
} from './threat-dragon-schema';
import type { ImportOptions, ImportResult } from '../types';

type Kind = 'actor' | 'process' | 'store' | 'flow' | 'boundary' | 'boundary-line' | 'note';

/** One Threat Dragon cell, v1 or v2, in the shape the record builder reads. */
interface Cell {
  path: string;
  /** Path prefix of the element properties (`…data` in v2, the cell in v1). */
  propsPath: string;
  kind: Kind;
  tdId: string;
  name: string;
  props: Record<string, unknown>;
  threats: TdThreat[];
  position: Point | null;
  size: { width: number; height: number } | null;
  source: TdEnd | null;
  target: TdEnd | null;
  vertices: Point[];
  zIndex: number;
}

const V2_SHAPES: Record<string, Kind> = {
  actor: 'actor',
  process: 'process',
  store: 'store',
  flow: 'flow',
  'trust-boundary-box': 'boundary',
  'trust-boundary-curve': 'boundary-line',
  // Threat Dragon 2.0-2.1 saved curves under this misspelled shape name.
  'trust-broundary-curve': 'boundary-line',
  'td-text-block': 'note',
};
const V1_TYPES: Record<string, Kind> = {
  'tm.Actor': 'actor',
  'tm.Process': 'process',
  'tm.Store': 'store',
  'tm.Flow': 'flow',
  'tm.Boundary': 'boundary-line',
  'tm.BoundaryBox': 'boundary',
  'tm.Text': 'note',
};

/** Cell keys that are drawing state derived from the model (X6 / JointJS rendering), not model content. */
const V2_CELL_KEYS = new Set([
  'id',
  'shape',
  'zIndex',
  'position',
  'size',
  'source',
  'target',
  'vertices',
  'data',
  'attrs',
  'visible',
  'width',
  'height',
  'connector',
  'labels',
  'ports',
  'tools',
  'angle',
  'router',
  'markup',
]);
const V1_CELL_KEYS = new Set([
  'id',
  'type',
  'z',
  'position',
  'size',
  'source',
  'target',
  'vertices',
  'attrs',
  'labels',
  'smooth',
  'angle',
  'hasOpenThreats',
  'isTrustBoundary',
  ...TD_PROPERTY_KEYS,
]);
/** Derived flags and counters Threat Dragon recomputes on load. */
const DERIVED_DATA_KEYS = new Set(['type', 'hasOpenThreats', 'isTrustBoundary', 'threatFrequency']);
const THREAT_KEYS = new Set([
  'id',
  'threatId',
  'title',
  'status',
  'severity',
  'type',
  'description',
  'mitigation',
  'modelType',
  'number',
  'score',
  'new',
]);
const DIAGRAM_KEYS = new Set([
  'id',
  'title',
  'diagramType',
  'description',
  'placeholder',
  'thumbnail',
  'version',
  'cells',
  'diagramJson',
  'size',
  '$$hashKey',
]);
const TOP_KEYS = new Set(['version', 'summary', 'detail']);
const SUMMARY_KEYS = new Set(['title', 'owner', 'description', 'id']);
const DETAIL_KEYS = new Set(['contributors', 'diagrams', 'reviewer', 'diagramTop', 'threatTop']);

/** Native fields per element kind, by Threat Dragon property name. */
const COMMON_PROPS: Record<string, string> = {
  description: 'description',
  outOfScope: 'outOfScope',
  reasonOutOfScope: 'outOfScopeReason',
  handlesPII: 'handlesPII',
  isMLModel: 'isMLModel',
  isTrainingData: 'isTrainingData',
};
const KIND_PROPS: Record<Kind, Record<string, string>> = {
  actor: { providesAuthentication: 'providesAuthentication' },
  process: {
    privilegeLevel: 'privilegeLevel',
    isWebApplication: 'isWebApplication',
    handlesCardPayment: 'handlesCardPayment',
    handlesGoodsOrServices: 'handlesGoodsOrServices',
  },
  store: {
    isALog: 'isALog',
    isEncrypted: 'isEncrypted',
    isSigned: 'isSigned',
    storesCredentials: 'storesCredentials',
    storesInventory: 'storesInventory',
  },
  flow: {
    protocol: 'protocol',
    isEncrypted: 'isEncrypted',
    isPublicNetwork: 'isPublicNetwork',
    isBidirectional: 'isBidirectional',
  },
  boundary: {},
  'boundary-line': {},
  note: {},
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which Threat Dragon version a parsed JSON value is, or undefined when it is not a Threat Dragon model. */
export function threatDragonVersion(json: unknown): 1 | 2 | undefined {
  if (!isObject(json) || !isObject(json.summary) || !isObject(json.detail)) return undefined;
  const version = json.version;
  if (typeof version === 'string' || typeof version === 'number')
    return String(version).trim().startsWith('1') ? 1 : 2;
  const diagrams = Array.isArray(json.detail.diagrams) ? json.detail.diagrams : [];
  // No version: Threat Dragon 1.x omitted it; v2 always writes one, but trust the cells' shape first.
  return diagrams.some((d) => isObject(d) && Array.isArray(d.cells)) ? 2 : 1;
}

/**
 * Imports a Threat Dragon model, version 1 (JointJS `diagramJson.cells`) or
 * version 2 (AntV X6 `cells`). Keeps Threat Dragon's element and threat ids
 * where they are valid ids, so importing a file twice gives the same ids.
 * Throws a `ValidationError` with JSON paths when the input is not a Threat
 * Dragon model or has wrong types where the importer reads.
 */
export function importThreatDragon(json: unknown, options: ImportOptions = {}): ImportResult {
  const version = threatDragonVersion(json);
  if (version === undefined) {
    throw new ValidationError([
      {
        path: '',
        message:
          'not a Threat Dragon model: expected an object with `summary` and `detail` objects',
      },
    ]);
  }
  const ctx = new ImportContext(options);
  const { model, cells: cellsByDiagram } = version === 1 ? readV1(json, ctx) : readV2(json, ctx);
  warnUnknown(ctx, model as Record<string, unknown>, TOP_KEYS, '', 'model field');
  warnUnknown(ctx, model.summary, SUMMARY_KEYS, 'summary.', 'summary field');
  warnUnknown(ctx, model.detail, DETAIL_KEYS, 'detail.', 'detail field');

  const records: Record<string, unknown>[] = [];
  const summaryId = model.summary.id;
  const modelId =
    typeof summaryId === 'string' && summaryId.length >= 2
      ? ctx.keepId(summaryId, 'summary.id')
      : ctx.freshId();
  let title = (model.summary.title ?? '').trim() === '' ? '' : model.summary.title!;
  if (title === '') {
    ctx.warn('summary.title', 'the model has no title; named "Untitled threat model"');
    title = 'Untitled threat model';
  }
  const contributors: string[] = [];
  (model.detail.contributors ?? []).forEach((c, i) => {
    const name = typeof c === 'string' ? c : (c.name ?? '');
    if (name.trim() === '')
      ctx.warn(`detail.contributors[${i}]`, 'contributor without a name; not imported');
    else contributors.push(name);
  });
  records.push(
    ctx.from(
      {
        id: modelId,
        typeName: 'model',
        title,
        summary: model.summary.description ?? '',
        owner: model.summary.owner ?? '',
        reviewer: model.detail.reviewer ?? '',
        contributors,
      },
      'summary',
    ),
  );

  const threats: Threat[] = [];
  /** Threats the file gave no usable number. */
  const unnumbered = new Set<Threat>();
  model.detail.diagrams.forEach((d, di) => {
    const dPath = `detail.diagrams[${di}]`;
    warnUnknown(ctx, d, DIAGRAM_KEYS, `${dPath}.`, 'diagram field');
    let methodology: Methodology = 'stride';
    if (d.diagramType == null || d.diagramType === '') {
      ctx.warn(`${dPath}.diagramType`, 'no diagram type; imported as STRIDE');
    } else {
      const m = parseDiagramType(d.diagramType);
      if (m) methodology = m;
      else {
        methodology = 'generic';
        ctx.warn(
          `${dPath}.diagramType`,
          `unknown diagram type ${JSON.stringify(d.diagramType)}; imported as a generic diagram`,
        );
      }
    }
    const diagramId = ctx.freshId();
    records.push(
      ctx.from(
        {
          id: diagramId,
          typeName: 'diagram',
          title: d.title ?? '',
          description: d.description ?? '',
          methodology,
          order: di,
        },
        dPath,
      ),
    );
    const cells = cellsByDiagram[di] ?? [];
    const ids = cells.map((cell) => ctx.keepId(cell.tdId, `${cell.path}.id`));
    // Flows attach to the first cell of an id, as Threat Dragon's graph does.
    const idMap = new Map<string, string>();
    const byTdId = new Map<string, Cell>();
    cells.forEach((cell, i) => {
      if (!idMap.has(cell.tdId)) idMap.set(cell.tdId, ids[i]!);
      if (!byTdId.has(cell.tdId)) byTdId.set(cell.tdId, cell);
    });
    cells.forEach((cell, ci) => {
      const id = ids[ci]!;
      records.push(ctx.from(buildElement(ctx, cell, id, diagramId, idMap, byTdId), cell.path));
      cell.threats.forEach((t, ti) => {
        const tPath = `${cell.propsPath}threats[${ti}]`;
        const { threat, numbered, mitigation } = buildThreat(
          ctx,
          t,
          tPath,
          `${id}.threat${ti}`,
          id,
          diagramId,
          methodology,
        );
        threats.push(ctx.from(threat, tPath));
        if (!numbered) unnumbered.add(threat);
        if (mitigation) records.push(ctx.from(mitigation, `${tPath}.mitigation`));
      });
    });
  });

  // Threats without a number get the next free ones, after Threat Dragon's own counter.
  // (a loop, not Math.max(...spread): models can hold more threats than a call has arguments)
  let top = model.detail.threatTop ?? 0;
  for (const t of threats) if (!unnumbered.has(t) && t.number > top) top = t.number;
  for (const t of threats) if (unnumbered.has(t)) t.number = ++top;
  // Threats before their mitigations: records are listed parents first.
  const mitigations = records.filter((r) => r.typeName === 'mitigation');
  const rest = records.filter((r) => r.typeName !== 'mitigation');
  return {
    format: version === 1 ? 'threat-dragon-v1' : 'threat-dragon-v2',
    records: ctx.finish([...rest, ...threats, ...mitigations]),
    warnings: ctx.warnings,
  };
}

function parseOrThrow<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: import('zod').ZodError };
  },
  json: unknown,
): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

function warnUnknown(
  ctx: ImportContext,
  obj: Record<string, unknown>,
  known: Set<string>,
  prefix: string,
  what: string,
): void {
  for (const key of Object.keys(obj))
    if (!known.has(key) && obj[key] !== undefined)
      ctx.warn(`${prefix}${key}`, `unknown ${what} ${JSON.stringify(key)}; not imported`);
}

interface Read {
  model: TdV1Model | TdV2Model;
  cells: Cell[][];
}

function readV2(json: unknown, ctx: ImportContext): Read {
  const raw = json as { detail?: { diagrams?: unknown } };
  if (Array.isArray(raw.detail?.diagrams)) {
    raw.detail.diagrams.forEach((d, i) => {
      if (isObject(d) && !('cells' in d))
        throw new ValidationError([
          {
            path: `detail.diagrams[${i}].cells`,
            message: 'a version 2 diagram needs a `cells` array',
          },
        ]);
    });
  }
  const model = parseOrThrow(ZTdV2Model, json);
  const cells = model.detail.diagrams.map((d, di) =>
    d.cells.flatMap((c, ci): Cell[] => {
      const path = `detail.diagrams[${di}].cells[${ci}]`;
      const kind = V2_SHAPES[c.shape];
      if (!kind) {
        ctx.warn(`${path}.shape`, `unknown shape ${JSON.stringify(c.shape)}; cell not imported`);
        return [];
      }
      warnUnknown(ctx, c, V2_CELL_KEYS, `${path}.`, 'cell field');
      warnCellState(ctx, c.visible, c.angle, path);
      const data = (c.data ?? {}) as Record<string, unknown>;
      const name = typeof data.name === 'string' ? data.name : (c.attrs?.text?.text ?? '');
      return [
        {
          path,
          propsPath: `${path}.data.`,
          kind,
          tdId: c.id,
          name,
          props: data,
          threats: c.data?.threats ?? [],
          position: c.position ?? null,
          size: c.size ?? null,
          source: c.source ?? null,
          target: c.target ?? null,
          vertices: c.vertices ?? [],
          zIndex: c.zIndex ?? 0,
        },
      ];
    }),
  );
  return { model, cells };
}

function readV1(json: unknown, ctx: ImportContext): Read {
  const model = parseOrThrow(ZTdV1Model, json);
  const cells = model.detail.diagrams.map((d, di) => {
    const dPath = `detail.diagrams[${di}]`;
    if (!d.diagramJson?.cells) {
      // Threat Dragon 1.x saved never-opened diagrams without diagramJson (the enter-the-dragon files).
      ctx.warn(`${dPath}.diagramJson`, 'diagram has no diagramJson.cells; imported empty');
      return [];
    }
    return d.diagramJson.cells.flatMap((c: TdV1Cell, ci): Cell[] => {
      const path = `${dPath}.diagramJson.cells[${ci}]`;
      const kind = V1_TYPES[c.type];
      if (!kind) {
        ctx.warn(`${path}.type`, `unknown cell type ${JSON.stringify(c.type)}; cell not imported`);
        return [];
      }
      warnUnknown(ctx, c, V1_CELL_KEYS, `${path}.`, 'cell field');
      warnCellState(ctx, undefined, c.angle, path);
      const label = v1Label(c.labels);
      const name =
        typeof c.name === 'string'
          ? c.name
          : kind === 'flow' || kind === 'boundary-line'
            ? label
            : (c.attrs?.text?.text ?? label);
      return [
        {
          path,
          propsPath: `${path}.`,
          kind,
          tdId: c.id,
          name,
          props: c as Record<string, unknown>,
          threats: c.threats ?? [],
          position: c.position ?? null,
          size: c.size ?? null,
          source: c.source ?? null,
          target: c.target ?? null,
          vertices: c.vertices ?? [],
          zIndex: c.z ?? 0,
        },
      ];
    });
  });
  return { model, cells };
}

/** A JointJS link's first label text (`labels[0].attrs.text.text`). */
function v1Label(labels: unknown[] | null | undefined): string {
  const first = labels?.[0];
  if (!isObject(first) || !isObject(first.attrs) || !isObject(first.attrs.text)) return '';
  return typeof first.attrs.text.text === 'string' ? first.attrs.text.text : '';
}

function warnCellState(
  ctx: ImportContext,
  visible: boolean | null | undefined,
  angle: number | null | undefined,
  path: string,
): void {
  if (visible === false)
    ctx.warn(
      `${path}.visible`,
      'hidden cell imported as visible: Threatloom has no hidden elements',
    );
  if (angle)
    ctx.warn(
      `${path}.angle`,
      `rotation by ${angle}° not carried: Threatloom draws elements upright`,
    );
}

function center(cell: Cell): Point | null {
  if (!cell.position) return null;
  return {
    x: cell.position.x + (cell.size?.width ?? 0) / 2,
    y: cell.position.y + (cell.size?.height ?? 0) / 2,
  };
}

function endPoint(end: TdEnd | null): Point | null {
  return end && typeof end.x === 'number' && typeof end.y === 'number'
    ? { x: end.x, y: end.y }
    : null;
}

function buildElement(
  ctx: ImportContext,
  cell: Cell,
  id: string,
  diagramId: string,
  idMap: Map<string, string>,
  byTdId: Map<string, Cell>,
): Record<string, unknown> {
  const rec: Record<string, unknown> = {
    id,
    typeName: cell.kind,
    diagramId,
    name: cell.name,
    zIndex: cell.zIndex,
  };
  const allowed = { ...COMMON_PROPS, ...KIND_PROPS[cell.kind] };
  const isV1 = !cell.propsPath.endsWith('data.');
  for (const [key, value] of Object.entries(cell.props)) {
    if (value === undefined || value === null || key === 'name' || key === 'threats') continue;
    const field = allowed[key];
    if (field) rec[field] = value;
    else if (DERIVED_DATA_KEYS.has(key)) continue;
    else if (TD_PROPERTY_KEYS.includes(key)) {
      if (value !== false && value !== '')
        ctx.warn(
          `${cell.propsPath}${key}`,
          `property ${key} does not apply to a ${cell.kind}; not imported`,
        );
    } else if (!isV1)
      ctx.warn(`${cell.propsPath}${key}`, `unknown property ${JSON.stringify(key)}; not imported`);
  }

  if (cell.kind === 'flow' || cell.kind === 'boundary-line') {
    const ends: { end: TdEnd | null; which: 'source' | 'target' }[] = [
      { end: cell.source, which: 'source' },
      { end: cell.target, which: 'target' },
    ];
    const points: Point[] = [];
    for (const { end, which } of ends) {
      const ref = end?.cell ?? end?.id ?? null;
      const refCell = ref ? byTdId.get(ref) : undefined;
      let point = endPoint(end);
      if (
        cell.kind === 'flow' &&
        refCell &&
        (refCell.kind === 'actor' || refCell.kind === 'process' || refCell.kind === 'store')
      ) {
        rec[`${which}Id`] = idMap.get(ref!);
        continue;
      }
      if (ref) {
        const fallback = refCell ? center(refCell) : null;
        point = point ?? fallback;
        ctx.warn(
          `${cell.path}.${which}`,
          refCell
            ? `attached to a ${refCell.kind}, which a ${cell.kind} cannot attach to; its end is left at that point`
            : `attached to cell ${ref}, which does not exist; its end is left dangling`,
        );
      }
      if (!point) {
        point = cell.vertices[which === 'source' ? 0 : cell.vertices.length - 1] ?? { x: 0, y: 0 };
        ctx.warn(
          `${cell.path}.${which}`,
          `no ${which} element or point; end placed at (${point.x}, ${point.y})`,
        );
      }
      if (cell.kind === 'flow') rec[`${which}Point`] = point;
      else points.push(point);
    }
    if (cell.kind === 'flow') rec.waypoints = cell.vertices.map(({ x, y }) => ({ x, y }));
    else rec.points = [points[0], ...cell.vertices.map(({ x, y }) => ({ x, y })), points[1]];
  } else {
    if (cell.position) {
      rec.x = cell.position.x;
      rec.y = cell.position.y;
    } else ctx.warn(`${cell.path}.position`, 'no position; placed at (0, 0)');
    if (cell.size) {
      rec.width = cell.size.width;
      rec.height = cell.size.height;
    }
  }
  return rec;
}

function buildThreat(
  ctx: ImportContext,
  t: TdThreat,
  path: string,
  derivedId: string,
  elementId: string,
  diagramId: string,
  methodology: Methodology,
): { threat: Threat; numbered: boolean; mitigation: Mitigation | null } {
  warnUnknown(ctx, t, THREAT_KEYS, `${path}.`, 'threat field');
  // Threat Dragon 1.x threats have no id: one derived from the element keeps re-imports stable.
  const id =
    t.id || t.threatId
      ? ctx.keepId(t.id || t.threatId, `${path}.id`)
      : ctx.keepId(derivedId, `${path}.id`);
  let category: string | undefined;
  const typeMethodology = (t.modelType && parseDiagramType(t.modelType)) || methodology;
  if (t.type) category = parseThreatType(t.type, typeMethodology);
  if (!category) {
    category = fallbackCategory(methodology);
    ctx.warn(
      `${path}.type`,
      t.type
        ? `unknown threat type ${JSON.stringify(t.type)}; imported as category ${category}`
        : `no threat type; imported as category ${category}`,
    );
  }
  let status: ThreatStatus = 'open';
  if (t.status) {
    const s = parseThreatStatus(t.status);
    if (s) status = s;
    else ctx.warn(`${path}.status`, `unknown status ${JSON.stringify(t.status)}; imported as open`);
  }
  let severity: Severity = 'tbd';
  if (t.severity != null) {
    const s = parseSeverity(t.severity);
    if (s) severity = s;
    else
      ctx.warn(
        `${path}.severity`,
        `unknown severity ${JSON.stringify(t.severity)}; imported as tbd`,
      );
  }
  let number: number | undefined;
  if (typeof t.number === 'number') number = t.number;
  else if (typeof t.number === 'string' && /^\d+$/.test(t.number.trim())) number = Number(t.number);
  else if (typeof t.number === 'string' && t.number.trim() !== '')
    ctx.warn(
      `${path}.number`,
      `threat number ${JSON.stringify(t.number)} is not a number; a new one is assigned`,
    );
  const threat = newThreat({
    id,
    diagramId,
    elementId,
    number: number ?? 0,
    title: t.title ?? '',
    category,
    status,
    severity,
    score: t.score == null ? '' : String(t.score),
    description: t.description ?? '',
  });

  const text = t.mitigation ?? '';
  const mitigation =
    text.trim() === ''
      ? null
      : newMitigation({
          id: ctx.keepId(`${id}.mitigation`, `${path}.mitigation`),
          threatId: id,
          title: firstLine(text),
          description: text,
          // Threat Dragon has one status per threat: a mitigated threat's mitigation is in place.
          status: status === 'mitigated' ? 'done' : 'proposed',
        });
  return { threat, numbered: number !== undefined, mitigation };
}
