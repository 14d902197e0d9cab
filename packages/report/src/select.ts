import type { Diagram, Element, Mitigation, ModelIndex, Threat } from '@threatloom/core';
import type { ReportOptions } from './options';

export interface ElementEntry {
  element: Element;
  threats: { threat: Threat; mitigations: Mitigation[] }[];
}
export interface DiagramEntry {
  diagram: Diagram;
  elements: ElementEntry[];
}

/** Notes are canvas text, not part of the system, so they are never listed as elements. */
const LISTED = new Set<Element['typeName']>([
  'actor',
  'process',
  'store',
  'flow',
  'boundary',
  'boundary-line',
]);
const KIND_ORDER: Record<Element['typeName'], number> = {
  actor: 0,
  process: 1,
  store: 2,
  flow: 3,
  boundary: 4,
  'boundary-line': 5,
  note: 6,
};

/** Whether a threat passes the report's status, severity and mitigated filters. */
export function threatShown(t: Threat, o: ReportOptions): boolean {
  if (!o.showMitigated && t.status === 'mitigated') return false;
  if (o.severities && !o.severities.includes(t.severity)) return false;
  if (o.statuses && !o.statuses.includes(t.status)) return false;
  return true;
}

/** The diagrams, elements and threats a report with these options shows, in reading order. */
export function selectContent(index: ModelIndex, o: ReportOptions): DiagramEntry[] {
  return index.diagrams.map((diagram) => {
    const elements = (index.elementsByDiagram.get(diagram.id) ?? [])
      .filter((e) => LISTED.has(e.typeName) && (o.showOutOfScope || !e.outOfScope))
      .sort(
        (a, b) =>
          KIND_ORDER[a.typeName] - KIND_ORDER[b.typeName] ||
          a.name.localeCompare(b.name) ||
          a.id.localeCompare(b.id),
      )
      .map((element) => ({
        element,
        threats: (index.threatsByElement.get(element.id) ?? [])
          .filter((t) => threatShown(t, o))
          .map((threat) => ({
            threat,
            mitigations: index.mitigationsByThreat.get(threat.id) ?? [],
          })),
      }))
      .filter((e) => o.showEmpty || e.threats.length > 0);
    return { diagram, elements };
  });
}
