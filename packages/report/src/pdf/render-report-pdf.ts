import {
  ValidationError,
  indexModel,
  modelRecordOf,
  zodIssues,
  type ModelIndex,
  type ModelRecord,
} from '@threatloom/core';
import { ZReportOptions, type ReportOptionsInput } from '../options';
import { selectContent } from '../select';
import { contentsPages, writeContents, type ContentsEntry } from './contents';
import { writeCover } from './cover';
import { writeDiagramPage } from './diagram-page';
import { builtInFamilies, extraFamily, type Family } from './fonts';
import { writeSummary } from './summary';
import { writeThreats } from './threats';
import { Writer } from './writer';

function loadFallback(path: string, i: number): Family {
  try {
    return extraFamily(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ValidationError([
      { path: `fallbackFonts[${i}]`, message: `cannot load font ${path}: ${reason}` },
    ]);
  }
}

/**
 * Renders the model as a PDF report: cover, contents with page numbers,
 * executive summary (the four questions), then per diagram the whole diagram
 * on its own page and its elements' threats; "Page N of M" on every page.
 * Throws `ValidationError` for invalid options or a record set without a model.
 */
export async function renderReportPdf(
  records: Iterable<ModelRecord> | ModelIndex,
  options: ReportOptionsInput = {},
): Promise<Uint8Array> {
  const parsed = ZReportOptions.safeParse(options);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  const o = parsed.data;
  const index = 'byId' in records ? records : indexModel(records);
  const model = modelRecordOf(index.byId.values());
  const families = [...builtInFamilies(), ...o.fallbackFonts.map(loadFallback)];
  const w = new Writer(families, { title: model.title });
  const content = selectContent(index, o);

  const allThreats = [...index.threatsByElement.values()].flat();
  writeCover(w, model, allThreats, (o.date ?? new Date().toISOString()).slice(0, 10));

  const entries: ContentsEntry[] = [{ title: 'Executive summary', level: 1, page: 0 }];
  for (const d of content) {
    const title = d.diagram.title || 'Untitled';
    if (o.showDiagrams) entries.push({ title: `Diagram: ${title}`, level: 1, page: 0 });
    entries.push({ title: `Threats: ${title}`, level: o.showDiagrams ? 2 : 1, page: 0 });
  }
  // Reserve the contents pages now; their page numbers are filled in at the end.
  const firstContentsPage = w.pageIndex + 1;
  const reserved = contentsPages(w, entries.length);
  for (let i = 0; i < reserved; i++) w.addPage();

  // Every section starts on a new page: the next entry's page is the one about to be added.
  let next = 0;
  const mark = () => {
    entries[next]!.page = w.pageIndex + 1;
    next += 1;
  };
  mark();
  w.addPage();
  writeSummary(w, model, content, o, allThreats);
  for (const d of content) {
    if (o.showDiagrams) {
      mark();
      writeDiagramPage(w, index, d.diagram, !o.showOutOfScope);
    }
    mark();
    writeThreats(w, d, o, index);
  }
  writeContents(w, firstContentsPage, entries);
  w.footers();
  return w.finish();
}
