import type { Face, Family } from './fonts';

/** A stretch of text drawn in one face. */
interface Run {
  face: Face;
  text: string;
}

/** Shown for characters no embedded font has (emoji, unsupported scripts): keeps layout and says something was there. */
export const MISSING = '\uFFFD';
/** Joiners and variation selectors only make sense inside emoji sequences, which are replaced whole. */
const INVISIBLE = /\u200d|\ufe0e|\ufe0f|[\u{1F3FB}-\u{1F3FF}]/gu;
/** Neutral characters stay in the current run instead of splitting it. */
const NEUTRAL = /[\s\p{P}\p{N}]/u;

const coverageCache = new WeakMap<Family[], Map<number, Face | null>[]>();

/** Memoised "first face in fallback order with this glyph", per family list and weight. */
function coverageOf(
  families: Family[],
  bold: boolean,
): (cp: number, faces: Face[]) => Face | undefined {
  let maps = coverageCache.get(families);
  if (!maps) {
    maps = [new Map(), new Map()];
    coverageCache.set(families, maps);
  }
  const memo = maps[bold ? 1 : 0]!;
  return (cp, faces) => {
    let face = memo.get(cp);
    if (face === undefined) {
      face = faces.find((f) => f.covers(cp)) ?? null;
      memo.set(cp, face);
    }
    return face ?? undefined;
  };
}

/**
 * Splits text into runs per font: each character goes to the first family in
 * fallback order that has its glyph; characters none has become `MISSING`.
 * Control characters are dropped so hostile input cannot move the pen.
 */
export function splitRuns(text: string, families: Family[], bold: boolean): Run[] {
  const faces = families.map((f) => (bold ? f.bold : f.regular));
  const primary = faces[0]!;
  const firstCovering = coverageOf(families, bold);
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const raw of text.replace(INVISIBLE, '')) {
    const cp = raw.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    let ch = raw;
    let face: Face | undefined;
    if (current && NEUTRAL.test(ch) && current.face.covers(cp)) face = current.face;
    else face = firstCovering(cp, faces);
    if (!face) {
      ch = MISSING;
      face = current && current.face.covers(MISSING.codePointAt(0)!) ? current.face : primary;
    }
    if (current && current.face === face) current.text += ch;
    else {
      current = { face, text: ch };
      runs.push(current);
    }
  }
  return runs;
}
