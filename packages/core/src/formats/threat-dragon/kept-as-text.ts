import { MITIGATION_STATUS_LABELS, referenceLabel } from '../../model/labels';
import type { Comment, Mitigation, ModelRecord, Reference, Threat } from '../../model/records';
import { formatTimestamp } from '../../model/timestamps';
import { firstLine } from '../import-context';

/**
 * What Threat Dragon has no field for but can hold as text, written into the
 * text fields it has: a mitigation's status and owner into the threat's
 * `mitigation` text, a threat's references and its comments into the threat's
 * `description`, an element's comments into the element's `description`.
 * Threat Dragon shows these texts as they are; importing the file back keeps
 * them as text (not as fields or comment records).
 */

/** Threat Dragon's import gives a mitigation the status its threat implies; any other status is written as text. */
export function impliedMitigationStatus(threat: Threat | undefined): Mitigation['status'] {
  return threat?.status === 'mitigated' ? 'done' : 'proposed';
}

/** Comments by the record they are on, each thread in time order with its replies after it. */
export function commentsByTarget(records: readonly ModelRecord[]): Map<string, Comment[]> {
  const comments = records.filter((r): r is Comment => r.typeName === 'comment');
  const byTime = (a: Comment, b: Comment) =>
    a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const replies = new Map<string, Comment[]>();
  for (const c of comments)
    if (c.parentId !== null) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  const ids = new Set(comments.map((c) => c.id));
  const out = new Map<string, Comment[]>();
  const visit = (c: Comment, list: Comment[]) => {
    list.push(c);
    for (const r of (replies.get(c.id) ?? []).sort(byTime)) visit(r, list);
  };
  for (const root of comments
    .filter((c) => c.parentId === null || !ids.has(c.parentId))
    .sort(byTime)) {
    const list = out.get(root.targetId) ?? [];
    visit(root, list);
    out.set(root.targetId, list);
  }
  return out;
}

/** `Comments:` and one line per comment (`- Ana (1 Dec 2026, 14:05 UTC): …`), replies indented. */
export function commentsText(comments: readonly Comment[]): string {
  if (comments.length === 0) return '';
  const depth = new Map<string, number>();
  const lines = comments.map((c) => {
    const d = c.parentId !== null && depth.has(c.parentId) ? depth.get(c.parentId)! + 1 : 0;
    depth.set(c.id, d);
    const who = c.authorName || 'Someone';
    const when = c.createdAt ? ` (${formatTimestamp(c.createdAt)})` : '';
    const indent = '  '.repeat(d);
    const body = c.body.trim().replace(/\r\n?|\n/g, `\n${indent}  `);
    return `${indent}- ${who}${when}${c.resolved ? ' [resolved]' : ''}: ${body}`;
  });
  return ['Comments:', ...lines].join('\n');
}

/** `References: CWE-287, https://…`, each cited as people cite it. */
export function referencesText(references: readonly Reference[]): string {
  return references.length === 0 ? '' : `References: ${references.map(referenceLabel).join(', ')}`;
}

/** `text`, then each non-empty extra part after a blank line; `text` as it is when there are none. */
export function paragraphs(text: string, ...extra: string[]): string {
  const parts = extra.filter((p) => p.trim() !== '');
  if (parts.length === 0) return text;
  return [...(text.trim() === '' ? [] : [text]), ...parts].join('\n\n');
}

/**
 * One Threat Dragon mitigation text for a threat's mitigations. A single
 * mitigation imported from Threat Dragon has its first line as title, so its
 * description alone round-trips; several are joined by blank lines. A status
 * other than the one Threat Dragon's import would give it, an owner and the
 * mitigation's comments follow its text, one line each.
 */
export function mitigationText(
  mitigations: readonly Mitigation[],
  threat?: Threat,
  comments: ReadonlyMap<string, readonly Comment[]> = new Map(),
): string {
  return mitigations
    .map((m) => {
      const text =
        m.description.trim() === ''
          ? m.title
          : firstLine(m.description) === m.title
            ? m.description
            : `${m.title}\n${m.description}`;
      const meta = [
        ...(m.status !== impliedMitigationStatus(threat)
          ? [`Status: ${MITIGATION_STATUS_LABELS[m.status]}`]
          : []),
        ...(m.owner ? [`Owner: ${m.owner}`] : []),
      ];
      const notes = commentsText(comments.get(m.id) ?? []);
      return [text, ...meta, ...(notes ? [notes] : [])].join('\n');
    })
    .join('\n\n');
}
