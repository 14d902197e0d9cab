import { useRef, useState } from 'react';
import type { ExportWarning } from '@threatloom/core';
import {
  EXPORT_FORMATS,
  exportUrl,
  exportWarnings,
  reportUrl,
  type ExportFormat,
} from '../api/models';
import { request } from '../api/http';
import { ExportWarningsDialog } from './ExportWarningsDialog';
import { ReportOptionsDialog } from './ReportOptionsDialog';

/** Formats that cannot hold everything: the menu asks the server what would be lost before downloading. */
const LOSSY: ReadonlySet<ExportFormat> = new Set(['threat-dragon', 'otm']);

type Dialog =
  | { kind: 'report' }
  | { kind: 'warnings'; format: (typeof EXPORT_FORMATS)[number]; warnings: ExportWarning[] };

/**
 * Downloads an export, showing progress while the server works (PDFs of big
 * models take a while). The PDF report opens its options first; Threat Dragon
 * and OTM list what they would lose, if anything, and ask before downloading.
 */
export function ExportMenu({ modelId }: { modelId: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  function closeDialog() {
    setDialog(null);
    button.current?.focus();
  }

  async function exportFormat(f: (typeof EXPORT_FORMATS)[number]) {
    setOpen(false);
    if (!LOSSY.has(f.key)) return download(f.label, exportUrl(modelId, f.key), `model.${f.ext}`);
    setError(null);
    try {
      const warnings = await exportWarnings(modelId, f.key);
      if (warnings.length === 0)
        return download(f.label, exportUrl(modelId, f.key), `model.${f.ext}`);
      setDialog({ kind: 'warnings', format: f, warnings });
    } catch (e) {
      setError(`${f.label}: ${(e as Error).message}`);
    }
  }

  async function download(label: string, url: string, filename: string) {
    setOpen(false);
    setBusy(label);
    setError(null);
    setProgress(null);
    try {
      const res = await request('GET', url);
      const total = Number(res.headers.get('Content-Length') ?? 0);
      const blob = await readWithProgress(res, total, setProgress);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filenameOf(res) ?? filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      setError(`${label}: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Export
      </button>
      {open && (
        <ul role="menu" aria-label="Export formats" className="menu-list">
          {EXPORT_FORMATS.map((f) => (
            <li key={f.key} role="none">
              <button type="button" role="menuitem" onClick={() => void exportFormat(f)}>
                {f.label}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                setDialog({ kind: 'report' });
              }}
            >
              PDF report…
            </button>
          </li>
        </ul>
      )}
      {dialog?.kind === 'report' && (
        <ReportOptionsDialog
          onClose={closeDialog}
          onDownload={(choices) => {
            closeDialog();
            void download('PDF report', reportUrl(modelId, choices), 'report.pdf');
          }}
        />
      )}
      {dialog?.kind === 'warnings' && (
        <ExportWarningsDialog
          format={dialog.format.label}
          warnings={dialog.warnings}
          onClose={closeDialog}
          onContinue={() => {
            closeDialog();
            const f = dialog.format;
            void download(f.label, exportUrl(modelId, f.key), `model.${f.ext}`);
          }}
        />
      )}
      {busy && (
        <span
          role="progressbar"
          aria-label={`Exporting ${busy}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress ?? undefined}
          className="progress"
        >
          <span className="spinner" aria-hidden="true" /> {busy}
          {progress !== null ? ` ${progress}%` : '…'}
        </span>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}

async function readWithProgress(
  res: Response,
  total: number,
  onProgress: (p: number) => void,
): Promise<Blob> {
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!res.body || !total) return new Blob([await res.arrayBuffer()], { type });
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(Math.min(100, Math.round((received / total) * 100)));
  }
  return new Blob(chunks, { type });
}

function filenameOf(res: Response): string | null {
  const cd = res.headers.get('Content-Disposition');
  const m = cd ? /filename="?([^";]+)"?/.exec(cd) : null;
  return m ? m[1]! : null;
}
