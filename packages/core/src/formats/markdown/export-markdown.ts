import { modelRecordOf } from '../../model/document';
import { SEVERITIES, THREAT_STATUSES } from '../../model/keys';
import {
  categoryLabel,
  ELEMENT_KIND_LABELS,
  METHODOLOGY_LABELS,
  MITIGATION_STATUS_LABELS,
  REVIEW_STATE_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../model/labels';
import { indexModel } from '../../model/query';
import type { ModelRecord } from '../../model/records';

/**
 * Escapes user text for Markdown inline content: every character Markdown or
 * HTML gives meaning becomes literal, so a hostile name cannot open a heading,
 * link, list, table cell or HTML tag. Line breaks become spaces (inline text
 * must stay on its line).
 */
export function mdInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-!|~=.:]/g, (c) => `\\${c}`);
}

/** Escapes a multi-line text as paragraphs; each line escaped as inline text, blank lines kept. */
export function mdBlock(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => mdInline(line.trim()))
    .join('  \n')
    .replace(/( {2}\n){2,}/g, '\n\n');
}

const count = <K extends string>(keys: readonly K[], values: readonly K[]) =>
  keys.map((k) => [k, values.filter((v) => v === k).length] as const);

/**
 * A Markdown report: the four threat-modelling questions (what are we working
 * on, what can go wrong, what are we going to do about it, did we do a good
 * enough job), threat counts by status and severity, then per diagram and
 * element its threats with their mitigations. All user text is escaped.
 */
export function exportMarkdown(records: readonly ModelRecord[]): string {
  const model = modelRecordOf(records);
  const index = indexModel(records);
  const threats = [...index.threatsByElement.values()].flat();
  const mitigations = [...index.mitigationsByThreat.values()].flat();
  const out: string[] = [];
  const para = (text: string, empty = '_Not provided._') =>
    out.push(text.trim() === '' ? empty : mdBlock(text), '');

  out.push(`# ${mdInline(model.title)}`, '');
  const meta: [string, string][] = [
    ['Owner', model.owner],
    ['Reviewer', model.reviewer],
    ['Contributors', model.contributors.join(', ')],
    ['Review state', REVIEW_STATE_LABELS[model.reviewState]],
  ];
  for (const [k, v] of meta) if (v) out.push(`- **${k}:** ${mdInline(v)}`);
  out.push('');

  out.push('## What are we working on?', '');
  para(model.summary);
  if (model.scope.trim()) out.push('**Scope**', '', mdBlock(model.scope), '');

  out.push('## What can go wrong?', '');
  out.push(`${threats.length} threats on ${index.diagrams.length} diagrams.`, '');
  out.push('| Status | Threats |', '| --- | ---: |');
  for (const [k, n] of count(
    THREAT_STATUSES,
    threats.map((t) => t.status),
  ))
    out.push(`| ${STATUS_LABELS[k]} | ${n} |`);
  out.push('', '| Severity | Threats |', '| --- | ---: |');
  for (const [k, n] of count(
    SEVERITIES,
    threats.map((t) => t.severity),
  ))
    out.push(`| ${SEVERITY_LABELS[k]} | ${n} |`);
  out.push('');

  out.push('## What are we going to do about it?', '');
  out.push(`${mitigations.length} mitigations.`, '');
  out.push('| Mitigation status | Mitigations |', '| --- | ---: |');
  for (const [k, n] of count(
    ['proposed', 'in-progress', 'done'] as const,
    mitigations.map((m) => m.status),
  ))
    out.push(`| ${MITIGATION_STATUS_LABELS[k]} | ${n} |`);
  out.push('');

  out.push('## Did we do a good enough job?', '');
  out.push(
    `Review state: **${REVIEW_STATE_LABELS[model.reviewState]}**${model.reviewedBy ? ` by ${mdInline(model.reviewedBy)}` : ''}${model.reviewedAt ? ` on ${mdInline(model.reviewedAt)}` : ''}.`,
    '',
  );
  if (model.reviewNote.trim()) para(model.reviewNote);

  for (const d of index.diagrams) {
    out.push(
      `## Diagram: ${mdInline(d.title || 'Untitled diagram')} (${METHODOLOGY_LABELS[d.methodology]})`,
      '',
    );
    if (d.description.trim()) para(d.description);
    for (const e of index.elementsByDiagram.get(d.id) ?? []) {
      const list = index.threatsByElement.get(e.id) ?? [];
      if (list.length === 0) continue;
      out.push(
        `### ${mdInline(e.name || '(unnamed)')} (${ELEMENT_KIND_LABELS[e.typeName]}${e.outOfScope ? ', out of scope' : ''})`,
        '',
      );
      for (const t of list) {
        out.push(`#### ${t.number}\\. ${mdInline(t.title || '(untitled threat)')}`, '');
        out.push(
          `- **Category:** ${mdInline(categoryLabel(t.category))}`,
          `- **Severity:** ${SEVERITY_LABELS[t.severity]}`,
          `- **Status:** ${STATUS_LABELS[t.status]}`,
          ...(t.score ? [`- **Score:** ${mdInline(t.score)}`] : []),
          '',
        );
        if (t.description.trim()) para(t.description);
        const ms = index.mitigationsByThreat.get(t.id) ?? [];
        if (ms.length > 0) {
          out.push('**Mitigations**', '');
          for (const m of ms)
            out.push(
              `- ${mdInline(m.title || m.description)} (${MITIGATION_STATUS_LABELS[m.status]})${m.description && m.description !== m.title ? `: ${mdInline(m.description)}` : ''}`,
            );
          out.push('');
        }
      }
    }
  }
  return out.join('\n');
}
