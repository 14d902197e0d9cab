import { modelRecordOf } from '../../model/document';
import { SEVERITIES, THREAT_STATUSES } from '../../model/keys';
import {
  categoryLabel,
  countOf,
  ELEMENT_KIND_LABELS,
  METHODOLOGY_LABELS,
  MITIGATION_STATUS_LABELS,
  REVIEW_STATE_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../model/labels';
import { indexModel } from '../../model/query';
import type { ModelRecord } from '../../model/records';
import { formatTimestamp } from '../../model/timestamps';
import { mdBlock, mdCell, mdDestination, mdHeading, mdInline, mdLineStart } from './markdown-text';

export interface MarkdownOptions {
  /**
   * Each diagram's picture by diagram id: a relative file name (the CLI writes
   * SVG files beside the Markdown) or a `data:` URI (the API embeds them).
   * A diagram without an entry gets no picture.
   */
  diagramImages?: Readonly<Record<string, string>>;
}

const count = <K extends string>(keys: readonly K[], values: readonly K[]) =>
  keys.map((k) => [k, values.filter((v) => v === k).length] as const);

/**
 * A Markdown report: the four threat-modelling questions (what are we working
 * on, what can go wrong, what are we going to do about it, did we do a good
 * enough job), threat counts by status and severity and a table of threats,
 * then per diagram its picture (when `options.diagramImages` has one) and per
 * element its threats with their mitigations. User text is escaped for where
 * it goes (`markdown-text.ts`), so it renders as typed and cannot add markup.
 */
export function exportMarkdown(
  records: readonly ModelRecord[],
  options: MarkdownOptions = {},
): string {
  const model = modelRecordOf(records);
  const index = indexModel(records);
  const elementName = new Map(
    [...index.elementsByDiagram.values()].flat().map((e) => [e.id, e.name] as const),
  );
  const threats = index.diagrams.flatMap((d) =>
    (index.elementsByDiagram.get(d.id) ?? []).flatMap(
      (e) => index.threatsByElement.get(e.id) ?? [],
    ),
  );
  const mitigations = threats.flatMap((t) => index.mitigationsByThreat.get(t.id) ?? []);
  const out: string[] = [];
  const para = (text: string, empty = '_Not provided._') =>
    out.push(text.trim() === '' ? empty : mdBlock(text), '');

  out.push(`# ${mdHeading(model.title)}`, '');
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
  out.push(
    `${countOf(threats.length, 'threat')} on ${countOf(index.diagrams.length, 'diagram')}.`,
    '',
  );
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
  if (threats.length > 0) {
    out.push('| # | Threat | Element | Severity | Status |', '| ---: | --- | --- | --- | --- |');
    for (const t of threats)
      out.push(
        `| ${t.number} | ${mdCell(t.title || '(untitled threat)')} | ${mdCell(elementName.get(t.elementId) || '(unnamed)')} | ${SEVERITY_LABELS[t.severity]} | ${STATUS_LABELS[t.status]} |`,
      );
    out.push('');
  }

  out.push('## What are we going to do about it?', '');
  out.push(`${countOf(mitigations.length, 'mitigation')}.`, '');
  out.push('| Mitigation status | Mitigations |', '| --- | ---: |');
  for (const [k, n] of count(
    ['proposed', 'in-progress', 'done'] as const,
    mitigations.map((m) => m.status),
  ))
    out.push(`| ${MITIGATION_STATUS_LABELS[k]} | ${n} |`);
  out.push('');

  out.push('## Did we do a good enough job?', '');
  out.push(
    `Review state: **${REVIEW_STATE_LABELS[model.reviewState]}**${model.reviewedBy ? ` by ${mdInline(model.reviewedBy)}` : ''}${model.reviewedAt ? ` on ${mdInline(formatTimestamp(model.reviewedAt))}` : ''}.`,
    '',
  );
  if (model.reviewNote.trim()) para(model.reviewNote);

  for (const d of index.diagrams) {
    const title = d.title || 'Untitled diagram';
    out.push(`## Diagram: ${mdHeading(`${title} (${METHODOLOGY_LABELS[d.methodology]})`)}`, '');
    const image = options.diagramImages?.[d.id];
    if (image) out.push(`![${mdInline(`Diagram: ${title}`)}](${mdDestination(image)})`, '');
    if (d.description.trim()) para(d.description);
    for (const e of index.elementsByDiagram.get(d.id) ?? []) {
      const list = index.threatsByElement.get(e.id) ?? [];
      if (list.length === 0) continue;
      out.push(
        `### ${mdHeading(`${e.name || '(unnamed)'} (${ELEMENT_KIND_LABELS[e.typeName]}${e.outOfScope ? ', out of scope' : ''})`)}`,
        '',
      );
      for (const t of list) {
        out.push(`#### ${t.number}. ${mdHeading(t.title || '(untitled threat)')}`, '');
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
              `- ${mdLineStart(m.title || m.description)} (${MITIGATION_STATUS_LABELS[m.status]})${m.description && m.description !== m.title ? `: ${mdInline(m.description)}` : ''}`,
            );
          out.push('');
        }
      }
    }
  }
  return out.join('\n');
}
