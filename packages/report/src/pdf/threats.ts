import {
  ELEMENT_KIND_LABELS,
  MITIGATION_STATUS_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  categoryLabel,
  mitigationDetail,
  referenceLabel,
  type Element,
  type Mitigation,
  type ModelIndex,
} from '@threatloom/core';
import type { ReportOptions } from '../options';
import type { DiagramEntry, ElementEntry } from '../select';
import { propertyList } from './properties';
import type { Writer } from './writer';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const detail = (m: Mitigation) => {
  const d = mitigationDetail(m);
  return d ? ` — ${d}` : '';
};

/** "From Browser to Web app" for a flow (Noto Sans has no arrow glyphs), naming dangling ends "a point". */
function flowEnds(el: Element, names: Map<string, string>): string {
  if (el.typeName !== 'flow') return '';
  const end = (id: string | null) => (id ? oneLine(names.get(id) ?? id) : 'a point');
  return el.isBidirectional
    ? `Between ${end(el.sourceId)} and ${end(el.targetId)}, both ways`
    : `From ${end(el.sourceId)} to ${end(el.targetId)}`;
}

function writeElement(
  w: Writer,
  entry: ElementEntry,
  o: ReportOptions,
  names: Map<string, string>,
): void {
  const el = entry.element;
  // Names often hold line breaks to fit a diagram shape; a heading runs on across the text width.
  w.heading(`${ELEMENT_KIND_LABELS[el.typeName]}: ${oneLine(el.name) || 'Unnamed'}`, 2);
  const ends = flowEnds(el, names);
  if (ends) w.paragraph(ends, { size: 9, color: '#374151', gap: 2 });
  if (el.outOfScope)
    w.paragraph(`Out of scope${el.outOfScopeReason ? `: ${el.outOfScopeReason}` : '.'}`, {
      size: 9,
      color: '#b45309',
      gap: 2,
    });
  if (el.description) w.paragraph(el.description, { size: 9.5, color: '#374151', gap: 2 });
  if (o.showProperties) {
    const props = propertyList(el);
    w.paragraph(`Properties: ${props.length > 0 ? props.join('; ') : 'none set'}`, {
      size: 9,
      color: '#374151',
      gap: 2,
    });
  }
  if (entry.threats.length === 0) {
    w.paragraph('No threats listed.', { size: 9.5, color: '#6b7280', gap: 4 });
    return;
  }
  for (const { threat: t, mitigations } of entry.threats) {
    w.ensure(50);
    w.y += 4;
    w.paragraph(`${t.number > 0 ? `#${t.number} ` : ''}${oneLine(t.title) || 'Untitled threat'}`, {
      size: 10.5,
      bold: true,
      indent: 8,
      gap: 1,
    });
    const facts = [
      categoryLabel(t.category),
      `Severity: ${SEVERITY_LABELS[t.severity]}`,
      `Status: ${STATUS_LABELS[t.status]}`,
      ...(t.score ? [`Score: ${t.score}`] : []),
    ];
    w.paragraph(facts.join(' · '), {
      size: 9,
      indent: 8,
      color: t.status === 'open' ? '#b91c1c' : '#374151',
      gap: 1,
    });
    if (t.description) w.paragraph(t.description, { size: 9.5, indent: 8, gap: 1 });
    if (t.references.length > 0)
      w.paragraph(`References: ${t.references.map(referenceLabel).join(', ')}`, {
        size: 8.5,
        indent: 8,
        color: '#374151',
        gap: 1,
      });
    if (mitigations.length > 0) {
      w.paragraph('Mitigations:', { size: 9, bold: true, indent: 8 });
      for (const m of mitigations) {
        w.paragraph(
          `• [${MITIGATION_STATUS_LABELS[m.status]}] ${oneLine(m.title || m.description) || 'Untitled'}${detail(m)}`,
          { size: 9, indent: 18 },
        );
      }
    }
  }
  w.y += 4;
}

/** Per element of the diagram: its threats with category, severity, status, score, description and mitigations. */
export function writeThreats(
  w: Writer,
  entry: DiagramEntry,
  o: ReportOptions,
  index: ModelIndex,
): void {
  w.addPage();
  w.heading(`Threats: ${entry.diagram.title || 'Untitled'}`, 1);
  if (entry.elements.length === 0)
    w.paragraph('No elements with threats match this report’s options.', { size: 10 });
  const names = new Map(
    (index.elementsByDiagram.get(entry.diagram.id) ?? []).map((e) => [e.id, e.name || 'Unnamed']),
  );
  for (const e of entry.elements) writeElement(w, e, o, names);
}
