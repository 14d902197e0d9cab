import { ZRule, type Rule } from '../rule';
import { AI_ML_RULES } from './ai-ml';
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
  'oat',
  'linddun',
  'cia',
  'die',
  'plot4ai',
  'ai-ml',
];

/** Every built-in rule, validated against `ZRule` when the module loads. */
export const RULES: readonly Rule[] = Object.freeze(
  [
    ...STRIDE_RULES,
    ...STRIDE_INTERACTION_RULES,
    ...PROPERTY_RULES,
    ...OAT_RULES,
    ...LINDDUN_RULES,
    ...CIA_RULES,
    ...DIE_RULES,
    ...PLOT4AI_RULES,
    ...AI_ML_RULES,
  ].map((r) => ZRule.parse(r)),
);
