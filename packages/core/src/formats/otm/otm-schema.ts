import { z } from 'zod';

/**
 * Open Threat Model 0.2 as the importer reads it: the parts it walks, with the
 * types it reads; unknown keys pass (the importer warns about what it drops).
 */
const ZStr = z.string().nullish();
const ZAttributes = z.record(z.string(), z.unknown()).nullish();
const ZOtmPosition = z.looseObject({ x: z.number().finite(), y: z.number().finite() });
const ZOtmSize = z.looseObject({ width: z.number().finite(), height: z.number().finite() });

const ZOtmRepresentationElement = z.looseObject({
  representation: z.string(),
  id: z.string(),
  name: ZStr,
  position: ZOtmPosition.nullish(),
  size: ZOtmSize.nullish(),
  attributes: ZAttributes,
});
const ZOtmParent = z.looseObject({ trustZone: ZStr, component: ZStr });
export const ZOtmThreatInstance = z.looseObject({
  threat: z.string(),
  state: z.string(),
  mitigations: z.array(z.looseObject({ mitigation: ZStr, state: ZStr }).nullable()).nullish(),
});
export type OtmThreatInstance = z.infer<typeof ZOtmThreatInstance>;

export const ZOtm = z.looseObject({
  otmVersion: z.string(),
  project: z.looseObject({
    name: z.string(),
    id: z.string(),
    description: ZStr,
    owner: ZStr,
    tags: z.array(z.string()).nullish(),
    attributes: ZAttributes,
  }),
  representations: z
    .array(
      z.looseObject({
        name: z.string(),
        id: z.string(),
        type: z.string(),
        description: ZStr,
        attributes: ZAttributes,
      }),
    )
    .nullish(),
  assets: z.array(z.looseObject({ id: z.string(), name: z.string() })).nullish(),
  trustZones: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        type: ZStr,
        description: ZStr,
        risk: z.looseObject({ trustRating: z.number() }).nullish(),
        parent: ZOtmParent.nullish(),
        representations: z.array(ZOtmRepresentationElement).nullish(),
        attributes: ZAttributes,
      }),
    )
    .nullish(),
  components: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        description: ZStr,
        parent: ZOtmParent.nullish(),
        representations: z.array(ZOtmRepresentationElement).nullish(),
        threats: z.array(ZOtmThreatInstance).nullish(),
        tags: z.array(z.string().nullable()).nullish(),
        attributes: ZAttributes,
      }),
    )
    .nullish(),
  dataflows: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        description: ZStr,
        bidirectional: z.boolean().nullish(),
        source: z.string(),
        destination: z.string(),
        threats: z.array(ZOtmThreatInstance).nullish(),
        tags: z.array(z.string().nullable()).nullish(),
        attributes: ZAttributes,
      }),
    )
    .nullish(),
  threats: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        description: ZStr,
        categories: z.array(z.string().nullable()).nullish(),
        cwes: z.array(z.string().nullable()).nullish(),
        risk: z
          .looseObject({
            likelihood: z.number().nullish(),
            impact: z.number().nullish(),
            impactComment: ZStr,
          })
          .nullish(),
        tags: z.array(z.string().nullable()).nullish(),
        attributes: ZAttributes,
      }),
    )
    .nullish(),
  mitigations: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        description: ZStr,
        riskReduction: z.number().nullish(),
        attributes: ZAttributes,
      }),
    )
    .nullish(),
});
export type Otm = z.infer<typeof ZOtm>;
