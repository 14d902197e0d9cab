import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { MAX_NAME_CHARS, MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS } from './limits';
import {
  ZCategory,
  ZMethodology,
  ZMitigationStatus,
  ZReviewState,
  ZSeverity,
  ZThreatStatus,
} from './keys';

/**
 * Every piece of a threat model is a flat record `{ id, typeName, ...fields }`.
 * Flat fields (no nested property bags) are what makes per-field
 * last-writer-wins sync work: two users changing two properties of one element
 * never overwrite each other.
 */

export const ZId = z.string().regex(ID_PATTERN, 'invalid id');
// Text caps are documented constants (limits.ts, docs/limits.md); a longer string is refused as `text_too_long`.
const ZName = z.string().max(MAX_NAME_CHARS);
const ZText = z.string().max(MAX_TEXT_CHARS);
const ZShortText = z.string().max(MAX_SHORT_TEXT_CHARS);
const ZCoord = z.number().finite().min(-1e7).max(1e7);
const ZLength = z.number().finite().min(0).max(1e7);
export const ZPoint = z.object({ x: ZCoord, y: ZCoord }).strict();
export type Point = z.infer<typeof ZPoint>;

export const ZThreatModelRecord = z
  .object({
    id: ZId,
    typeName: z.literal('model'),
    title: ZName.min(1),
    /** "What are we working on?" */
    summary: ZText.default(''),
    scope: ZText.default(''),
    owner: ZShortText.default(''),
    reviewer: ZShortText.default(''),
    contributors: z.array(ZShortText).max(500).default([]),
    reviewState: ZReviewState.default('draft'),
    /** Who moved the review to its current state (approved: who signed off). */
    reviewedBy: ZShortText.default(''),
    /** ISO timestamp of the last review-state change, '' when never reviewed. */
    reviewedAt: z.string().max(64).default(''),
    reviewNote: ZText.default(''),
    tags: z.array(ZShortText).max(200).default([]),
    /** Ids of organisation rules switched off for this model (all enabled ones run otherwise). */
    disabledOrgRules: z.array(z.string().max(150)).max(5_000).default([]),
  })
  .strict();
export type ThreatModelRecord = z.infer<typeof ZThreatModelRecord>;

export const ZDiagram = z
  .object({
    id: ZId,
    typeName: z.literal('diagram'),
    title: ZName.default(''),
    description: ZText.default(''),
    methodology: ZMethodology.default('stride'),
    order: z.number().finite().default(0),
  })
  .strict();
export type Diagram = z.infer<typeof ZDiagram>;

/** Fields every diagram element has. */
const elementBase = {
  id: ZId,
  diagramId: ZId,
  name: ZName.default(''),
  description: ZText.default(''),
  outOfScope: z.boolean().default(false),
  outOfScopeReason: ZText.default(''),
  /** Asset tags used by the privacy (LINDDUN) and AI/ML packs. */
  handlesPII: z.boolean().default(false),
  isMLModel: z.boolean().default(false),
  isTrainingData: z.boolean().default(false),
  zIndex: z.number().finite().default(0),
};
/** Fields of elements drawn as boxes. */
const box = {
  x: ZCoord.default(0),
  y: ZCoord.default(0),
  width: ZLength.default(120),
  height: ZLength.default(80),
};

export const ZActor = z
  .object({
    ...elementBase,
    ...box,
    typeName: z.literal('actor'),
    providesAuthentication: z.boolean().default(false),
  })
  .strict();
export type Actor = z.infer<typeof ZActor>;

export const ZProcess = z
  .object({
    ...elementBase,
    ...box,
    typeName: z.literal('process'),
    privilegeLevel: ZShortText.default(''),
    isWebApplication: z.boolean().default(false),
    handlesCardPayment: z.boolean().default(false),
    handlesGoodsOrServices: z.boolean().default(false),
  })
  .strict();
export type Process = z.infer<typeof ZProcess>;

export const ZStore = z
  .object({
    ...elementBase,
    ...box,
    typeName: z.literal('store'),
    isALog: z.boolean().default(false),
    isEncrypted: z.boolean().default(false),
    isSigned: z.boolean().default(false),
    storesCredentials: z.boolean().default(false),
    storesInventory: z.boolean().default(false),
  })
  .strict();
export type Store = z.infer<typeof ZStore>;

/**
 * A data flow. Each end is attached to an element (`sourceId`) or, as Threat
 * Dragon allows, left dangling at a point (`sourcePoint`).
 */
export const ZFlow = z
  .object({
    ...elementBase,
    typeName: z.literal('flow'),
    sourceId: ZId.nullable().default(null),
    targetId: ZId.nullable().default(null),
    sourcePoint: ZPoint.nullable().default(null),
    targetPoint: ZPoint.nullable().default(null),
    waypoints: z.array(ZPoint).max(200).default([]),
    protocol: ZShortText.default(''),
    isEncrypted: z.boolean().default(false),
    isPublicNetwork: z.boolean().default(false),
    isBidirectional: z.boolean().default(false),
  })
  .strict();
export type Flow = z.infer<typeof ZFlow>;

/** A trust boundary drawn as a box: elements inside it are in its zone. */
export const ZBoundary = z
  .object({ ...elementBase, ...box, typeName: z.literal('boundary') })
  .strict();
export type Boundary = z.infer<typeof ZBoundary>;

/** A trust boundary drawn as a polyline: flows that cross it cross a boundary. */
export const ZBoundaryLine = z
  .object({
    ...elementBase,
    typeName: z.literal('boundary-line'),
    points: z.array(ZPoint).min(2).max(200),
  })
  .strict();
