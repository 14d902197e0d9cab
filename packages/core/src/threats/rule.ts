import { z } from 'zod';
import { ValidationError, zodIssues } from '../model/errors';
import { categoriesFor, ZCategory, ZMethodology, ZSeverity } from '../model/keys';
import { ZReference } from '../model/records';

/** Element kinds a rule can target: the ones threats attach to. */
export const RULE_TARGETS = ['actor', 'process', 'store', 'flow'] as const;
export const ZRuleTarget = z.enum(RULE_TARGETS);
export type RuleTarget = z.infer<typeof ZRuleTarget>;

/**
 * Facts derived from a flow's protocol by the protocol catalogue (`parseProtocol` on its protocol
 * field, or on its name when that is blank), read like properties. `protocolKnown` is true when the
 * catalogue recognised a protocol; `protocolId` is its catalogue id (`https` for `HTTP (TLS 1.3)`);
 * `protocolEncrypted` and `protocolAuthenticatesServer` are true or false, and unset when the
 * protocol is unknown or its name alone does not say (`TCP`, `gRPC`); `protocolDeprecated` is true
 * for SSL, TLS below 1.2 and other deprecated protocols. Unset on other kinds.
 */
export const PROTOCOL_FACTS = [
  'protocolKnown',
  'protocolId',
  'protocolEncrypted',
  'protocolAuthenticatesServer',
  'protocolDeprecated',
] as const;
export type ProtocolFact = (typeof PROTOCOL_FACTS)[number];

/** Element properties a condition may read (a kind lacking one reads it as unset). */
export const CONDITION_PROPS = [
  'name',
  'description',
  'providesAuthentication',
  'privilegeLevel',
  'isWebApplication',
  'handlesCardPayment',
  'handlesGoodsOrServices',
  'isALog',
  'isEncrypted',
  'isSigned',
  'storesCredentials',
  'storesInventory',
  'protocol',
  'isPublicNetwork',
  'isBidirectional',
  'handlesPII',
  'isMLModel',
  'isTrainingData',
  ...PROTOCOL_FACTS,
] as const;
export const ZConditionProp = z.enum(CONDITION_PROPS);
export type ConditionProp = z.infer<typeof ZConditionProp>;

/** Asset tags every element kind carries. */
export const ASSET_TAGS = ['handlesPII', 'isMLModel', 'isTrainingData'] as const;
export const ZAssetTag = z.enum(ASSET_TAGS);
export type AssetTag = z.infer<typeof ZAssetTag>;

