/** Browser-safe entry: the SVG diagram without pdfkit or Node APIs. */
export { renderDiagramSvg } from './diagram/render-svg';
export {
  layoutDiagram,
  type DiagramLayout,
  type Shape,
  type Rect,
  type Label,
} from './diagram/layout';
export { wrapText, estimateWidth, type Measure } from './diagram/wrap';
