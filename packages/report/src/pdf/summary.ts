import {
  MITIGATION_STATUSES,
  MITIGATION_STATUS_LABELS,
  countOf,
  formatTimestamp,
  reviewSummary,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  THREAT_STATUSES,
  type Threat,
  type ThreatModelRecord,
} from '@threatloom/core';
import type { ReportOptions } from '../options';
import type { DiagramEntry } from '../select';
import { MARGIN, type Writer } from './writer';

const SEVERITY_COLORS: Record<string, string> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#f59e0b',
  low: '#16a34a',
  tbd: '#9ca3af',
};

/** Horizontal bar chart: one row per key with its label, a bar proportional to the count and the count. */
function barChart(w: Writer, rows: { label: string; count: number; color: string }[]): void {
  const labelWidth = 110;
  const barMax = w.contentWidth - labelWidth - 50;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 16;
  w.ensure(rows.length * rowHeight + 6);
  for (const r of rows) {
    w.drawLine(r.label, MARGIN, w.y + 2, 9.5);
    const len = (r.count / max) * barMax;
    if (r.count > 0)
      w.doc.rect(MARGIN + labelWidth, w.y + 2, Math.max(len, 2), rowHeight - 5).fill(r.color);
    w.drawLine(String(r.count), MARGIN + labelWidth + len + 6, w.y + 2, 9.5, true);
    w.y += rowHeight;
  }
  w.y += 6;
}

function filtersText(o: ReportOptions): string {
  const parts: string[] = [];
  if (o.severities)
    parts.push(`severity ${o.severities.map((s) => SEVERITY_LABELS[s]).join(', ')}`);
  if (o.statuses) parts.push(`status ${o.statuses.map((s) => STATUS_LABELS[s]).join(', ')}`);
  if (!o.showMitigated) parts.push('mitigated threats hidden');
  if (!o.showOutOfScope) parts.push('out-of-scope elements hidden');
  return parts.length > 0 ? `Filters: ${parts.join('; ')}.` : '';
}

/**
 * The executive summary, answering the four threat-modeling questions from
 * the threats this report shows; the review state names what the whole model
 * still has open (`allThreats`).
 */
export function writeSummary(
  w: Writer,
  model: ThreatModelRecord,
  content: DiagramEntry[],
  o: ReportOptions,
  allThreats: readonly Threat[],
): void {
  const threats = content.flatMap((d) => d.elements.flatMap((e) => e.threats));
  const elementsWithThreats = content.reduce(
    (n, d) => n + d.elements.filter((e) => e.threats.length > 0).length,
    0,
  );
  w.heading('Executive summary', 1);

  w.heading('What are we working on?', 2);
  w.paragraph(model.summary || 'No summary given.', { gap: 4 });
  if (model.scope) w.paragraph(`Scope: ${model.scope}`, { gap: 4 });
  w.paragraph(
    `${countOf(content.length, 'diagram')}: ${content.map((d) => d.diagram.title || 'Untitled').join(', ') || 'none'}.`,
    { gap: 4 },
  );

  w.heading('What can go wrong?', 2);
  w.paragraph(
    `${countOf(threats.length, 'threat')} on ${countOf(elementsWithThreats, 'element')}. ${filtersText(o)}`,
    { gap: 6 },
  );
  w.heading('Threats by severity', 3);
  barChart(
    w,
    SEVERITIES.map((s) => ({
      label: SEVERITY_LABELS[s],
      count: threats.filter((t) => t.threat.severity === s).length,
      color: SEVERITY_COLORS[s] ?? '#9ca3af',
    })),
  );
  w.heading('Threats by status', 3);
  barChart(
    w,
    THREAT_STATUSES.map((s) => ({
      label: STATUS_LABELS[s],
      count: threats.filter((t) => t.threat.status === s).length,
      color: s === 'open' ? '#dc2626' : '#2563eb',
    })),
  );

  w.heading('What are we going to do about it?', 2);
  const mitigations = threats.flatMap((t) => t.mitigations);
  w.paragraph(
    `${countOf(mitigations.length, 'mitigation')}: ${MITIGATION_STATUSES.map((s) => `${MITIGATION_STATUS_LABELS[s]} ${mitigations.filter((m) => m.status === s).length}`).join(', ')}.`,
    { gap: 2 },
  );
  const uncovered = threats.filter(
    (t) => t.threat.status === 'open' && t.mitigations.length === 0,
  ).length;
  w.paragraph(`${uncovered} open threat${uncovered === 1 ? ' has' : 's have'} no mitigation yet.`, {
    gap: 4,
  });

  w.heading('Did we do a good job?', 2);
  w.paragraph(`Review state: ${reviewSummary(model, allThreats)}`);
  w.paragraph(`Reviewer: ${model.reviewer || '—'}`);
  if (model.reviewedBy) w.paragraph(`Reviewed by: ${model.reviewedBy}`);
  if (model.reviewedAt) w.paragraph(`Review date: ${formatTimestamp(model.reviewedAt)}`);
  if (model.reviewNote) w.paragraph(`Review note: ${model.reviewNote}`);
}
