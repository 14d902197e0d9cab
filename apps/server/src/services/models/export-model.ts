import {
  EXPORT_FORMATS,
  exportMarkdown,
  exportModel as writeModelFile,
  indexModel,
  modelRecordOf,
  type ExportFormat,
  type ModelRecord,
} from '@threatloom/core';
import { renderDiagramSvg } from '@threatloom/report/svg';
import type { Db } from '../../db/open-database';
import { AppError } from '../app-error';
import { getModel } from './get-model';

export interface ExportedDownload {
  filename: string;
  contentType: string;
  body: string;
}

const isFormat = (f: string): f is ExportFormat => Object.hasOwn(EXPORT_FORMATS, f);

/**
 * A model as a downloadable file in one of core's export formats (native,
 * threat-dragon, otm, markdown, csv, sarif). Markdown is one self-contained
 * file: each diagram is embedded as a `data:image/svg+xml;base64` image (the
 * report's SVG rendering).
 */
export async function exportModel(options: {
  db: Db;
  modelId: string;
  format: string;
}): Promise<ExportedDownload> {
  const { db, modelId, format } = options;
  if (!isFormat(format))
    throw new AppError(
      'unsupported_format',
      `format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`,
    );
  const { records } = await getModel({ db, modelId, role: 'viewer' });
  const file =
    format === 'markdown'
      ? {
          ...EXPORT_FORMATS.markdown,
          content: exportMarkdown(records, { diagramImages: embeddedDiagrams(records) }),
        }
      : writeModelFile(records, format);
  const base =
    modelRecordOf(records)
      .title.replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'model';
  return { filename: `${base}.${file.extension}`, contentType: file.mediaType, body: file.content };
}

/** Each diagram's SVG as a data URI, by diagram id. */
function embeddedDiagrams(records: readonly ModelRecord[]): Record<string, string> {
  const index = indexModel(records);
  return Object.fromEntries(
    index.diagrams.map((d) => [
      d.id,
      `data:image/svg+xml;base64,${Buffer.from(renderDiagramSvg(index, d.id)).toString('base64')}`,
    ]),
  );
}
