import type { Issue } from '../model/errors';
import type { ModelLimits } from '../model/limits';
import type { ModelRecord } from '../model/records';

/** Formats `importModel` recognises. */
export type FormatKey = 'native' | 'threat-dragon-v1' | 'threat-dragon-v2' | 'otm';

/** Formats `exportModel` writes. */
export type ExportFormat = 'native' | 'threat-dragon' | 'otm' | 'markdown' | 'csv' | 'sarif';

/** Records of an imported model, and what the import could not carry. */
export interface ImportResult {
  format: FormatKey;
  records: ModelRecord[];
  /** One per thing not carried over or guessed, located by its JSON path in the input. */
  warnings: Issue[];
}

export interface ImportOptions {
  /** Id generator for records the input gives no usable id (injected for deterministic tests). */
  newId?: () => string;
  /** Counts the imported model may not pass (default `DEFAULT_MODEL_LIMITS`). */
  limits?: ModelLimits;
}

/** A file's content ready to download or write. */
export interface ExportedFile {
  content: string;
  mediaType: string;
  extension: string;
}
