import type { Severity } from '../../model/keys';
import { categoryLabel, referenceLabel } from '../../model/labels';
import { indexModel } from '../../model/query';
import type { Element, ModelRecord, Reference, Threat } from '../../model/records';
import { RULES } from '../../threats/packs';

/** SARIF `level` per severity: a CI gate treats critical and high as errors. */
export const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  // Not rated yet: a reviewer still has to look, so it is not hidden as a note.
  tbd: 'warning',
};

/** GitHub code scanning's 0–10 `security-severity` per severity (it buckets by these ranges). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  tbd: '5.0',
};

/** Options for {@link exportSarif}. */
export interface SarifOptions {
  /** The model file as the CI job sees it (a path relative to the repository): results point at it. */
  artifactUri?: string;
  /** Tool version written as `tool.driver.version`. */
  toolVersion?: string;
}

/** The id a threat reports as `ruleId`: its rule's, or `manual.<category>` for a hand-written threat. */
export function sarifRuleId(threat: Threat): string {
  return threat.ruleId ?? `manual.${threat.category}`;
}

function helpOf(
  refs: readonly Reference[],
  mitigations: readonly { title: string; description: string }[],
) {
  const lines = [
    ...mitigations.map((m) => `- ${m.title}: ${m.description}`),
    ...(refs.length ? ['', 'References:'] : []),
    ...refs.map((r) => `- ${referenceLabel(r)}${r.url ? ` ${r.url}` : ''}`),
  ];
  const markdown = [
    ...mitigations.map((m) => `- **${m.title}**: ${m.description}`),
    ...(refs.length ? ['', '**References**'] : []),
    ...refs.map((r) => (r.url ? `- [${referenceLabel(r)}](${r.url})` : `- ${referenceLabel(r)}`)),
  ];
  return {
    text: lines.join('\n') || 'No guidance recorded.',
    markdown: markdown.join('\n') || 'No guidance recorded.',
  };
}

/**
 * The open threats of a model as a SARIF 2.1.0 log: one result per open
 * threat, its rule's id as `ruleId`, a level from its severity, the element as
 * a logical location (and the model file as the physical one when given), and
 * the rule's mitigations and references as help. Results carry a stable
 * fingerprint (the threat's rule key or id) so code-scanning services track
 * them across runs.
 */
export function exportSarif(records: readonly ModelRecord[], options: SarifOptions = {}) {
  const index = indexModel(records);
  const builtIn = new Map(RULES.map((r) => [r.id, r]));
  const rules = new Map<string, Record<string, unknown>>();
  const results: Record<string, unknown>[] = [];
  const diagramTitle = new Map(index.diagrams.map((d) => [d.id, d.title || 'Diagram']));

  const threats = records
    .filter((r): r is Threat => r.typeName === 'threat' && r.status === 'open')
    .sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
  for (const threat of threats) {
    const ruleId = sarifRuleId(threat);
    const rule = threat.ruleId ? builtIn.get(threat.ruleId) : undefined;
    if (!rules.has(ruleId)) {
      const refs = rule?.references ?? threat.references;
      const help = helpOf(refs, rule?.mitigations ?? []);
      const helpUri = refs.find((r) => r.url)?.url;
      rules.set(ruleId, {
        id: ruleId,
        shortDescription: {
          text: rule?.title ?? `${categoryLabel(threat.category)} (manual threat)`,
        },
        fullDescription: {
          text: rule?.description ?? (threat.description || threat.title || ruleId),
        },
        help,
        ...(helpUri ? { helpUri } : {}),
        defaultConfiguration: { level: SARIF_LEVELS[rule?.severity ?? threat.severity] },
        properties: {
          tags: ['security', 'threat-model', threat.category],
          'security-severity': SECURITY_SEVERITY[rule?.severity ?? threat.severity],
        },
      });
    }
    const element = index.byId.get(threat.elementId) as Element | undefined;
    const elementName = element?.name || threat.elementId;
    const fullyQualifiedName = `${diagramTitle.get(threat.diagramId) ?? 'Diagram'}/${elementName}`;
    results.push({
      ruleId,
      level: SARIF_LEVELS[threat.severity],
      message: {
        text: `#${threat.number} ${threat.title || categoryLabel(threat.category)} on ${elementName}${
          threat.description ? `: ${threat.description}` : ''
        }`,
      },
      locations: [
        {
          ...(options.artifactUri
            ? { physicalLocation: { artifactLocation: { uri: options.artifactUri } } }
            : {}),
          logicalLocations: [{ name: elementName, fullyQualifiedName, kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'threatloomThreat/v1': threat.ruleKey ?? threat.id },
      properties: {
        threatId: threat.id,
        number: threat.number,
        category: threat.category,
        severity: threat.severity,
        elementId: threat.elementId,
        elementType: element?.typeName ?? 'unknown',
      },
    });
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'Threatloom',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: [...rules.values()],
          },
        },
        ...(options.artifactUri
          ? { artifacts: [{ location: { uri: options.artifactUri }, roles: ['analysisTarget'] }] }
          : {}),
        results,
      },
    ],
  };
}
