import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** A font face the report can switch to, with its glyph coverage. */
export interface Face {
  /** Name registered with pdfkit. */
  name: string;
  data: Buffer;
  covers(codePoint: number): boolean;
}

/** Regular and bold faces of one family. */
export interface Family {
  regular: Face;
  bold: Face;
}

/** The embedded font files: npm package, file, and the name registered with pdfkit. */
const REPORT_FONTS = [
  { pkg: '@embedpdf/fonts-latin', file: 'NotoSans-Regular.ttf', name: 'noto' },
  { pkg: '@embedpdf/fonts-latin', file: 'NotoSans-Bold.ttf', name: 'noto-bold' },
  { pkg: '@embedpdf/fonts-hebrew', file: 'NotoSansHebrew-Regular.ttf', name: 'hebrew' },
  { pkg: '@embedpdf/fonts-hebrew', file: 'NotoSansHebrew-Bold.ttf', name: 'hebrew-bold' },
  { pkg: '@embedpdf/fonts-arabic', file: 'NotoNaskhArabic-Regular.ttf', name: 'arabic' },
  { pkg: '@embedpdf/fonts-arabic', file: 'NotoNaskhArabic-Bold.ttf', name: 'arabic-bold' },
] as const;

/**
 * Where a font file is: `THREATLOOM_FONT_DIR`, then a `fonts/` folder beside
 * this module (a bundle such as the CLI's ships them there, see
 * `copyReportFonts`), then the npm package (which exports only its JS entry;
 * the TTF files sit in ../fonts beside it).
 */
function fontPath(font: (typeof REPORT_FONTS)[number]): string {
  const candidates = [
    ...(process.env.THREATLOOM_FONT_DIR ? [join(process.env.THREATLOOM_FONT_DIR, font.file)] : []),
    join(dirname(fileURLToPath(import.meta.url)), 'fonts', font.file),
  ];
  for (const c of candidates) if (existsSync(c)) return c;
  return join(dirname(require.resolve(font.pkg)), '..', 'fonts', font.file);
}

/** Copies the report's font files into `dir` (for bundles: put them in `fonts/` beside the bundle). */
export function copyReportFonts(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const font of REPORT_FONTS) copyFileSync(fontPath(font), join(dir, font.file));
}

function loadFace(name: string, path: string): Face {
  const data = readFileSync(path);
  const font = fontkit.create(data);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection; give a single font file`);
  return { name, data, covers: (cp) => font.hasGlyphForCodePoint(cp) };
}

let builtIn: Family[] | null = null;

/**
 * Noto Sans (Latin, Greek, Cyrillic), Noto Sans Hebrew and Noto Naskh Arabic,
 * from npm packages, loaded once per process. Order is fallback order.
 */
export function builtInFamilies(): Family[] {
  if (builtIn) return builtIn;
  const faces = REPORT_FONTS.map((f) => loadFace(f.name, fontPath(f)));
  builtIn = [0, 2, 4].map((i) => ({ regular: faces[i]!, bold: faces[i + 1]! }));
  return builtIn;
}

const extraCache = new Map<string, Family>();

/** An extra fallback font (e.g. a CJK TTF/OTF installed on the host) used for both weights. */
export function extraFamily(path: string): Family {
  let fam = extraCache.get(path);
  if (!fam) {
    // Named by load order, not by position in one report's list: the name keys process-wide width caches.
    const face = loadFace(`extra-${extraCache.size}`, path);
    fam = { regular: face, bold: face };
    extraCache.set(path, fam);
  }
  return fam;
}