/**
 * The declarative condition language. Plain JSON, so organisation rules can be
 * stored in the database and shipped between instances; an interpreter
 * (`compileCondition`) evaluates it, nothing is ever `eval`ed.
 *
 * - `all` / `any` / `not`: logic (`{ all: [] }` is always true).
 * - `kind`: the element is one of these kinds.
 * - `prop` with `equals` / `isSet` / `isEmpty` / `in` / `contains`: a property test.
 *   `isSet` means true or a non-blank string; `in` compares case-insensitively,
 *   ignoring spaces, against the whole value or its leading letters
 *   (`HTTP/1.1` is `in: ['http']`); `contains` is a case-insensitive substring test.
 * - `tag`: an asset tag (handlesPII, isMLModel, isTrainingData) is set.
 * - `source` / `target`: on a flow, its (attached) end element satisfies the condition;
 *   false for a dangling end.
 * - `crossesBoundary`: on a flow, it crosses a trust boundary (box or line).
 * - `insideBoundary`: on a box element, its centre lies in a trust boundary box.
 * - `inbound` / `outbound` / `connected`: on a box element, some flow carrying data into
 *   it / out of it / either way satisfies the condition. A bidirectional flow counts both
 *   ways, and is seen oriented from the far end to this element for `inbound` (so its
 *   `source` is the far end), and from this element for `outbound`.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { kind: RuleTarget[] }
  | { prop: ConditionProp; equals: string | number | boolean }
  | { prop: ConditionProp; isSet: true }
  | { prop: ConditionProp; isEmpty: true }
  | { prop: ConditionProp; in: string[] }
  | { prop: ConditionProp; contains: string[] }
  | { tag: AssetTag }
  | { source: Condition }
  | { target: Condition }
  | { crossesBoundary: true }
  | { insideBoundary: true }
  | { inbound: Condition }
  | { outbound: Condition }
  | { connected: Condition };

const words = z.array(z.string().min(1).max(100)).min(1).max(100);

export const ZCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ZCondition).max(100) }).strict(),
    z.object({ any: z.array(ZCondition).min(1).max(100) }).strict(),
    z.object({ not: ZCondition }).strict(),
    z.object({ kind: z.array(ZRuleTarget).min(1) }).strict(),
    z
      .object({
        prop: ZConditionProp,
        equals: z.union([z.string().max(500), z.number(), z.boolean()]),
      })
      .strict(),
    z.object({ prop: ZConditionProp, isSet: z.literal(true) }).strict(),
    z.object({ prop: ZConditionProp, isEmpty: z.literal(true) }).strict(),
    z.object({ prop: ZConditionProp, in: words }).strict(),
    z.object({ prop: ZConditionProp, contains: words }).strict(),
    z.object({ tag: ZAssetTag }).strict(),
    z.object({ source: ZCondition }).strict(),
    z.object({ target: ZCondition }).strict(),
    z.object({ crossesBoundary: z.literal(true) }).strict(),
    z.object({ insideBoundary: z.literal(true) }).strict(),
    z.object({ inbound: ZCondition }).strict(),
    z.object({ outbound: ZCondition }).strict(),
    z.object({ connected: ZCondition }).strict(),
  ]),
);

/** Rule ids: letters, digits, `.`, `_`, `-` (never `@`, which separates the parts of a ruleKey). */
export const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,149}$/;

/** A mitigation a rule proposes; merged into the model as a `mitigation` record with status `proposed`. */
export const ZRuleMitigation = z
  .object({ title: z.string().min(1).max(1_000), description: z.string().max(50_000) })
  .strict();
export type RuleMitigation = z.infer<typeof ZRuleMitigation>;

/**
 * A threat rule: data, not code. Built-in packs and organisation library rules
 * share this shape. `interaction` rules (flows only) key their findings by the
 * flow and both its ends, as Threagile and Microsoft TMT do.
 */
export const ZRule = z
  .object({
    id: z
      .string()
      .regex(RULE_ID_PATTERN, 'rule id may hold only letters, digits, ".", "_" and "-"'),
    pack: z.string().min(1).max(100),
    methodology: ZMethodology,
    category: ZCategory,
    targets: z.array(ZRuleTarget).min(1),
    interaction: z.boolean().default(false),
    condition: ZCondition.default({ all: [] }),
    title: z.string().min(1).max(1_000),
    description: z.string().min(1).max(50_000),
    mitigations: z.array(ZRuleMitigation).min(1).max(50),
    severity: ZSeverity,
    references: z.array(ZReference).max(100).default([]),
    /**
     * Ids of broader rules this one makes redundant: when both fire on the same
     * element, only this, more specific, finding is suggested.
     */
    supersedes: z.array(z.string().regex(RULE_ID_PATTERN)).max(100).default([]),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!categoriesFor(rule.methodology).includes(rule.category)) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: `category ${rule.category} is not one of methodology ${rule.methodology}`,
      });
    }
    if (rule.interaction && rule.targets.some((t) => t !== 'flow')) {
      ctx.addIssue({
        code: 'custom',
        path: ['interaction'],
        message: 'interaction rules target flows only',
      });
    }
  });
export type Rule = z.infer<typeof ZRule>;
export type RuleInput = z.input<typeof ZRule>;

/** Parses an untrusted rule (e.g. an organisation library rule), throwing a ValidationError naming each path and problem. */
export function parseRule(input: unknown): Rule {
  const parsed = ZRule.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}