export type BoundaryLine = z.infer<typeof ZBoundaryLine>;

/** Free text on the canvas; `name` holds the text. */
export const ZNote = z.object({ ...elementBase, ...box, typeName: z.literal('note') }).strict();
export type Note = z.infer<typeof ZNote>;

export const ZElement = z.discriminatedUnion('typeName', [
  ZActor,
  ZProcess,
  ZStore,
  ZFlow,
  ZBoundary,
  ZBoundaryLine,
  ZNote,
]);
export type Element = z.infer<typeof ZElement>;
export type BoxElement = Actor | Process | Store | Boundary | Note;

export const ZReference = z
  .object({
    /** cwe, capec, oat, owasp, linddun, plot4ai, atlas, url */
    kind: z.enum(['cwe', 'capec', 'oat', 'owasp', 'linddun', 'plot4ai', 'atlas', 'url']),
    id: ZShortText,
    url: z.string().max(2_000).optional(),
  })
  .strict();
export type Reference = z.infer<typeof ZReference>;

export const ZThreat = z
  .object({
    id: ZId,
    typeName: z.literal('threat'),
    diagramId: ZId,
    elementId: ZId,
    /** Human-facing sequence number within the model (Threat Dragon's `number`). */
    number: z.number().int().min(0).default(0),
    title: ZName.default(''),
    category: ZCategory,
    status: ZThreatStatus.default('open'),
    severity: ZSeverity.default('tbd'),
    /** Free-form score (CVSS vector, number, or Threat Dragon's score text). */
    score: ZShortText.default(''),
    description: ZText.default(''),
    /** Rule that suggested it; null for manual and imported threats. */
    ruleId: z.string().max(200).nullable().default(null),
    /** Merge identity of a generated threat: `ruleId@elementId[@sourceId@targetId]`. */
    ruleKey: z.string().max(600).nullable().default(null),
    /** Library entry it was applied from, if any. */
    libraryEntryId: ZId.nullable().default(null),
    references: z.array(ZReference).max(100).default([]),
  })
  .strict();
export type Threat = z.infer<typeof ZThreat>;

export const ZMitigation = z
  .object({
    id: ZId,
    typeName: z.literal('mitigation'),
    threatId: ZId,
    title: ZName.default(''),
    description: ZText.default(''),
    status: ZMitigationStatus.default('proposed'),
    owner: ZShortText.default(''),
  })
  .strict();
export type Mitigation = z.infer<typeof ZMitigation>;

export const ZComment = z
  .object({
    id: ZId,
    typeName: z.literal('comment'),
    /** Element, threat or mitigation the thread is about. */
    targetId: ZId,
    /** Comment this replies to; null starts a thread. */
    parentId: ZId.nullable().default(null),
    body: ZText.min(1),
    authorId: ZShortText.default(''),
    authorName: ZShortText.default(''),
    createdAt: z.string().max(64).default(''),
    resolved: z.boolean().default(false),
  })
  .strict();
export type Comment = z.infer<typeof ZComment>;

export const ZModelRecord = z.discriminatedUnion('typeName', [
  ZThreatModelRecord,
  ZDiagram,
  ZActor,
  ZProcess,
  ZStore,
  ZFlow,
  ZBoundary,
  ZBoundaryLine,
  ZNote,
  ZThreat,
  ZMitigation,
  ZComment,
]);
/** Any record of a threat model. */
export type ModelRecord = z.infer<typeof ZModelRecord>;
export type TypeName = ModelRecord['typeName'];

/** Schemas by typeName, for validating patches field by field. */
export const RECORD_SCHEMAS = {
  model: ZThreatModelRecord,
  diagram: ZDiagram,
  actor: ZActor,
  process: ZProcess,
  store: ZStore,
  flow: ZFlow,
  boundary: ZBoundary,
  'boundary-line': ZBoundaryLine,
  note: ZNote,
  threat: ZThreat,
  mitigation: ZMitigation,
  comment: ZComment,
} as const satisfies Record<TypeName, z.ZodType>;

export const TYPE_NAMES = Object.keys(RECORD_SCHEMAS) as TypeName[];
const ELEMENT_TYPE_NAMES = new Set<string>([
  'actor',
  'process',
  'store',
  'flow',
  'boundary',
  'boundary-line',
  'note',
]);

export function isElement(r: ModelRecord): r is Element {
  return ELEMENT_TYPE_NAMES.has(r.typeName);
}
export function isBoxElement(r: ModelRecord): r is BoxElement {
  return isElement(r) && r.typeName !== 'flow' && r.typeName !== 'boundary-line';
}

/** Library entry: an organisation-wide reusable threat with its mitigations. */
export const ZLibraryEntry = z
  .object({
    id: ZId,
    title: ZName.min(1),
    description: ZText.default(''),
    methodology: ZMethodology.default('stride'),
    category: ZCategory,
    severity: ZSeverity.default('tbd'),
    /** Element kinds it applies to; empty means any. */
    appliesTo: z.array(z.enum(['actor', 'process', 'store', 'flow'])).default([]),
    mitigations: z
      .array(z.object({ title: ZName.min(1), description: ZText.default('') }).strict())
      .max(50)
      .default([]),
    references: z.array(ZReference).max(100).default([]),
    tags: z.array(ZShortText).max(50).default([]),
  })
  .strict();
export type LibraryEntry = z.infer<typeof ZLibraryEntry>;
