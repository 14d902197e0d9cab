import { parseNativeDocument } from '../model/document';
import { detectFormat } from './detect-format';
import { importOtm } from './otm/import-otm';
import { importThreatDragon } from './threat-dragon/import-threat-dragon';
import type { ImportOptions, ImportResult } from './types';

/**
 * Imports a parsed JSON value in any format `detectFormat` knows. Native
 * documents are validated and migrated as they are (no warnings); other
 * formats report what they could not carry as warnings. Throws a
 * `ValidationError` whose issues name JSON paths on bad input.
 */
export function importModel(json: unknown, options: ImportOptions = {}): ImportResult {
  const format = detectFormat(json);
  switch (format) {
    case 'native':
      return { format, records: parseNativeDocument(json).records, warnings: [] };
    case 'otm':
      return importOtm(json, options);
    case 'threat-dragon-v1':
    case 'threat-dragon-v2':
      return importThreatDragon(json, options);
  }
}
