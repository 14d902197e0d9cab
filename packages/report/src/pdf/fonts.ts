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
  /**
   * The parsed font, handed to pdfkit as is: pdfkit would otherwise parse the file again
   * for every document, which for the large CJK fonts costs more than the rest of a report.
   */
  font: fontkit.Font;
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
  // CJK, loaded only when a report needs them (see cjkFace). Noto Sans Hans has the Han
  // ideographs, kana and CJK punctuation but no Hangul; Noto Sans KR adds Hangul.
  { pkg: '@embedpdf/fonts-sc', file: 'NotoSansHans-Regular.otf', name: 'cjk-sc' },
  { pkg: '@embedpdf/fonts-sc', file: 'NotoSansHans-Bold.otf', name: 'cjk-sc-bold' },
  { pkg: '@embedpdf/fonts-kr', file: 'NotoSansKR-Regular.otf', name: 'cjk-kr' },
  { pkg: '@embedpdf/fonts-kr', file: 'NotoSansKR-Bold.otf', name: 'cjk-kr-bold' },
] as const;

type ReportFont = (typeof REPORT_FONTS)[number];

/**
 * Where a font file is: `THREATLOOM_FONT_DIR`, then a `fonts/` folder beside
 * this module (a bundle such as the CLI's ships them there, see
 * `copyReportFonts`), then the npm package (which exports only its JS entry;
 * the font files sit in ../fonts beside it).
 */
function fontPath(font: ReportFont): string {
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
  const font = fontkit.create(readFileSync(path));
  if (!('hasGlyphForCodePoint' in font))
    throw new Error(`${path} is a font collection; give a single font file`);
  return { name, font, covers: (cp) => font.hasGlyphForCodePoint(cp) };
}

/**
 * Unicode blocks the CJK fonts are for: Hangul Jamo, CJK radicals to CJK Unified
 * Ideographs (punctuation, kana, Bopomofo, compatibility Jamo, Extension A), Hangul
 * Jamo Extended-A, Hangul syllables and Jamo Extended-B, compatibility ideographs,
 * vertical and compatibility forms, half/full-width forms, supplementary ideographs.
 */
const CJK_BLOCKS: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0x2e80, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3ffff],
];

function inCjkBlock(cp: number): boolean {
  return CJK_BLOCKS.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * A CJK face read from disk only when asked about a character in a CJK block:
 * fallback reaches it only for characters the earlier fonts lack, so a report
 * without CJK never reads the 5–9 MB file (emoji do not load it either), and
 * the writer registers it with pdfkit, and so embeds it, only once a run uses it.
 */
function cjkFace(font: ReportFont): Face {
  let face: Face | null = null;
  const load = () => (face ??= loadFace(font.name, fontPath(font)));
  return {
    name: font.name,
    get font() {
      return load().font;
    },
    covers: (cp) => inCjkBlock(cp) && load().covers(cp),
  };
}

let builtIn: Family[] | null = null;

/**
 * Noto Sans (Latin, Greek, Cyrillic), Noto Sans Hebrew, Noto Naskh Arabic, then
 * Noto Sans Hans (Chinese, Japanese kana) and Noto Sans KR (Hangul), from npm
 * packages. Order is fallback order. The first three are loaded once per process;
 * the CJK fonts lazily, the first time a report has a character only they cover.
 */
export function builtInFamilies(): Family[] {
  if (builtIn) return builtIn;
  const faces = REPORT_FONTS.map((f) =>
    f.name.startsWith('cjk-') ? cjkFace(f) : loadFace(f.name, fontPath(f)),
  );
  builtIn = [0, 2, 4, 6, 8].map((i) => ({ regular: faces[i]!, bold: faces[i + 1]! }));
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
