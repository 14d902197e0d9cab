import { MARGIN, type Writer } from './writer';

export interface ContentsEntry {
  title: string;
  level: 1 | 2;
  /** 0-based page index, filled in once the section is written. */
  page: number;
}

const LINE = 18;

/** Pages the contents need for `count` entries. */
export function contentsPages(w: Writer, count: number): number {
  const first = Math.floor((w.pageHeight - 2 * MARGIN - 80) / LINE);
  const next = Math.floor((w.pageHeight - 2 * MARGIN - 40) / LINE);
  return count <= first ? 1 : 1 + Math.ceil((count - first) / next);
}

/**
 * Fills the contents pages reserved earlier (page numbers are only known once
 * everything is written). Titles are cut to one line; numbers are right-aligned.
 */
export function writeContents(w: Writer, firstPage: number, pages: number, entries: ContentsEntry[]): void {
  let page = firstPage;
  w.doc.switchToPage(page);
  w.y = MARGIN;
  w.heading('Contents', 1);
  for (const e of entries) {
    if (w.y + LINE > w.bottom && page < firstPage + pages - 1) {
      page += 1;
      w.doc.switchToPage(page);
      w.y = MARGIN;
    }
    const number = String(e.page + 1);
    const numberWidth = w.measure(number, 10);
    const indent = e.level === 1 ? 0 : 16;
    let title = e.title;
    const room = w.contentWidth - indent - numberWidth - 20;
    while (title !== '' && w.measure(title, 10, e.level === 1) > room) title = [...title].slice(0, -2).join('') + '…';
    w.drawLine(title, MARGIN + indent, w.y, 10, e.level === 1);
    w.drawLine(number, w.pageWidth - MARGIN - numberWidth, w.y, 10);
    w.y += LINE;
  }
}
