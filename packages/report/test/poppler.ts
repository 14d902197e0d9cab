import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Real poppler-utils (pdftotext, pdftoppm, pdfinfo) run on a PDF written to a temp dir. */
export function savePdf(pdf: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tl-report-')), 'report.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** Plain text of one page (1-based) or the whole document. */
export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
}

export interface PageInfo {
  width: number;
  height: number;
}

/** Size of each page, in points. */
export function pageSizes(file: string): PageInfo[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word pdftotext finds, with its box in points. */
export function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const out: Word[] = [];
  let page = 0;
  let size = { w: 0, h: 0 };
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      page += 1;
      size = { w: Number(m[1]), h: Number(m[2]) };
    } else
      out.push({
        page,
        text: m[7]!,
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
        pageWidth: size.w,
        pageHeight: size.h,
      });
  }
  return out;
}

/** A greyscale raster of one page (1-based) at `dpi`: `at(x, y)` is 0 (black) … 255 (white). */
export interface Raster {
  width: number;
  height: number;
  at(x: number, y: number): number;
}

export function rasterPage(file: string, page: number, dpi = 50): Raster {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-raster-'));
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    path.join(dir, 'p'),
  ]);
  const name = readdirSync(dir).find((f) => f.endsWith('.pgm'));
  if (!name) throw new Error('pdftoppm wrote no page');
  const data = readFileSync(path.join(dir, name));
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = data
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, at: (x, y) => data[offset + y * width + x]! };
}

/** Bounding box (pixels) of all pixels darker than `threshold` inside `region`, or null when none. */
export function inkBox(
  r: Raster,
  region = { x: 0, y: 0, width: r.width, height: r.height },
  threshold = 200,
): { x0: number; y0: number; x1: number; y1: number; count: number } | null {
  let box: { x0: number; y0: number; x1: number; y1: number; count: number } | null = null;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      if (r.at(x, y) >= threshold) continue;
      if (!box) box = { x0: x, y0: y, x1: x, y1: y, count: 0 };
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
      box.count += 1;
    }
  }
  return box;
}

/** Removes all whitespace: wrapped lines compare equal to the unwrapped source text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Base names (subset prefix removed) of the fonts embedded in the PDF, from `pdffonts`. */
export function embeddedFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}
