import PDFDocument from 'pdfkit';
import { wrapText, type Measure } from '../diagram/wrap';
import type { Face, Family } from './fonts';
import { splitRuns } from './runs';

export const MARGIN = 50;
/** Space kept free at the bottom of every page for the "Page N of M" footer. */
const FOOTER = 28;

/** Unit-size widths by face and text, shared by all documents of the process (bounded). */
const UNIT_WIDTHS = new Map<string, number>();
const UNIT_WIDTHS_MAX = 200_000;

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  indent?: number;
  /** Extra space after the paragraph. */
  gap?: number;
}

/**
 * Thin layer over a pdfkit document that owns pagination and text: every
 * line is wrapped and placed by us (pdfkit's own wrapper is never used), so
 * text never runs past the margins and mixed-script strings switch fonts per
 * character run.
 */
export class Writer {
  readonly doc: PDFKit.PDFDocument;
  readonly families: Family[];
  y = MARGIN;

  constructor(families: Family[], info: { title: string }) {
    this.families = families;
    // font '' skips pdfkit's default Helvetica: every text call picks an embedded face, and
    // pdfkit never reads its AFM data files (which bundlers do not carry along).
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: true,
      size: 'A4',
      margin: MARGIN,
      font: '',
      info: { Title: info.title, Creator: 'Threatloom' },
    });
  }

  /** Faces registered with pdfkit so far, by name. */
  private readonly registered = new Set<string>();

  /**
   * Selects `face`, registering it on first use: a face is read and embedded only
   * if some text uses it (the CJK fonts are loaded lazily, see fonts.ts).
   */
  private useFace(face: Face): PDFKit.PDFDocument {
    if (!this.registered.has(face.name)) {
      // pdfkit takes a parsed fontkit font (anything with layout()); its types list only files and buffers.
      this.doc.registerFont(face.name, face.font as unknown as PDFKit.Mixins.PDFFontSource);
      this.registered.add(face.name);
    }
    return this.doc.font(face.name);
  }

  get pageWidth(): number {
    return this.doc.page.width;
  }
  get pageHeight(): number {
    return this.doc.page.height;
  }
  /** Lowest y a line may reach on the current page. */
  get bottom(): number {
    return this.pageHeight - MARGIN - FOOTER + 20;
  }
  get contentWidth(): number {
    return this.pageWidth - 2 * MARGIN;
  }

  addPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout, margin: MARGIN });
    this.y = MARGIN;
  }

  /** Index (0-based) of the current page among all pages so far. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Width of one run at size 1; shaping is the costliest step of a report, so widths are cached across documents. */
  private runWidth(face: Face, text: string): number {
    const key = `${face.name}\u0000${text}`;
    let w = UNIT_WIDTHS.get(key);
    if (w === undefined) {
      w = this.useFace(face).fontSize(1).widthOfString(text);
      if (UNIT_WIDTHS.size >= UNIT_WIDTHS_MAX) UNIT_WIDTHS.clear();
      UNIT_WIDTHS.set(key, w);
    }
    return w;
  }

  /** Width of `text` at `size` with font fallback. */
  measure: Measure = (text, size, bold = false) => {
    let w = 0;
    for (const run of splitRuns(text, this.families, bold)) w += this.runWidth(run.face, run.text);
    return w * size;
  };

  /** Draws one line at an absolute position without any wrapping or page logic (works under transforms). */
  drawLine(
    text: string,
    x: number,
    y: number,
    size: number,
    bold = false,
    color = '#111827',
  ): void {
    this.doc.fillColor(color);
    let cx = x;
    for (const run of splitRuns(text, this.families, bold)) {
      this.useFace(run.face).fontSize(size);
      this.doc.text(run.text, cx, y, { lineBreak: false });
      cx += this.runWidth(run.face, run.text) * size;
    }
  }

  /** Starts a new page when fewer than `height` points remain. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.addPage();
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    const lines = wrapText(text, {
      fontSize: size,
      maxWidth: this.contentWidth - indent,
      measure: this.measure,
      bold: style.bold ?? false,
    });
    for (const line of lines) {
      this.ensure(lineHeight);
      this.drawLine(line, MARGIN + indent, this.y, size, style.bold, style.color);
      this.y += lineHeight;
    }
    this.y += style.gap ?? 0;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.ensure(size * 3);
    if (this.y > MARGIN) this.y += level === 1 ? 8 : 6;
    this.paragraph(text, {
      size,
      bold: true,
      gap: level === 1 ? 8 : 3,
      color: level === 1 ? '#111827' : '#1f2937',
    });
  }

  /** Writes "Page N of M" on every page; call once, after the last page. */
  footers(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const label = `Page ${i + 1} of ${range.count}`;
      const w = this.measure(label, 8);
      this.drawLine(
        label,
        (this.pageWidth - w) / 2,
        this.pageHeight - MARGIN + 10,
        8,
        false,
        '#6b7280',
      );
    }
  }

  /** Finishes the document and resolves with its bytes. */
  finish(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
