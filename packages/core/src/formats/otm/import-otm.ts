import { ValidationError, zodIssues } from '../../model/errors';
import {
  ZMethodology,
  ZMitigationStatus,
  ZSeverity,
  type Methodology,
  type MitigationStatus,
  type Severity,
  type ThreatStatus,
} from '../../model/keys';
import { newMitigation, newThreat } from '../../model/new-threat';
import { ZModelRecord, ZPoint, ZReference, type Point } from '../../model/records';
import { fallbackCategory, parseThreatType } from '../category-map';
import { DEFAULT_TRUST_RATING, DEFAULT_ZONE_ATTRIBUTE } from './export-otm';
import { ImportContext } from '../import-context';
import { ZOtm, type Otm, type OtmThreatInstance } from './otm-schema';
import { parseSeverity } from '../severity-map';
import { parseThreatStatus } from '../status-map';
import type { ImportOptions, ImportResult } from '../types';

type Json = Record<string, unknown>;
type BoxKind = 'actor' | 'process' | 'store' | 'boundary';

/** Attributes Threatloom writes on elements, by kind; other attributes are reported as not imported. */
const COMMON_ATTRS: Record<string, 'boolean' | 'string' | 'number'> = {
  outOfScope: 'boolean',
  outOfScopeReason: 'string',
  handlesPII: 'boolean',
  isMLModel: 'boolean',
  isTrainingData: 'boolean',
  zIndex: 'number',
};
const KIND_ATTRS: Record<BoxKind | 'flow', Record<string, 'boolean' | 'string' | 'number'>> = {
  actor: { providesAuthentication: 'boolean' },
  process: {
    privilegeLevel: 'string',
    isWebApplication: 'boolean',
    handlesCardPayment: 'boolean',
    handlesGoodsOrServices: 'boolean',
  },
  store: {
    isALog: 'boolean',
    isEncrypted: 'boolean',
    isSigned: 'boolean',
    storesCredentials: 'boolean',
    storesInventory: 'boolean',
  },
  boundary: {},
  flow: { protocol: 'string', isEncrypted: 'boolean', isPublicNetwork: 'boolean' },
};
/** Flow attributes read separately (geometry). */
const FLOW_GEOMETRY = new Set(['diagramId', 'sourcePoint', 'targetPoint', 'waypoints']);

/** Component kind for an OTM component type; other tools use their own type names. */
function componentKind(type: string): { kind: 'actor' | 'process' | 'store'; known: boolean } {
  const t = type.toLowerCase();
  if (t === 'actor' || t === 'process' || t === 'store') return { kind: t, known: true };
  if (t === 'data-store' || t === 'datastore') return { kind: 'store', known: true };
  if (/actor|user|client|browser|external|person|human/.test(t))
    return { kind: 'actor', known: false };
  if (/store|database|\bdb\b|storage|bucket|queue|cache|file/.test(t))
    return { kind: 'store', known: false };
  return { kind: 'process', known: false };
}

function severityOf(
  risk: { impact?: number | null; impactComment?: string | null } | null | undefined,
  attrs: Json,
): Severity {
  const fromAttr = ZSeverity.safeParse(attrs.severity);
  if (fromAttr.success) return fromAttr.data;
  const fromComment = risk?.impactComment ? parseSeverity(risk.impactComment) : undefined;
  if (fromComment) return fromComment;
  const impact = risk?.impact ?? 0;
  return impact >= 90
    ? 'critical'
    : impact >= 70
      ? 'high'
      : impact >= 40
        ? 'medium'
        : impact > 0
          ? 'low'
          : 'tbd';
}

function mitigationStatus(text: string | null | undefined): MitigationStatus | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase().replace(/[\s_]+/g, '-');
  const parsed = ZMitigationStatus.safeParse(t);
  if (parsed.success) return parsed.data;
  if (t === 'implemented' || t === 'mitigated') return 'done';
  if (t === 'required' || t === 'recommended' || t === 'not-implemented' || t === 'open')
    return 'proposed';
  return undefined;
}

