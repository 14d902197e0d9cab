import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

function fontsDir(pkg: string): string {
  // The font packages export only their JS entry; the TTF files sit in ../fonts beside it.
  return join(dirname(require.resolve(pkg)), '..', 'fonts');
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
  const latin = fontsDir('@embedpdf/fonts-latin');
  const hebrew = fontsDir('@embedpdf/fonts-hebrew');
  const arabic = fontsDir('@embedpdf/fonts-arabic');
  builtIn = [
    { regular: loadFace('noto', join(latin, 'NotoSans-Regular.ttf')), bold: loadFace('noto-bold', join(latin, 'NotoSans-Bold.ttf')) },
    { regular: loadFace('hebrew', join(hebrew, 'NotoSansHebrew-Regular.ttf')), bold: loadFace('hebrew-bold', join(hebrew, 'NotoSansHebrew-Bold.ttf')) },
    { regular: loadFace('arabic', join(arabic, 'NotoNaskhArabic-Regular.ttf')), bold: loadFace('arabic-bold', join(arabic, 'NotoNaskhArabic-Bold.ttf')) },
  ];
  return builtIn;
}

const extraCache = new Map<string, Family>();

/** An extra fallback font (e.g. a CJK TTF/OTF installed on the host) used for both weights. */
export function extraFamily(path: string, i: number): Family {
  let fam = extraCache.get(path);
  if (!fam) {
    const face = loadFace(`extra-${i}`, path);
    fam = { regular: face, bold: face };
    extraCache.set(path, fam);
  }
  return fam;
}
