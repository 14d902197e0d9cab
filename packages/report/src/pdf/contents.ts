import { MARGIN, type Writer } from './writer';

export interface ContentsEntry {
  title: string;
  level: 1 | 2;
  /** 0-based page index, filled in once the section is written. */
  page: number;
}

const LINE = 18;
/** Height the "Contents" heading takes on the first contents page (20 pt type, 1.35 leading, 8 pt gap). */
const HEADING = 20 * 1.35 + 8;

/** Entries that fit on the first contents page (under the heading) and on each further one. */
function capacity(w: Writer): { first: number; next: number } {
  return {
    first: Math.floor((w.bottom - MARGIN - HEADING) / LINE),
    next: Math.floor((w.bottom - MARGIN) / LINE),
  };
}

/** Pages the contents need for `count` entries. */
export function contentsPages(w: Writer, count: number): number {
  const { first, next } = capacity(w);
  return count <= first ? 1 : 1 + Math.ceil((count - first) / next);
}

/**
 * Fills the contents pages reserved earlier (page numbers are only known once
 * everything is written). Titles are cut to one line; numbers are right-aligned.
 */
export function writeContents(w: Writer, firstPage: number, entries: ContentsEntry[]): void {
  const { first, next } = capacity(w);
  let page = firstPage;
  let room = first;
  w.doc.switchToPage(page);
  w.y = MARGIN;
  w.heading('Contents', 1);
  for (const e of entries) {
    if (room === 0) {
      page += 1;
      room = next;
      w.doc.switchToPage(page);
      w.y = MARGIN;
    }
    room -= 1;
    const number = String(e.page + 1);
    const numberWidth = w.measure(number, 10);
    const indent = e.level === 1 ? 0 : 16;
    const bold = e.level === 1;
    const space = w.contentWidth - indent - numberWidth - 20;
    let title = e.title;
    if (w.measure(title, 10, bold) > space) {
      while (title !== '' && w.measure(`${title}…`, 10, bold) > space)
        title = [...title].slice(0, -1).join('');
      title += '…';
    }
    w.drawLine(title, MARGIN + indent, w.y, 10, bold);
    w.drawLine(number, w.pageWidth - MARGIN - numberWidth, w.y, 10);
    w.y += LINE;
  }
}
