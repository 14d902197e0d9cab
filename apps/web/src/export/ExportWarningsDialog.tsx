import type { ExportWarning } from '@threatloom/core';
import { Modal } from '../ui/Modal';

const KIND_LABELS: Record<ExportWarning['kind'], string> = {
  dropped: 'not exported',
  'as-text': 'kept only as text',
  changed: 'changed',
};

/**
 * Before a download that would lose something: what the format cannot hold
 * (the server's export warnings, one per record and field), and a choice to
 * download anyway or cancel.
 */
export function ExportWarningsDialog({
  format,
  warnings,
  onContinue,
  onClose,
}: {
  /** The format's name as the menu shows it (`Threat Dragon JSON`). */
  format: string;
  warnings: readonly ExportWarning[];
  onContinue: () => void;
  onClose: () => void;
}) {
  const counts = (Object.keys(KIND_LABELS) as ExportWarning['kind'][])
    .map((k) => [k, warnings.filter((w) => w.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${KIND_LABELS[k]}`);
  return (
    <Modal title={`Export as ${format}`} onClose={onClose}>
      <p>
        {format} cannot hold everything in this model: {counts.join(', ')}.
      </p>
      <ul className="export-warnings" aria-label="Export warnings">
        {warnings.map((w) => (
          <li key={`${w.path}:${w.message}`}>
            <span className={`badge ${w.kind}`}>{KIND_LABELS[w.kind]}</span> {w.message}
          </li>
        ))}
      </ul>
      <div className="row end">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={onContinue}>
          Download anyway
        </button>
      </div>
    </Modal>
  );
}
