import type { Op, RecordMap } from '../ops/ops';

/** Where a write comes from: a member editing the model, or a document (import, duplicate) becoming a new model. */
export type WriteOrigin = 'edit' | 'document';

/** Comment fields only the server sets (SYNC-AUTH-7). */
export const COMMENT_AUTHOR_FIELDS = ['authorId', 'authorName', 'createdAt'] as const;
/** Model fields that record who moved the review and when, set by the server (SYNC-AUTH-8). */
export const REVIEW_STAMP_FIELDS = ['reviewedBy', 'reviewedAt'] as const;

/**
 * Sets the fields the server owns on a validated op, from the authenticated
 * actor and the server's clock, whatever the client sent (SYNC-AUTH-7/8):
 * - a new comment is authored by the actor (`authorId`, `authorName`,
 *   `createdAt` = now; an `authorId` naming someone else is left for
 *   `authorizeOp` to refuse); a put over an existing comment keeps its author;
 * - when the model's `reviewState` changes, `reviewedBy` is the actor's name
 *   and `reviewedAt` now; otherwise they keep their current values;
 * - a document's comments keep their names and times but no `authorId`
 *   (the ids of another instance mean nothing here, and a crafted file must
 *   not make a comment look written by an account of this one); a new model
 *   record keeps the review fields the document states.
 * Pure: `now` comes from the caller. Returns the op unchanged when nothing applies.
 */
export function stampOp(options: {
  op: Op;
  state: RecordMap;
  actor: { id: string; name: string };
  now: string;
  origin?: WriteOrigin;
}): Op {
  const { op, state, actor, now, origin = 'edit' } = options;
  if (op.type === 'remove') return op;
  const id = op.type === 'put' ? op.record.id : op.id;
  const existing = state.get(id);
  if (op.type === 'put' && op.record.typeName === 'comment') {
    if (origin === 'document') return { ...op, record: { ...op.record, authorId: '' } };
    const author =
      existing?.typeName === 'comment'
        ? {
            authorId: existing.authorId,
            authorName: existing.authorName,
            createdAt: existing.createdAt,
          }
        : { authorId: op.record.authorId || actor.id, authorName: actor.name, createdAt: now };
    return { ...op, record: { ...op.record, ...author } };
  }
  if (existing?.typeName !== 'model') return op;
  if (op.type === 'put') {
    if (op.record.typeName !== 'model') return op;
    const changed = op.record.reviewState !== existing.reviewState;
    return {
      ...op,
      record: {
        ...op.record,
        reviewedBy: changed ? actor.name : existing.reviewedBy,
        reviewedAt: changed ? now : existing.reviewedAt,
      },
    };
  }
  const fields: Record<string, unknown> = { ...op.fields };
  for (const f of REVIEW_STAMP_FIELDS) delete fields[f];
  if ('reviewState' in fields && fields.reviewState !== existing.reviewState) {
    fields.reviewedBy = actor.name;
    fields.reviewedAt = now;
  }
  return { ...op, fields };
}
