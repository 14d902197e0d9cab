import { countOf, REVIEW_STATE_LABELS, SEVERITY_LABELS } from './labels';
import type { Threat, ThreatModelRecord } from './records';
import { formatDate } from './timestamps';

/**
 * The review state together with what is still open, so a sign-off is never
 * read without its caveats: "Approved 30 Nov 2026 by Rita — 111 threats still
 * open, 2 critical, 5 high", "Draft — no open threats". `threats` are the
 * model's threats (all of them: a report filter must not hide what is open).
 * `text` escapes user text (the reviewer's name) for the output format.
 */
export function reviewSummary(
  model: ThreatModelRecord,
  threats: Iterable<Threat>,
  text: (s: string) => string = (s) => s,
): string {
  const open = [...threats].filter((t) => t.status === 'open');
  const state = [
    REVIEW_STATE_LABELS[model.reviewState],
    model.reviewState !== 'draft' && model.reviewedAt ? formatDate(model.reviewedAt) : '',
    model.reviewState !== 'draft' && model.reviewedBy ? `by ${text(model.reviewedBy)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (open.length === 0) return `${state} — no open threats`;
  const still = model.reviewState === 'approved' ? 'still open' : 'open';
  const severe = (['critical', 'high'] as const)
    .map((s) => [s, open.filter((t) => t.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${SEVERITY_LABELS[s].toLowerCase()}`);
  return [`${state} — ${countOf(open.length, 'threat')} ${still}`, ...severe].join(', ');
}
