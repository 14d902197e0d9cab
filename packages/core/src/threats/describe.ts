import type { Condition, Rule } from './rule';

function list(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

/** A condition in readable form, e.g. `isWebApplication = true and inbound flow (isPublicNetwork = true)`. */
export function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.length === 0 ? 'always' : c.all.map((p) => wrap(p)).join(' and ');
  if ('any' in c) return c.any.map((p) => wrap(p)).join(' or ');
  if ('not' in c) {
    const inner = c.not;
    if ('source' in inner && isAlways(inner.source)) return 'source is dangling';
    if ('target' in inner && isAlways(inner.target)) return 'target is dangling';
    return `not ${wrap(inner)}`;
  }
  if ('kind' in c) return `kind is ${c.kind.join(' or ')}`;
  if ('tag' in c) return `tagged ${c.tag}`;
  if ('prop' in c) {
    if ('equals' in c) return `${c.prop} = ${JSON.stringify(c.equals)}`;
    if ('isSet' in c) return `${c.prop} is set`;
    if ('isEmpty' in c) return `${c.prop} is empty`;
    if ('in' in c) return `${c.prop} in [${list(c.in)}]`;
    return `${c.prop} contains any of [${list(c.contains)}]`;
  }
  if ('source' in c)
    return isAlways(c.source) ? 'source is attached' : `source (${describeCondition(c.source)})`;
  if ('target' in c)
    return isAlways(c.target) ? 'target is attached' : `target (${describeCondition(c.target)})`;
  if ('crossesBoundary' in c) return 'crosses a trust boundary';
  if ('insideBoundary' in c) return 'inside a trust boundary';
  if ('inbound' in c) return `some inbound flow (${describeCondition(c.inbound)})`;
  if ('outbound' in c) return `some outbound flow (${describeCondition(c.outbound)})`;
  return `some connected flow (${describeCondition(c.connected)})`;
}

function isAlways(c: Condition): boolean {
  return 'all' in c && c.all.length === 0;
}

function wrap(c: Condition): string {
  const text = describeCondition(c);
  return ('all' in c && c.all.length > 1) || 'any' in c ? `(${text})` : text;
}

/** The `# Threat rules` section of SPEC.md, generated from the rules so the two cannot drift apart. */
export function renderRuleSpec(rules: readonly Rule[], packs: readonly string[]): string {
  const lines: string[] = [
    '# Threat rules',
    '',
    '<!-- Generated from RULES (packages/core/src/threats/packs); regenerate with',
    '     UPDATE_SPEC=1 pnpm vitest run --project unit packages/core/src/threats/spec.test.ts -->',
    '',
    'Every built-in threat rule, by stable id. A rule fires on an element of one of its target kinds when its',
    'condition holds; out-of-scope elements never get suggestions. Interaction rules key their findings by the',
    'flow and both its ends (`ruleId@flowId@sourceId@targetId`), all others by `ruleId@elementId`.',
    'When a rule fires together with rules it supersedes on the same element, only it is suggested.',
    'Tests in `packages/core/src/threats/rules.test.ts` are named by these ids.',
    '',
  ];
  for (const pack of packs) {
    const inPack = rules.filter((r) => r.pack === pack);
    if (inPack.length === 0) continue;
    lines.push(
      `## Pack \`${pack}\` (${inPack.length} rules, methodology ${[...new Set(inPack.map((r) => r.methodology))].join(', ')})`,
      '',
    );
    lines.push(
      '| id | targets | condition | category | severity | title | supersedes |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of inPack) {
      const cell = (s: string) => s.replace(/\|/g, '\\|');
      const targets = r.targets.join(', ') + (r.interaction ? ' (interaction)' : '');
      const supersedes = r.supersedes.map((id) => `\`${id}\``).join(', ');
      lines.push(
        `| \`${r.id}\` | ${targets} | ${cell(describeCondition(r.condition))} | ${r.category} | ${r.severity} | ${cell(r.title)} | ${supersedes} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
