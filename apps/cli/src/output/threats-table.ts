import Table from 'cli-table3';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  categoryLabel,
  isElement,
  type Element,
  type ModelRecord,
  type Severity,
  type Suggestion,
} from '@threatloom/core';
import type { Colors } from '../context';
import { oneLine } from '../errors';
import { BORDERLESS } from './borderless';
import { breakdown } from './count-records';

/** What `generate` did with one suggestion. */
export interface MergedSuggestion {
  suggestion: Suggestion;
  /** false when the model already held a threat with this ruleKey (kept as the user left it). */
  added: boolean;
}

function severityText(severity: Severity, c: Colors): string {
  const label = SEVERITY_LABELS[severity];
  if (severity === 'critical' || severity === 'high') return c.red(label);
  if (severity === 'medium') return c.yellow(label);
  return label;
}

/** An element's name on one line; an unnamed flow is named by its ends (`Web UI → API`). */
function elementName(element: Element | undefined, elements: ReadonlyMap<string, Element>): string {
  const name = oneLine(element?.name ?? '');
  if (name || element?.typeName !== 'flow') return name || '(unnamed)';
  const end = (id: string | null) =>
    id ? oneLine(elements.get(id)?.name ?? '') || '(unnamed)' : '(open end)';
  return `${end(element.sourceId)} → ${end(element.targetId)}`;
}

/**
 * A readable summary of `generate`: per element (in the engine's order) a table of
 * rule, category, severity, whether it was added or already there, and title; then totals.
 */
export function renderThreatsTable(
  records: readonly ModelRecord[],
  merged: readonly MergedSuggestion[],
  c: Colors,
): string {
  const elements = new Map<string, Element>(records.filter(isElement).map((e) => [e.id, e]));
  const diagrams = new Map(
    records.flatMap((r) => (r.typeName === 'diagram' ? [[r.id, r.title] as const] : [])),
  );
  const groups = new Map<string, MergedSuggestion[]>();
  for (const m of merged) {
    const list = groups.get(m.suggestion.elementId);
    if (list) list.push(m);
    else groups.set(m.suggestion.elementId, [m]);
  }

  // One table for all elements, so columns line up across the whole summary; each
  // element starts with a heading row spanning the columns.
  const table = new Table({
    head: ['RULE', 'CATEGORY', 'SEVERITY', 'MERGE', 'TITLE'].map((h) => c.dim(h)),
    chars: BORDERLESS,
    // cli-table3 colours headers and borders by default, even into files: colour is decided here.
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 },
  });
  for (const [elementId, list] of groups) {
    const element = elements.get(elementId);
    const name = elementName(element, elements);
    const diagram = list[0] ? diagrams.get(list[0].suggestion.diagramId) : undefined;
    const where = `${element?.typeName ?? 'element'}${diagram ? `, diagram "${oneLine(diagram)}"` : ''}`;
    table.push([{ colSpan: 5, content: `${c.bold(name)} ${c.dim(`(${where})`)}` }]);
    for (const { suggestion: s, added } of list) {
      table.push([
        `  ${s.ruleId}`,
        categoryLabel(s.category),
        severityText(s.severity, c),
        added ? c.green('added') : c.dim('kept'),
        oneLine(s.title),
      ]);
    }
  }
  const parts = [table.toString().replace(/[ \t]+$/gm, ''), ''];

  const added = merged.filter((m) => m.added).length;
  const bySeverity: Record<string, number> = {};
  for (const m of merged)
    bySeverity[m.suggestion.severity] = (bySeverity[m.suggestion.severity] ?? 0) + 1;
  parts.push(
    `${c.bold('Total:')} ${merged.length} suggested threat${merged.length === 1 ? '' : 's'} on ${groups.size} element${groups.size === 1 ? '' : 's'}` +
      `${breakdown(bySeverity, SEVERITIES)}; ${added} added, ${merged.length - added} already in the model`,
  );
  return parts.join('\n') + '\n';
}
