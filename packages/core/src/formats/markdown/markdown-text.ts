/**
 * Contextual Markdown escaping (CommonMark + GitHub's tables and strikethrough).
 * Each function escapes only what would change meaning where the text goes, so
 * ordinary prose ("back-office.", "v1.2", "snake_case") stays as typed.
 */

/** `\` before ASCII punctuation is an escape, so a literal one there is doubled; elsewhere it is literal. */
const BACKSLASH = /\\(?=[!-/:-@[-`{-~])/g;
/** Emphasis, code, links, strikethrough and autolinks/HTML open with these anywhere in a line. */
const INLINE_MARKUP = /[*`[\]~<]/g;
/** `_` opens emphasis only at a word edge: `snake_case` is literal. */
const EDGE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** An entity or character reference (`&amp;`, `&#169;`) would be decoded. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

/**
 * Text in the middle of a line: line breaks become spaces (the text stays on
 * its line) and inline markup (`*`, `_` at a word edge, `` ` ``, `[`, `]`,
 * `~`, `<`, entities) is backslash-escaped, so names cannot open emphasis,
 * code, links, images, HTML or autolinks.
 */
export function mdInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(BACKSLASH, '\\\\')
    .replace(INLINE_MARKUP, (c) => `\\${c}`)
    .replace(EDGE_UNDERSCORE, '\\_')
    .replace(ENTITY, '\\&');
}

/** Block markers a line may open with, each with what must follow it. */
const LINE_START_MARKERS: RegExp[] = [
  /^#{1,6}(?=\s|$)/, // ATX heading
  /^>/, // block quote
  /^[-+](?=\s|$)/, // bullet (`*` is escaped inline already)
  /^[-=](?:\s*[-=])*\s*$/, // setext underline or thematic break
  /^\|?\s*:?-+:?\s*(?:\|\s*:?-*:?\s*)*$/, // table delimiter row
];

/**
 * Text that starts a line (a paragraph line or a list item's content): inline
 * escaping plus the block marker the line would open with: a heading `# `, a
 * quote `>`, a bullet `- ` / `+ `, an ordered item `1. ` / `1) `, a setext
 * underline or thematic break (`===`, `---`), a table delimiter row; leading
 * spaces (indented code) are dropped.
 */
export function mdLineStart(text: string): string {
  const line = mdInline(text.replace(/^\s+/, ''));
  if (LINE_START_MARKERS.some((re) => re.test(line))) {
    const i = line.search(/[#>+=-]/);
    return `${line.slice(0, i)}\\${line.slice(i)}`;
  }
  return line.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Heading text: inline escaping, and a trailing `#` run (it would be read as the closing sequence). */
export function mdHeading(text: string): string {
  return mdInline(text).replace(
    /(^|\s)(#+)\s*$/,
    (_m, space: string, hashes: string) => `${space}\\${hashes}`,
  );
}

/** A GitHub table cell: inline escaping plus `|`, which would end the cell. */
export function mdCell(text: string): string {
  return mdInline(text).replace(/\|/g, '\\|');
}

/**
 * Multi-line text as paragraphs: each line escaped as a line start, single
 * line breaks kept as hard breaks, blank lines as paragraph breaks.
 */
export function mdBlock(text: string): string {
  return text
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => mdLineStart(line.trim()))
    .join('  \n')
    .replace(/( {2}\n){2,}/g, '\n\n');
}

/** A link destination: as is when plain, else in `<…>`, where only `<`, `>` and line breaks would end it. */
export function mdDestination(url: string): string {
  if (/^[^\s<>()\\]+$/.test(url)) return url;
  return `<${url.replace(/[<>\\]/g, (c) => `\\${c}`).replace(/[\r\n]/g, '')}>`;
}
