import { ValidationError } from '../model/errors';
import type { Methodology, Severity } from '../model/keys';
import { indexModel } from '../model/query';
import type { Element, Flow, ModelRecord, Reference } from '../model/records';
import { compileCondition, type Predicate } from './condition';
import { RULES } from './packs';
import type { Rule, RuleTarget } from './rule';
import { buildScene } from './scene';

/** One suggested threat: a rule that fired on an element. */
export interface Suggestion {
  ruleId: string;
  /** Merge identity: `ruleId@elementId`, or `ruleId@flowId@sourceId@targetId` for interaction rules. */
  ruleKey: string;
  diagramId: string;
  elementId: string;
  title: string;
  category: string;
  severity: Severity;
  description: string;
  /** Shared with the rule and frozen: copy before changing (mergeSuggestions copies into new records). */
  mitigations: readonly Readonly<{ title: string; description: string }>[];
  /** Shared with the rule and frozen. */
  references: readonly Readonly<Reference>[];
}

/** What to generate for; all optional (default: every diagram, its own methodology, the built-in rules). */
export interface GenerateOptions {
  /** Only this diagram. */
  diagramId?: string;
  /** Only these elements (their neighbourhood still counts). */
  elementIds?: readonly string[];
  /** Use this methodology for every diagram instead of each diagram's own. */
  methodology?: Methodology;
  /** Run exactly these packs, whatever the methodology. */
  packs?: readonly string[];
  /** More rules, e.g. the organisation's library; ids must not clash with built-in ones. */
  extraRules?: readonly Rule[];
}

/** Which methodology's rules a diagram of this methodology gets: a generic diagram uses the STRIDE packs. */
function effectiveMethodology(m: Methodology): Methodology {
  return m === 'generic' ? 'stride' : m;
}

/** A rule ready to run: its condition compiled, its arrays frozen so suggestions can share them. */
interface Prepared {
  rule: Rule;
  test: Predicate;
}

const prepared = new WeakMap<Rule, Prepared>();
function prepare(rule: Rule): Prepared {
  let p = prepared.get(rule);
  if (!p) {
    for (const item of [...rule.mitigations, ...rule.references]) Object.freeze(item);
    Object.freeze(rule.mitigations);
    Object.freeze(rule.references);
    p = { rule, test: compileCondition(rule.condition) };
    prepared.set(rule, p);
  }
  return p;
}

function ruleKeyOf(rule: Rule, element: Element): string {
  if (!rule.interaction || element.typeName !== 'flow') return `${rule.id}@${element.id}`;
  const flow = element as Flow;
  return `${rule.id}@${flow.id}@${flow.sourceId ?? '-'}@${flow.targetId ?? '-'}`;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Suggests threats for the diagrams of a model. Pure and deterministic: the
 * same records give the same list, in the same order (diagrams by order then
 * id, elements by id, rules by id), whatever order the records came in.
 * Out-of-scope elements get nothing. A rule that fires is dropped when another
 * rule firing on the same element supersedes it. Each diagram gets the rules of its
 * methodology (generic: STRIDE's), unless `packs` names the packs to run.
 */
export function generateThreats(
  records: Iterable<ModelRecord>,
  options: GenerateOptions = {},
): Suggestion[] {
  const pool = options.extraRules?.length ? [...RULES, ...options.extraRules] : RULES;
  if (options.extraRules?.length) {
    const seen = new Set(RULES.map((r) => r.id));
    options.extraRules.forEach((r, i) => {
      if (seen.has(r.id))
        throw new ValidationError([
          { path: `extraRules[${i}].id`, message: `rule id ${r.id} is already taken` },
        ]);
      seen.add(r.id);
    });
  }
  const packs = options.packs ? new Set(options.packs) : null;
  const onlyElements = options.elementIds ? new Set(options.elementIds) : null;
  const index = indexModel(records);
  const out: Suggestion[] = [];

  for (const diagram of index.diagrams) {
    if (options.diagramId !== undefined && diagram.id !== options.diagramId) continue;
    const methodology = effectiveMethodology(options.methodology ?? diagram.methodology);
    const chosen = pool
      .filter((r) =>
        packs ? packs.has(r.pack) : effectiveMethodology(r.methodology) === methodology,
      )
      .sort(byId);
    const rulesByKind = new Map<string, Prepared[]>();
    for (const rule of chosen) {
      for (const kind of rule.targets) {
        const list = rulesByKind.get(kind);
        if (list) list.push(prepare(rule));
        else rulesByKind.set(kind, [prepare(rule)]);
      }
    }
    const elements = index.elementsByDiagram.get(diagram.id) ?? [];
    const scene = buildScene(elements);
    for (const element of [...elements].sort(byId)) {
      if (element.outOfScope || (onlyElements && !onlyElements.has(element.id))) continue;
      const rules = rulesByKind.get(element.typeName as RuleTarget);
      if (!rules) continue;
      const node = scene.nodes.get(element.id)!;
      const fired: Rule[] = [];
      let superseded: Set<string> | null = null;
      for (const { rule, test } of rules) {
        if (!test(node, false)) continue;
        fired.push(rule);
        if (rule.supersedes.length > 0)
          for (const id of rule.supersedes) (superseded ??= new Set()).add(id);
      }
      for (const rule of fired) {
        if (superseded?.has(rule.id)) continue;
        out.push({
          ruleId: rule.id,
          ruleKey: ruleKeyOf(rule, element),
          diagramId: diagram.id,
          elementId: element.id,
          title: rule.title,
          category: rule.category,
          severity: rule.severity,
          description: rule.description,
          // Shared, frozen arrays (see prepare): copying them for every suggestion doubled generation time on large models.
          mitigations: rule.mitigations,
          references: rule.references,
        });
      }
    }
  }
  return out;
}
