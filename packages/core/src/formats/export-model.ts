import { toNativeDocument } from '../model/document';
import type { ModelRecord } from '../model/records';
import { exportCsv } from './csv/export-csv';
import { exportMarkdown } from './markdown/export-markdown';
import { exportOtm } from './otm/export-otm';
import { exportSarif } from './sarif/export-sarif';
import { exportThreatDragon } from './threat-dragon/export-threat-dragon';
import type { ExportedFile, ExportFormat } from './types';

/** Media type and file extension per export format. */
export const EXPORT_FORMATS: Record<ExportFormat, { mediaType: string; extension: string }> = {
  native: { mediaType: 'application/json', extension: 'threatloom.json' },
  'threat-dragon': { mediaType: 'application/json', extension: 'json' },
  otm: { mediaType: 'application/json', extension: 'otm.json' },
  markdown: { mediaType: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' },
  sarif: { mediaType: 'application/sarif+json', extension: 'sarif' },
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A model as a file in the given format: its text, media type and extension (without the dot). */
export function exportModel(records: readonly ModelRecord[], format: ExportFormat): ExportedFile {
  const content =
    format === 'native'
      ? json(toNativeDocument(records))
      : format === 'threat-dragon'
        ? json(exportThreatDragon(records))
        : format === 'otm'
          ? json(exportOtm(records))
          : format === 'markdown'
            ? exportMarkdown(records)
            : format === 'sarif'
              ? json(exportSarif(records))
              : exportCsv(records);
  return { content, ...EXPORT_FORMATS[format] };
}
