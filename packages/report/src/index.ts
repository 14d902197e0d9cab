export { renderDiagramSvg } from './diagram/render-svg';
export {
  layoutDiagram,
  type DiagramLayout,
  type Shape,
  type Rect,
  type Label,
} from './diagram/layout';
export { wrapText, estimateWidth, type Measure } from './diagram/wrap';
export { ZReportOptions, type ReportOptions, type ReportOptionsInput } from './options';
export { selectContent, threatShown, type DiagramEntry, type ElementEntry } from './select';
export { renderReportPdf } from './pdf/render-report-pdf';
export { copyReportFonts } from './pdf/fonts';
export {
  cutReportText,
  cutNote,
  DEFAULT_REPORT_TEXT_BUDGET,
  reportTextSize,
  type ReportTextBudget,
} from './text-budget';
