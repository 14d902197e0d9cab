import { referenceLabel, type Reference } from '@threatloom/core';

/** Only web addresses become links: a reference's URL is imported data and may be `javascript:`. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

/** A threat's references (CWE, CAPEC, OAT…), each named once and linked to its catalogue page. */
export function ThreatReferences({ references }: { references: readonly Reference[] }) {
  if (references.length === 0) return null;
  return (
    <p className="references">
      References:{' '}
      {references.map((r, i) => {
        const url = safeUrl(r.url);
        const label = referenceLabel(r);
        return (
          <span key={`${r.kind}:${r.id}:${i}`}>
            {i > 0 && ', '}
            {url ? (
              <a href={url} target="_blank" rel="noreferrer noopener">
                {label}
              </a>
            ) : (
              label
            )}
          </span>
        );
      })}
    </p>
  );
}
