import { useState } from 'react';
import { EXPORT_FORMATS, exportUrl, reportUrl } from '../api/models';
import { request } from '../api/http';

/** Downloads an export, showing progress while the server works (PDFs of big models take a while). */
export function ExportMenu({ modelId }: { modelId: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

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
              <button
                type="button"
                role="menuitem"
                onClick={() => void download(f.label, exportUrl(modelId, f.key), `model.${f.ext}`)}
              >
                {f.label}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => void download('PDF report', reportUrl(modelId), 'report.pdf')}
            >
              PDF report
            </button>
          </li>
        </ul>
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
