import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdBlock, mdCell, mdHeading, mdInline, mdLineStart } from './markdown-text';

const md = new MarkdownIt({ html: true });
const plain = (s: string) => md.utils.escapeHtml(s);
/** Strings made mostly of characters Markdown gives meaning to. */
const markupText = fc.string({
  unit: fc.constantFrom(...'#>-+=*_`[]()!<>&|~\\:.1 aé;'.split(''), 'a_b', '&amp;', '```', '1. '),
  maxLength: 24,
});

describe('contextual Markdown escaping', () => {
  it('leaves ordinary prose alone', () => {
    for (const s of [
      'back-office.',
      'v1.2 (beta)!',
      'snake_case_name',
      'a + b = c',
      'C# & F#',
      '50% off: now',
    ])
      expect(mdLineStart(s)).toBe(s);
    expect(mdHeading('Issue #12')).toBe('Issue #12');
  });

  it('escapes what would change meaning in each position', () => {
    expect(mdInline('*a* _b_ `c` [d](e) <f> ~~g~~ &amp;')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> \\~\\~g\\~\\~ \\&amp;',
    );
    expect(mdLineStart('# x')).toBe('\\# x');
    expect(mdLineStart('- x')).toBe('\\- x');
    expect(mdLineStart('1. x')).toBe('1\\. x');
    expect(mdLineStart('> x')).toBe('\\> x');
    expect(mdLineStart('---')).toBe('\\---');
    expect(mdHeading('Ends in #')).toBe('Ends in \\#');
    expect(mdCell('a | b')).toBe('a \\| b');
  });

  it('property: markdown-it renders each escaped text exactly as typed', () => {
    fc.assert(
      fc.property(markupText, (s) => {
        const line = s.replace(/\s+/g, ' ').trim();
        fc.pre(line !== '');
        expect(md.renderInline(mdInline(s))).toBe(plain(s.replace(/\n/g, ' ')));
        expect(md.render(mdLineStart(line))).toBe(`<p>${plain(line)}</p>\n`);
        expect(md.render(`# ${mdHeading(line)}`)).toBe(`<h1>${plain(line)}</h1>\n`);
        expect(md.render(`- ${mdLineStart(line)}`)).toBe(`<ul>\n<li>${plain(line)}</li>\n</ul>\n`);
        const table = md.render(`| a | b |\n| --- | --- |\n| ${mdCell(line)} | x |`);
        expect(table).toContain(`<td>${plain(line)}</td>\n<td>x</td>`);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a block of lines renders as its lines, no headings, lists or quotes', () => {
    fc.assert(
      fc.property(fc.array(markupText, { minLength: 1, maxLength: 4 }), (lines) => {
        const html = md.render(mdBlock(lines.join('\n')));
        expect(html).not.toMatch(/<(h\d|ul|ol|blockquote|pre|code|table|hr|em|strong|a)\b/);
      }),
      { numRuns: 300 },
    );
  });
});
