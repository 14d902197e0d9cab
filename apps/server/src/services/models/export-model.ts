import {
  EXPORT_FORMATS,
  exportModel as writeModelFile,
  modelRecordOf,
  type ExportFormat,
} from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { AppError } from '../app-error';
import { getModel } from './get-model';

export interface ExportedDownload {
  filename: string;
  contentType: string;
  body: string;
}

const isFormat = (f: string): f is ExportFormat => Object.hasOwn(EXPORT_FORMATS, f);

/** A model as a downloadable file in one of core's export formats (native, threat-dragon, otm, markdown, csv). */
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
  const file = writeModelFile(records, format);
  const base =
    modelRecordOf(records)
      .title.replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'model';
  return { filename: `${base}.${file.extension}`, contentType: file.mediaType, body: file.content };
}
