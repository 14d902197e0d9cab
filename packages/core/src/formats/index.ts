export type { ExportedFile, ExportFormat, FormatKey, ImportOptions, ImportResult } from './types';
export { detectFormat } from './detect-format';
export { importModel } from './import-model';
export { exportModel, EXPORT_FORMATS } from './export-model';
export { importThreatDragon, threatDragonVersion } from './threat-dragon/import-threat-dragon';
export { exportThreatDragon, type ThreatDragonV2Model } from './threat-dragon/export-threat-dragon';
export { importOtm } from './otm/import-otm';
export { exportOtm, type OtmDocument } from './otm/export-otm';
export { exportCsv, CSV_COLUMNS } from './csv/export-csv';
export { exportMarkdown, type MarkdownOptions } from './markdown/export-markdown';
export { exportSarif, sarifRuleId, SARIF_LEVELS, type SarifOptions } from './sarif/export-sarif';
export {
  STATUS_MAP,
  parseThreatStatus,
  threatDragonStatus,
  otmStatus,
  type StatusMapping,
} from './status-map';
export { parseSeverity, TD_SEVERITY } from './severity-map';
export {
  parseThreatType,
  threatDragonTypeLabel,
  parseDiagramType,
  TD_DIAGRAM_TYPES,
} from './category-map';
export { exportWarnings, type ExportWarning } from './export-warnings';
