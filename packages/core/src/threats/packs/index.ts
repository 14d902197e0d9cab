import { ZRule, type Rule, type RuleInput } from '../rule';
import { ACCESS_RULES } from './access';
import { AI_ML_RULES } from './ai-ml';
import { DATA_RULES } from './data';
import { INJECTION_RULES } from './injection';
import { CLIENT_RULES, IOT_RULES } from './iot';
import { LLM_RULES } from './llm';
import { NETWORK_RULES } from './network';
import { CLOUD_RULES, KUBERNETES_RULES, SUPPLY_CHAIN_RULES } from './platform';
import { CIA_RULES } from './cia';
import { DIE_RULES } from './die';
import { LINDDUN_RULES } from './linddun';
import { OAT_RULES } from './oat';
import { PLOT4AI_RULES } from './plot4ai';
import { PROPERTY_RULES } from './property';
import { STRIDE_RULES } from './stride';
import { STRIDE_INTERACTION_RULES } from './stride-interaction';

/** Names of the built-in packs, in display order. */
export const PACKS: readonly string[] = [
  'stride',
  'stride-interaction',
  'property',
  'injection',
  'access',
  'data',
  'network',
  'cloud',
  'kubernetes',
  'supply-chain',
  'llm',
  'iot',
  'client',
  'oat',
  'linddun',
  'cia',
  'die',
  'plot4ai',
  'ai-ml',
];

/** Packs of specific security rules: each of their rules replaces the generic STRIDE finding of its category. */
const SPECIFIC_PACKS = new Set([
  'property',
  'injection',
  'access',
  'data',
  'network',
  'cloud',
  'kubernetes',
  'supply-chain',
  'llm',
  'iot',
  'client',
  'ai-ml',
]);

/**
 * A specific rule that fires makes the STRIDE-per-element fallback of the same category
 * (`stride.<kind>.<category>`) on the same element redundant: SQL injection on a process
 * replaces "Process manipulated through its input". Added here once instead of by hand.
 */
function supersedeFallbacks(rules: RuleInput[]): RuleInput[] {
  const ids = new Set(rules.map((r) => r.id));
  return rules.map((r) => {
    if (!SPECIFIC_PACKS.has(r.pack)) return r;
    const fallbacks = r.targets
      .map((t) => `stride.${t}.${r.category}`)
      .filter((id) => ids.has(id) && !(r.supersedes ?? []).includes(id));
    return fallbacks.length ? { ...r, supersedes: [...(r.supersedes ?? []), ...fallbacks] } : r;
  });
}

/** Every built-in rule, validated against `ZRule` when the module loads. */
export const RULES: readonly Rule[] = Object.freeze(
  supersedeFallbacks([
    ...STRIDE_RULES,
    ...STRIDE_INTERACTION_RULES,
    ...PROPERTY_RULES,
    ...INJECTION_RULES,
    ...ACCESS_RULES,
    ...DATA_RULES,
    ...NETWORK_RULES,
    ...CLOUD_RULES,
    ...KUBERNETES_RULES,
    ...SUPPLY_CHAIN_RULES,
    ...LLM_RULES,
    ...IOT_RULES,
    ...CLIENT_RULES,
    ...OAT_RULES,
    ...LINDDUN_RULES,
    ...CIA_RULES,
    ...DIE_RULES,
    ...PLOT4AI_RULES,
    ...AI_ML_RULES,
  ]).map((r) => ZRule.parse(r)),
);