/** Whether a parsed JSON value is an Open Threat Model document. */
export function isOtmDocument(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    typeof (json as { otmVersion?: unknown }).otmVersion === 'string'
  );
}

/**
 * Imports an Open Threat Model (0.2) document: trust zones become boundaries,
 * components actors/processes/stores, dataflows flows, threat and mitigation
 * instances threats and mitigations. Elements without a position in a
 * diagram representation are laid out on a grid (trust zones around what
 * they contain). Throws a `ValidationError` with JSON paths on malformed input.
 */
export function importOtm(json: unknown, options: ImportOptions = {}): ImportResult {
  const parsed = ZOtm.safeParse(json);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const otm: Otm = parsed.data;
  const ctx = new ImportContext(options);
  const records: Json[] = [];
  const attrs = (a: unknown): Json => (a && typeof a === 'object' ? (a as Json) : {});

  // Model.
  const pa = attrs(otm.project.attributes);
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  records.push(
    ctx.from(
      {
        id: ctx.keepId(otm.project.id, 'project.id'),
        typeName: 'model',
        title: otm.project.name.trim() === '' ? 'Untitled threat model' : otm.project.name,
        summary: otm.project.description ?? '',
        owner: otm.project.owner ?? '',
        tags: otm.project.tags ?? [],
        ...Object.fromEntries(
          ['scope', 'reviewer', 'reviewState', 'reviewedBy', 'reviewedAt', 'reviewNote']
            .filter((k) => typeof pa[k] === 'string')
            .map((k) => [k, pa[k]]),
        ),
        contributors: strings(pa.contributors),
      },
      'project',
    ),
  );
  (otm.assets ?? []).forEach((a, i) =>
    ctx.warn(
      `assets[${i}]`,
      `asset ${JSON.stringify(a.name)} not imported: Threatloom has no asset records`,
    ),
  );

  // Diagrams.
  const diagrams = new Map<string, { id: string; methodology: Methodology }>();
  const grid = new Map<string, number>();
  (otm.representations ?? []).forEach((r, i) => {
    const path = `representations[${i}]`;
    if (r.type !== 'diagram') {
      ctx.warn(
        path,
        `representation of type ${JSON.stringify(r.type)} not imported: only diagrams are`,
      );
      return;
    }
    const a = attrs(r.attributes);
    const methodology = ZMethodology.safeParse(a.methodology);
    const id = ctx.keepId(r.id, `${path}.id`);
    diagrams.set(r.id, { id, methodology: methodology.success ? methodology.data : 'stride' });
    records.push(
      ctx.from(
        {
          id,
          typeName: 'diagram',
          title: r.name,
          description: r.description ?? '',
          methodology: methodology.success ? methodology.data : 'stride',
          order: typeof a.order === 'number' ? a.order : i,
        },
        path,
      ),
    );
    for (const [key, typeName] of [
      ['notes', 'note'],
      ['boundaryLines', 'boundary-line'],
    ] as const) {
      (Array.isArray(a[key]) ? (a[key] as unknown[]) : []).forEach((n, ni) => {
        const rec = ZModelRecord.safeParse({
          ...attrs(n),
          typeName,
          diagramId: id,
          id: ctx.keepId(attrs(n).id, `${path}.attributes.${key}[${ni}].id`),
        });
        if (rec.success) records.push(rec.data);
        else
          ctx.warn(
            `${path}.attributes.${key}[${ni}]`,
            `invalid ${typeName}: ${zodIssues(rec.error)[0]?.message}; not imported`,
          );
      });
    }
  });
  let fallback: { id: string; methodology: Methodology } | undefined;
  const defaultDiagram = () => {
    if (!fallback) {
      fallback = { id: ctx.freshId(), methodology: 'stride' };
      records.push({
        id: fallback.id,
        typeName: 'diagram',
        title: 'Imported diagram',
        methodology: 'stride',
        order: diagrams.size,
      });
    }
    return fallback;
  };
  const place = (diagramId: string): Point => {
    const n = grid.get(diagramId) ?? 0;
    grid.set(diagramId, n + 1);
    return { x: 40 + (n % 6) * 200, y: 40 + Math.floor(n / 6) * 160 };
  };

  // Where each zone and component is drawn: its own representation, else its parent's diagram.
  type Placed = {
    diagram: { id: string; methodology: Methodology };
    pos: Point | null;
    size: { width: number; height: number } | null;
  };
  const zoneById = new Map((otm.trustZones ?? []).map((z) => [z.id, z]));
  const componentById = new Map((otm.components ?? []).map((c) => [c.id, c]));
  const placed = new Map<string, Placed>();
  const placeOf = (id: string, depth = 0): Placed => {
    const known = placed.get(id);
    if (known) return known;
    const item = zoneById.get(id) ?? componentById.get(id);
    let result: Placed | undefined;
    const rep = item?.representations?.find((r) => diagrams.has(r.representation));
    const a = attrs(item?.attributes);
    const parentId = item?.parent ? (item.parent.trustZone ?? item.parent.component) : null;
    if (rep)
      result = {
        diagram: diagrams.get(rep.representation)!,
        pos: rep.position ?? null,
        size: rep.size ?? null,
      };
    else if (typeof a.diagramId === 'string' && diagrams.has(a.diagramId))
      result = { diagram: diagrams.get(a.diagramId)!, pos: null, size: null };
    else if (parentId && depth < 50 && (zoneById.has(parentId) || componentById.has(parentId)))
      result = { ...placeOf(parentId, depth + 1), pos: null, size: null };
    result ??= { diagram: defaultDiagram(), pos: null, size: null };
    placed.set(id, result);
    return result;
  };

  const elementIds = new Map<
    string,
    { id: string; diagramId: string; methodology: Methodology; kind: string; center: Point }
  >();
  const readAttributes = (rec: Json, a: Json, kind: BoxKind | 'flow', path: string) => {
    const allowed = { ...COMMON_ATTRS, ...KIND_ATTRS[kind] };
    for (const [key, value] of Object.entries(a)) {
      if (kind === 'flow' && FLOW_GEOMETRY.has(key)) continue;
      if (allowed[key] && typeof value === allowed[key]) rec[key] = value;
      else if (value !== null && value !== undefined)
        ctx.warn(`${path}.attributes.${key}`, `attribute ${JSON.stringify(key)} not imported`);
    }
  };

  // Components first (zones without a drawing are sized around them).
  const pending: { rec: Json; zone: boolean }[] = [];
  (otm.components ?? []).forEach((c, i) => {
    const path = `components[${i}]`;
    const { kind, known } = componentKind(c.type);
    if (!known)
      ctx.warn(`${path}.type`, `component type ${JSON.stringify(c.type)} imported as a ${kind}`);
    const p = placeOf(c.id);
    const pos = p.pos ?? place(p.diagram.id);
    const rec: Json = {
      id: ctx.keepId(c.id, `${path}.id`),
      typeName: kind,
      diagramId: p.diagram.id,
      name: c.name,
      description: c.description ?? '',
      x: pos.x,
      y: pos.y,
      ...(p.size ? { width: p.size.width, height: p.size.height } : {}),
    };
    readAttributes(rec, attrs(c.attributes), kind, path);
    if ((c.tags ?? []).length > 0) ctx.warn(`${path}.tags`, 'component tags not imported');
    if (c.parent?.component)
      ctx.warn(`${path}.parent`, 'nesting in another component not carried: drawn beside it');
    pending.push({ rec: ctx.from(rec, path), zone: false });
  });
  // Imported component id -> its parent zone's OTM id, to size zones drawn nowhere around their components.
  const componentZone = new Map<string, string>();
  (otm.components ?? []).forEach((c, i) => {
    if (c.parent?.trustZone) componentZone.set(pending[i]!.rec.id as string, c.parent.trustZone);
  });
  (otm.trustZones ?? []).forEach((z, i) => {
    const path = `trustZones[${i}]`;
    const a = attrs(z.attributes);
    if (a[DEFAULT_ZONE_ATTRIBUTE] === true) return;
    if (z.risk && z.risk.trustRating !== DEFAULT_TRUST_RATING)
      ctx.warn(`${path}.risk.trustRating`, `trust rating ${z.risk.trustRating} not carried`);
    const p = placeOf(z.id);
    const rec: Json = {
      id: ctx.keepId(z.id, `${path}.id`),
      typeName: 'boundary',
      diagramId: p.diagram.id,
      name: z.name,
      description: z.description ?? '',
    };
    if (p.pos)
      Object.assign(
        rec,
        { x: p.pos.x, y: p.pos.y },
        p.size ? { width: p.size.width, height: p.size.height } : {},
      );
    else {
      // Size the zone around the components that name it as parent.
      const children = pending.filter(
        (x) => !x.zone && componentZone.get(x.rec.id as string) === z.id,
      );
      if (children.length > 0) {
        const xs = children.map((c) => c.rec.x as number);
        const ys = children.map((c) => c.rec.y as number);
        const x2 = children.map(
          (c) => (c.rec.x as number) + ((c.rec.width as number | undefined) ?? 120),
        );
        const y2 = children.map(
          (c) => (c.rec.y as number) + ((c.rec.height as number | undefined) ?? 80),
        );
        Object.assign(rec, {
          x: Math.min(...xs) - 30,
          y: Math.min(...ys) - 30,
          width: Math.max(...x2) - Math.min(...xs) + 60,
          height: Math.max(...y2) - Math.min(...ys) + 60,
        });
      } else Object.assign(rec, place(p.diagram.id));
    }
    readAttributes(rec, a, 'boundary', path);
    pending.push({ rec: ctx.from(rec, path), zone: true });
  });
  for (const { rec } of pending) {
    const d = [...diagrams.values(), fallback].find((x) => x?.id === rec.diagramId)!;
    const center = {
      x: (rec.x as number) + ((rec.width as number | undefined) ?? 120) / 2,
      y: (rec.y as number) + ((rec.height as number | undefined) ?? 80) / 2,
    };
    elementIds.set(rec.id as string, {
      id: rec.id as string,
      diagramId: rec.diagramId as string,
      methodology: d.methodology,
      kind: rec.typeName as string,
      center,
    });
    records.push(rec);
  }
  for (const r of records) {
    if (r.typeName === 'note' || r.typeName === 'boundary-line') {
      const d = [...diagrams.values()].find((x) => x.id === r.diagramId)!;
      elementIds.set(r.id as string, {
        id: r.id as string,
        diagramId: r.diagramId as string,
        methodology: d.methodology,
        kind: r.typeName as string,
        center: { x: 0, y: 0 },
      });
    }
  }

  // Data flows.
  (otm.dataflows ?? []).forEach((f, i) => {
    const path = `dataflows[${i}]`;
    const a = attrs(f.attributes);
    const src = elementIds.get(f.source);
    const dst = elementIds.get(f.destination);
    const diagramId =
      typeof a.diagramId === 'string' && diagrams.has(a.diagramId)
        ? diagrams.get(a.diagramId)!.id
        : (src?.diagramId ?? dst?.diagramId ?? defaultDiagram().id);
    const rec: Json = {
      id: ctx.keepId(f.id, `${path}.id`),
      typeName: 'flow',
      diagramId,
      name: f.name,
      description: f.description ?? '',
      isBidirectional: f.bidirectional ?? false,
    };
    for (const [end, which, ref] of [
      [src, 'source', f.source],
      [dst, 'target', f.destination],
    ] as const) {
      const point = ZPoint.safeParse(a[`${which}Point`]);
      if (
        end &&
        end.diagramId === diagramId &&
        (end.kind === 'actor' || end.kind === 'process' || end.kind === 'store')
      )
        rec[`${which}Id`] = end.id;
      else if (ref === '' && point.success) rec[`${which}Point`] = point.data;
      else {
        rec[`${which}Point`] = end?.center ?? (point.success ? point.data : { x: 0, y: 0 });
        ctx.warn(
          `${path}.${which === 'source' ? 'source' : 'destination'}`,
          ref === ''
            ? `no ${which}; end left dangling`
            : `${JSON.stringify(ref)} is not a component of this diagram; end left dangling`,
        );
      }
    }
    const waypoints = ZPoint.array().safeParse(a.waypoints ?? []);
    if (waypoints.success) rec.waypoints = waypoints.data;
    else ctx.warn(`${path}.attributes.waypoints`, 'invalid waypoints; not imported');
    readAttributes(rec, a, 'flow', path);
    if ((f.tags ?? []).length > 0) ctx.warn(`${path}.tags`, 'data flow tags not imported');
    records.push(ctx.from(rec, path));
    elementIds.set(f.id, {
      id: rec.id as string,
      diagramId,
      methodology: [...diagrams.values(), fallback].find((x) => x?.id === diagramId)!.methodology,
      kind: 'flow',
      center: { x: 0, y: 0 },
    });
  });

  // Threats and mitigations: listed once, attached by instance.
  const threatDefs = new Map(
    (otm.threats ?? []).map((t, i) => [t.id, { def: t, path: `threats[${i}]` }]),
  );
  const mitigationDefs = new Map(
    (otm.mitigations ?? []).map((m, i) => [m.id, { def: m, path: `mitigations[${i}]` }]),
  );
  const usedThreats = new Set<string>();
  const usedMitigations = new Set<string>();
  const threats: Json[] = [];
  const mitigations: Json[] = [];
  const attach = (
    otmElementId: string,
    instance: OtmThreatInstance | { threat: string; state: string | null; mitigations?: null },
    path: string,
  ) => {
    const el = elementIds.get(otmElementId);
    const found = threatDefs.get(instance.threat);
    if (!el) return;
    if (!found) {
      ctx.warn(
        `${path}.threat`,
        `threat ${JSON.stringify(instance.threat)} is not listed in threats; not imported`,
      );
      return;
    }
    const { def } = found;
    const a = attrs(def.attributes);
    const id = ctx.keepId(
      usedThreats.has(def.id) ? `${def.id}@${el.id}` : def.id,
      `${found.path}.id`,
    );
    usedThreats.add(def.id);
    const label = (def.categories ?? []).find((c): c is string => typeof c === 'string') ?? '';
    let category = label ? parseThreatType(label, el.methodology) : undefined;
    if (!category) {
      category = fallbackCategory(el.methodology);
      ctx.warn(
        `${found.path}.categories`,
        label
          ? `unknown category ${JSON.stringify(label)}; imported as ${category}`
          : `no category; imported as ${category}`,
      );
    }
    let status: ThreatStatus | undefined = instance.state
      ? parseThreatStatus(instance.state)
      : undefined;
    if (!status) {
      status = typeof a.status === 'string' ? parseThreatStatus(a.status) : undefined;
      if (instance.state)
        ctx.warn(
          `${path}.state`,
          `unknown state ${JSON.stringify(instance.state)}; imported as ${status ?? 'open'}`,
        );
    }
    const references = ZReference.array().safeParse(a.references);
    const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
    const rec = newThreat({
      id,
      diagramId: el.diagramId,
      elementId: el.id,
      title: def.name,
      description: def.description ?? '',
      category,
      status: status ?? 'open',
      severity: severityOf(def.risk, a),
      score: typeof a.score === 'string' ? a.score : '',
      references: references.success
        ? references.data
        : (def.cwes ?? [])
            .filter((c): c is string => typeof c === 'string')
            .map((c) => ({ kind: 'cwe' as const, id: c })),
      number:
        typeof a.number === 'number' && Number.isInteger(a.number) && a.number >= 0 ? a.number : 0,
      ruleId: textOrNull(a.ruleId),
      ruleKey: textOrNull(a.ruleKey),
      libraryEntryId: textOrNull(a.libraryEntryId),
    });
    threats.push(ctx.from(rec, found.path));
    (instance.mitigations ?? []).forEach((mi, mIndex) => {
      if (!mi?.mitigation) return;
      const m = mitigationDefs.get(mi.mitigation);
      if (!m) {
        ctx.warn(
          `${path}.mitigations[${mIndex}]`,
          `mitigation ${JSON.stringify(mi.mitigation)} is not listed in mitigations; not imported`,
        );
        return;
      }
      const ma = attrs(m.def.attributes);
      const mid = ctx.keepId(
        usedMitigations.has(m.def.id) ? `${m.def.id}@${id}` : m.def.id,
        `${m.path}.id`,
      );
      usedMitigations.add(m.def.id);
      const mStatus =
        mitigationStatus(mi.state) ??
        mitigationStatus(typeof ma.status === 'string' ? ma.status : null);
      if (mi.state && !mitigationStatus(mi.state))
        ctx.warn(
          `${path}.mitigations[${mIndex}].state`,
          `unknown mitigation state ${JSON.stringify(mi.state)}; imported as ${mStatus ?? 'proposed'}`,
        );
      mitigations.push(
        ctx.from(
          newMitigation({
            id: mid,
            threatId: id,
            title: m.def.name,
            description: m.def.description ?? '',
            status: mStatus ?? 'proposed',
            owner: typeof ma.owner === 'string' ? ma.owner : '',
          }),
          m.path,
        ),
      );
    });
  };
  (otm.components ?? []).forEach((c, i) =>
    (c.threats ?? []).forEach((t, ti) => attach(c.id, t, `components[${i}].threats[${ti}]`)),
  );
  (otm.dataflows ?? []).forEach((f, i) =>
    (f.threats ?? []).forEach((t, ti) => attach(f.id, t, `dataflows[${i}].threats[${ti}]`)),
  );
  // Threats on boundaries, notes and boundary lines: OTM has no instance list there; Threatloom names the element in attributes.
  for (const [id, { def, path }] of threatDefs) {
    if (usedThreats.has(id)) continue;
    const elementId = attrs(def.attributes).elementId;
    if (typeof elementId === 'string' && elementIds.has(elementId))
      attach(elementId, { threat: id, state: null }, path);
    else
      ctx.warn(
        path,
        `threat ${JSON.stringify(def.name)} is attached to no component or data flow; not imported`,
      );
  }
  for (const [id, { path, def }] of mitigationDefs) {
    if (usedMitigations.has(id)) continue;
    const threatId = attrs(def.attributes).threatId;
    const threat =
      typeof threatId === 'string' ? threats.find((t) => t.id === threatId) : undefined;
    if (threat) {
      const ma = attrs(def.attributes);
      mitigations.push({
        id: ctx.keepId(id, `${path}.id`),
        typeName: 'mitigation',
        threatId: threat.id,
        title: def.name,
        description: def.description ?? '',
        status: mitigationStatus(typeof ma.status === 'string' ? ma.status : null) ?? 'proposed',
        owner: typeof ma.owner === 'string' ? ma.owner : '',
      });
    } else
      ctx.warn(path, `mitigation ${JSON.stringify(def.name)} is used by no threat; not imported`);
  }
  let top = 0;
  for (const t of threats) if (typeof t.number === 'number' && t.number > top) top = t.number;
  for (const t of threats) if (t.number === undefined) t.number = ++top;
  return {
    format: 'otm',
    records: ctx.finish([...records, ...threats, ...mitigations]),
    warnings: ctx.warnings,
  };
}
