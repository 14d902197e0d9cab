import type { Severity } from '../model/keys';

/** Threat Dragon severity text by key; `tbd` is written as Threat Dragon's "TBA". */
export const TD_SEVERITY: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  tbd: 'TBA',
};

const BY_TEXT = new Map<string, Severity>([
  ['critical', 'critical'],
  ['high', 'high'],
  ['medium', 'medium'],
  ['low', 'low'],
  ['tba', 'tbd'],
  ['tbd', 'tbd'],
  ['', 'tbd'],
  // Threat Dragon's German, French and Spanish priority labels, as older exports stored them.
  ['hoch', 'high'],
  ['mittel', 'medium'],
  ['niedrig', 'low'],
  ['élevé', 'high'],
  ['moyen', 'medium'],
  ['faible', 'low'],
  ['alta', 'high'],
  ['media', 'medium'],
  ['baja', 'low'],
]);

/** The severity key for a Threat Dragon severity (High, Medium, Low, Critical, TBA, ''), or undefined when unknown. */
export function parseSeverity(text: string): Severity | undefined {
  return BY_TEXT.get(text.trim().toLowerCase());
}
