const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function parse(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A date as people read it, in UTC so every reader sees the same day:
 * `2026-11-30T14:05:00Z` → "30 Nov 2026". Text that is not an ISO date is
 * returned as it is (a hand-edited field keeps what its author wrote).
 */
export function formatDate(iso: string): string {
  const d = parse(iso);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : iso;
}

/**
 * A timestamp as people read it, in UTC: `2026-11-30T14:05:09.120Z` →
 * "30 Nov 2026, 14:05 UTC"; a date without a time → "30 Nov 2026". Text that
 * is not an ISO date is returned as it is.
 */
export function formatTimestamp(iso: string): string {
  const d = parse(iso);
  if (!d) return iso;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso.trim())) return formatDate(iso);
  return `${formatDate(iso)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
