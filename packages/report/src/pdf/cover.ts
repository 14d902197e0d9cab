import { formatDate, reviewSummary, type Threat, type ThreatModelRecord } from '@threatloom/core';
import { MARGIN, type Writer } from './writer';

function field(w: Writer, name: string, value: string): void {
  w.paragraph(name, { size: 9, bold: true, color: '#6b7280' });
  w.paragraph(value === '' ? '—' : value, { size: 12, gap: 10 });
}

/**
 * Cover page: title, people, date, and the review state together with the
 * model's open threats (all of them, whatever the report's filters), so an
 * "Approved" never stands above open threats without saying so.
 */
export function writeCover(
  w: Writer,
  model: ThreatModelRecord,
  threats: readonly Threat[],
  date: string,
): void {
  w.addPage();
  w.y = MARGIN + 120;
  w.paragraph('Threat model report', { size: 12, bold: true, color: '#b91c1c', gap: 6 });
  w.paragraph(model.title, { size: 28, bold: true, gap: 30 });
  field(w, 'Owner', model.owner);
  field(w, 'Reviewer', model.reviewer);
  field(w, 'Contributors', model.contributors.join(', '));
  field(w, 'Date', formatDate(date));
  field(w, 'Review state', reviewSummary(model, threats));
}
