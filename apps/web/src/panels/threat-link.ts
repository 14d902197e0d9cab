import type { Threat } from '@threatloom/core';
import { href } from '../ui/router';

/** The link that opens a threat: the Diagram tab with its element selected and the threat open. */
export function threatHref(modelId: string, threat: Pick<Threat, 'id' | 'elementId'>): string {
  const q = new URLSearchParams({ tab: 'diagram', element: threat.elementId, threat: threat.id });
  return href(`/models/${encodeURIComponent(modelId)}?${q}`);
}
