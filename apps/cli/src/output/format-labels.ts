/** How each detected input format is named to users. */
const FORMAT_LABELS: Record<string, string> = {
  native: 'Threatloom native',
  'threat-dragon-v1': 'Threat Dragon v1',
  'threat-dragon-v2': 'Threat Dragon v2',
  otm: 'Open Threat Model',
};

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format] ?? format;
}
