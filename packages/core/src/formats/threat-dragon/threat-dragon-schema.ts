import { z } from 'zod';

/**
 * What the Threat Dragon importer requires of its input: the structure it
 * walks, with the types it reads. Loose (unknown keys pass; the importer warns
 * about each), because real files carry UI state and fail Threat Dragon's own
 * schema (the v1 `enter-the-dragon` files) yet open in Threat Dragon.
 */

const ZText = z.string().nullish();
const ZFlag = z.boolean().nullish();
const ZTdPoint = z.looseObject({ x: z.number().finite(), y: z.number().finite() });
const ZTdSize = z.looseObject({ width: z.number().finite(), height: z.number().finite() });

export const ZTdThreat = z.looseObject({
  id: ZText,
  threatId: ZText,
  title: ZText,
  status: ZText,
  severity: ZText,
  type: ZText,
  description: ZText,
  mitigation: ZText,
  modelType: ZText,
  number: z.union([z.number().int().min(0), z.string()]).nullish(),
  score: z.union([z.string(), z.number()]).nullish(),
});
export type TdThreat = z.infer<typeof ZTdThreat>;

/** Element properties: in v2 under `cell.data`, in v1 on the cell itself. */
const tdProperties = {
  name: ZText,
  description: ZText,
  outOfScope: ZFlag,
  reasonOutOfScope: ZText,
  privilegeLevel: ZText,
  providesAuthentication: ZFlag,
  isWebApplication: ZFlag,
  handlesCardPayment: ZFlag,
  handlesGoodsOrServices: ZFlag,
  isALog: ZFlag,
  isEncrypted: ZFlag,
  isSigned: ZFlag,
  storesCredentials: ZFlag,
  storesInventory: ZFlag,
  protocol: ZText,
  isPublicNetwork: ZFlag,
  isBidirectional: ZFlag,
  handlesPII: ZFlag,
  isMLModel: ZFlag,
  isTrainingData: ZFlag,
  threats: z.array(ZTdThreat).nullish(),
};

const ZTdEnd = z.looseObject({
  cell: ZText,
  id: ZText,
  x: z.number().finite().nullish(),
  y: z.number().finite().nullish(),
});
export type TdEnd = z.infer<typeof ZTdEnd>;

const ZTdV2Cell = z.looseObject({
  id: z.string().min(1),
  shape: z.string(),
  zIndex: z.number().finite().nullish(),
  position: ZTdPoint.nullish(),
  size: ZTdSize.nullish(),
  source: ZTdEnd.nullish(),
  target: ZTdEnd.nullish(),
  vertices: z.array(ZTdPoint).nullish(),
  visible: ZFlag,
  angle: z.number().finite().nullish(),
  attrs: z.looseObject({ text: z.looseObject({ text: ZText }).nullish() }).nullish(),
  data: z.looseObject(tdProperties).nullish(),
});

export const ZTdV1Cell = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  z: z.number().finite().nullish(),
  position: ZTdPoint.nullish(),
  size: ZTdSize.nullish(),
  source: ZTdEnd.nullish(),
  target: ZTdEnd.nullish(),
  vertices: z.array(ZTdPoint).nullish(),
  angle: z.number().finite().nullish(),
  attrs: z.looseObject({ text: z.looseObject({ text: ZText }).nullish() }).nullish(),
  labels: z.array(z.unknown()).nullish(),
  ...tdProperties,
});
export type TdV1Cell = z.infer<typeof ZTdV1Cell>;

const diagramBase = {
  id: z.union([z.number(), z.string()]).nullish(),
  title: ZText,
  diagramType: ZText,
  description: ZText,
};

const ZTdSummary = z.looseObject({
  title: ZText,
  owner: ZText,
  description: ZText,
  id: z.union([z.number(), z.string()]).nullish(),
});
const ZTdContributor = z.union([z.string(), z.looseObject({ name: ZText })]);
const detailBase = {
  contributors: z.array(ZTdContributor).nullish(),
  reviewer: ZText,
  diagramTop: z.number().nullish(),
  threatTop: z.number().nullish(),
};

export const ZTdV2Model = z.looseObject({
  version: z.union([z.string(), z.number()]).nullish(),
  summary: ZTdSummary,
  detail: z.looseObject({
    ...detailBase,
    diagrams: z.array(z.looseObject({ ...diagramBase, cells: z.array(ZTdV2Cell) })),
  }),
});
export type TdV2Model = z.infer<typeof ZTdV2Model>;

export const ZTdV1Model = z.looseObject({
  version: z.union([z.string(), z.number()]).nullish(),
  summary: ZTdSummary,
  detail: z.looseObject({
    ...detailBase,
    diagrams: z.array(
      z.looseObject({
        ...diagramBase,
        diagramJson: z.looseObject({ cells: z.array(ZTdV1Cell).nullish() }).nullish(),
      }),
    ),
  }),
});
export type TdV1Model = z.infer<typeof ZTdV1Model>;

/** Keys of element properties the importer reads (everything else under `data` is UI state or unknown). */
export const TD_PROPERTY_KEYS = Object.keys(tdProperties);
