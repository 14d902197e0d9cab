import { modelRecordOf, toNativeDocument } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { HttpError } from '../../http/errors';
import { getModel } from './get-model';

export const EXPORT_FORMATS = ['native'] as const;

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
}

/** A model as a downloadable file in one of `EXPORT_FORMATS`. */
export async function exportModel(options: { db: Db; modelId: string; format: string }): Promise<ExportedFile> {
  const { db, modelId, format } = options;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, 'unsupported_format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const { records } = await getModel({ db, modelId, role: 'viewer' });
  const title = modelRecordOf(records).title;
  const base = title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'model';
  return { filename: `${base}.threatloom.json`, contentType: 'application/json', body: JSON.stringify(toNativeDocument(records), null, 2) };
}
