import { isNativeDocument } from '../model/document';
import { ValidationError } from '../model/errors';
import { threatDragonVersion } from './threat-dragon/import-threat-dragon';
import { isOtmDocument } from './otm/import-otm';
import type { FormatKey } from './types';

/**
 * Which format a parsed JSON value is in: Threatloom's own (`format:
 * "threatloom"`), Open Threat Model (`otmVersion`), or Threat Dragon v1/v2
 * (`summary` + `detail`). Throws a `ValidationError` saying what was expected.
 */
export function detectFormat(json: unknown): FormatKey {
  if (isNativeDocument(json)) return 'native';
  if (isOtmDocument(json)) return 'otm';
  const td = threatDragonVersion(json);
  if (td === 1) return 'threat-dragon-v1';
  if (td === 2) return 'threat-dragon-v2';
  const what =
    json === null
      ? 'null'
      : Array.isArray(json)
        ? 'an array'
        : typeof json === 'object'
          ? 'an object of no known format'
          : `a ${typeof json}`;
  throw new ValidationError([
    {
      path: '',
      message: `unrecognised model format (got ${what}): expected a Threatloom document ("format": "threatloom"), a Threat Dragon model ("summary" and "detail") or an Open Threat Model ("otmVersion")`,
    },
  ]);
}
