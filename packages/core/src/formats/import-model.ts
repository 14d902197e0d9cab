import { parseNativeDocument } from '../model/document';
import { checkModelSize, DEFAULT_MODEL_LIMITS, LimitError } from '../model/limits';
import { detectFormat } from './detect-format';
import { importOtm } from './otm/import-otm';
import { importThreatDragon } from './threat-dragon/import-threat-dragon';
import type { ImportOptions, ImportResult } from './types';

/**
 * Imports a parsed JSON value in any format `detectFormat` knows. Native
 * documents are validated and migrated as they are (no warnings); other
 * formats report what they could not carry as warnings. Throws a
 * `ValidationError` whose issues name JSON paths on bad input, and a
 * `LimitError` (`model_too_large`) when the model would hold more elements
 * or records than `options.limits` (default `DEFAULT_MODEL_LIMITS`) allow.
 */
export function importModel(json: unknown, options: ImportOptions = {}): ImportResult {
  const result = importAnyFormat(json, options);
  const tooLarge = checkModelSize(result.records, options.limits ?? DEFAULT_MODEL_LIMITS);
  if (tooLarge) throw new LimitError('model_too_large', [{ path: '', message: tooLarge }]);
  return result;
}

function importAnyFormat(json: unknown, options: ImportOptions): ImportResult {
  const format = detectFormat(json);
  switch (format) {
    case 'native':
      return { format, records: parseNativeDocument(json, options.limits).records, warnings: [] };
    case 'otm':
      return importOtm(json, options);
    case 'threat-dragon-v1':
    case 'threat-dragon-v2':
      return importThreatDragon(json, options);
  }
}
