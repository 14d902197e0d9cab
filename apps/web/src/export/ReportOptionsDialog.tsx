import { useState, type FormEvent } from 'react';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  THREAT_STATUSES,
  type Severity,
  type ThreatStatus,
} from '@threatloom/core';
import { DEFAULT_REPORT_CHOICES, type ReportChoices } from '../api/models';
import { Modal } from '../ui/Modal';

const SECTIONS = [
  ['diagrams', 'Diagrams (a page each)'],
  ['properties', 'Element properties'],
  ['empty', 'Elements without threats'],
  ['outOfScope', 'Out-of-scope elements'],
] as const;

/**
 * The PDF report's options, as the API takes them: which sections and
 * elements to include, and which severities and statuses of threats. Every
 * control is a labelled checkbox in a named group, so it is reachable by Tab
 * and announced by name.
 */
export function ReportOptionsDialog({
  onDownload,
  onClose,
}: {
  onDownload: (choices: ReportChoices) => void;
  onClose: () => void;
}) {
  const [choices, setChoices] = useState<ReportChoices>(DEFAULT_REPORT_CHOICES);
  const toggle = <K extends 'severities' | 'statuses'>(
    key: K,
    value: ReportChoices[K][number],
    on: boolean,
  ) =>
    setChoices((c) => ({
      ...c,
      [key]: on
        ? [...(c[key] as string[]), value]
        : (c[key] as string[]).filter((v) => v !== value),
    }));
  const missing =
    choices.severities.length === 0
      ? 'Choose at least one severity.'
      : choices.statuses.length === 0
        ? 'Choose at least one status.'
        : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!missing) onDownload(choices);
  }

  return (
    <Modal title="PDF report" onClose={onClose}>
      <form className="report-options" onSubmit={submit}>
        <fieldset>
          <legend>Include</legend>
          {SECTIONS.map(([key, label]) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={choices[key]}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChoices((c) => ({ ...c, [key]: on }));
                }}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Severities</legend>
          {SEVERITIES.map((s: Severity) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={choices.severities.includes(s)}
                onChange={(e) => toggle('severities', s, e.currentTarget.checked)}
              />
              {SEVERITY_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Statuses</legend>
          {THREAT_STATUSES.map((s: ThreatStatus) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={choices.statuses.includes(s)}
                onChange={(e) => toggle('statuses', s, e.currentTarget.checked)}
              />
              {STATUS_LABELS[s]}
            </label>
          ))}
        </fieldset>
        {missing && (
          <p role="alert" className="error">
            {missing}
          </p>
        )}
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={missing !== null}>
            Download PDF
          </button>
        </div>
      </form>
    </Modal>
  );
}
