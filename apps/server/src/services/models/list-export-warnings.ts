import { EXPORT_FORMATS, exportWarnings, type ExportWarning } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { AppError } from '../app-error';
import { getModel } from './get-model';

/** What exporting a model to `format` would leave out or keep only as text (core's `exportWarnings`). */
export async function listExportWarnings(options: {
  db: Db;
  modelId: string;
  format: string;
}): Promise<{ format: string; warnings: ExportWarning[] }> {
  const { db, modelId, format } = options;
  if (!Object.hasOwn(EXPORT_FORMATS, format))
    throw new AppError(
      'unsupported_format',
      `format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`,
    );
  const { records } = await getModel({ db, modelId, role: 'viewer' });
  return { format, warnings: exportWarnings(records, format as keyof typeof EXPORT_FORMATS) };
}
