import { useState, type FormEvent } from 'react';
import { newId, type Comment } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { selectCanComment, selectRecords } from '../model/model-store';

/** Comment threads on one element, threat or mitigation. Comments are records, so they arrive live through sync. */
export function CommentsThread({ targetId, label }: { targetId: string; label: string }) {
  const records = useModel(selectRecords);
  const canComment = useModel(selectCanComment);
  const { store, me } = useModelContext();
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const comments: Comment[] = [];
  for (const r of records.values())
    if (r.typeName === 'comment' && r.targetId === targetId) comments.push(r);
  comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const roots = comments.filter((c) => !c.parentId);

  function post(e: FormEvent<HTMLFormElement>, parentId: string | null) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (!body) return;
    const record: Comment = {
      id: newId(),
      typeName: 'comment',
      targetId,
      parentId,
      body,
      authorId: me.id,
      authorName: me.name,
      createdAt: new Date().toISOString(),
      resolved: false,
    };
    store.getState().submit([{ type: 'put', record }]);
    form.reset();
    setReplyTo(null);
  }

  const resolve = (c: Comment) =>
    store.getState().submit([{ type: 'patch', id: c.id, fields: { resolved: !c.resolved } }]);

  return (
    <section className="comments" aria-label={`Comments on ${label}`}>
      <h3>Comments</h3>
      {roots.length === 0 && <p className="muted">No comments yet.</p>}
      <ul>
        {roots.map((c) => (
          <li key={c.id} className={c.resolved ? 'resolved' : undefined}>
            <CommentBody c={c} />
            <ul>
              {comments
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <li key={r.id}>
                    <CommentBody c={r} />
                  </li>
                ))}
            </ul>
            {canComment && (
              <div className="row">
                <button type="button" className="link" onClick={() => setReplyTo(c.id)}>
                  Reply
                </button>
                <button type="button" className="link" onClick={() => resolve(c)}>
                  {c.resolved ? 'Reopen' : 'Resolve'}
                </button>
              </div>
            )}
            {replyTo === c.id && (
              <form onSubmit={(e) => post(e, c.id)} aria-label="Reply">
                <textarea name="body" aria-label="Reply" required rows={2} autoFocus />
                <button type="submit">Post reply</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {canComment && (
        <form onSubmit={(e) => post(e, null)} aria-label={`New comment on ${label}`}>
          <textarea name="body" aria-label="New comment" required rows={2} />
          <button type="submit">Post comment</button>
        </form>
      )}
    </section>
  );
}

function CommentBody({ c }: { c: Comment }) {
  return (
    <article aria-label={`Comment by ${c.authorName || 'someone'}`}>
      <header>
        <strong>{c.authorName || 'Someone'}</strong>{' '}
        <time dateTime={c.createdAt}>
          {c.createdAt ? new Date(c.createdAt).toLocaleString() : ''}
        </time>
        {c.resolved && <span className="badge">resolved</span>}
      </header>
      <p>{c.body}</p>
    </article>
  );
}
