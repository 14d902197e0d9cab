/** Width of `text` at `fontSize` in diagram units; the PDF measures with its real fonts, SVG estimates. */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

/**
 * A deliberately generous width estimate for when no font is at hand (SVG in
 * the browser, the CLI): wide enough that real glyphs never overrun the space
 * reserved for them. CJK and other wide scripts count as a full em.
 */
export const estimateWidth: Measure = (text, fontSize, bold = false) => {
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    ems += cp >= 0x2e80 ? 1 : 0.62;
  }
  return ems * fontSize * (bold ? 1.08 : 1);
};

/** Breaks one word that is wider than `maxWidth` into pieces that fit (at least one character each). */
function breakWord(
  word: string,
  maxWidth: number,
  fontSize: number,
  measure: Measure,
  bold: boolean,
): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && measure(piece + ch, fontSize, bold) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

interface WrapOptions {
  fontSize: number;
  maxWidth: number;
  measure: Measure;
  bold?: boolean;
  /** Lines beyond this are dropped and the last kept line ends with an ellipsis. */
  maxLines?: number;
}

/**
 * Greedy word wrap that also breaks unbroken strings (URLs, hashes, hostile
 * 5,000-character names) so no line is ever wider than `maxWidth`.
 */
export function wrapText(
  text: string,
  { fontSize, maxWidth, measure, bold = false, maxLines }: WrapOptions,
): string[] {
  const lines: string[] = [];
  const space = measure(' ', fontSize, bold);
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let width = 0;
    // Widths add up word by word (measuring each word once keeps long paragraphs linear).
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const w = measure(word, fontSize, bold);
      if (line !== '' && width + space + w <= maxWidth) {
        line = `${line} ${word}`;
        width += space + w;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = w > maxWidth ? breakWord(word, maxWidth, fontSize, measure, bold) : [word];
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
      width = pieces.length > 1 ? measure(line, fontSize, bold) : w;
    }
    lines.push(line);
    if (maxLines !== undefined && lines.length > maxLines) break;
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  let last = kept[kept.length - 1] ?? '';
  while (last !== '' && measure(`${last}…`, fontSize, bold) > maxWidth)
    last = [...last].slice(0, -1).join('');
  kept[kept.length - 1] = `${last}…`;
  return kept;
}
