export type { ExportedFile, ExportFormat, FormatKey, ImportOptions, ImportResult } from './types';
export { detectFormat } from './detect-format';
export { importModel } from './import-model';
export { exportModel, EXPORT_FORMATS } from './export-model';
export { importThreatDragon, threatDragonVersion } from './import-threat-dragon';
export { exportThreatDragon, type ThreatDragonV2Model } from './export-threat-dragon';
export { importOtm } from './import-otm';
export { exportOtm, type OtmDocument } from './export-otm';
export { exportCsv, CSV_COLUMNS } from './export-csv';
export { exportMarkdown } from './export-markdown';
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
export { exportWarnings } from './export-warnings';
