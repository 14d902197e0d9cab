import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@threatloom/core';
import { addMember, changeMemberRole, listMembers, removeMember, type Member } from '../api/models';
import { Modal } from '../ui/Modal';

const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

/** Share a model by email with a role; change or remove existing members. */
export function ShareDialog({
  modelId,
  title,
  onClose,
}: {
  modelId: string;
  title: string;
  onClose: () => void;
}) {
  const [members, setMembers] = useState<Member[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(() => {
    listMembers(modelId).then(setMembers, (e: Error) => setError(e.message));
  }, [modelId]);
  useEffect(reload, [reload]);

  async function run(action: () => Promise<void>, done: string) {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function onInvite(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const role = String(form.get('role')) as Role;
    const target = e.currentTarget;
    void run(
      () => addMember(modelId, email, role),
      `Shared with ${email} as ${ROLE_LABELS[role]}`,
    ).then(() => target.reset());
  }

  return (
    <Modal title={`Share “${title}”`} onClose={onClose}>
      <form className="row" onSubmit={onInvite} aria-label="Invite a member">
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <label>
          Role
          <select name="role" defaultValue="editor" aria-label="Role">
            {ROLES.filter((r) => r !== 'owner').map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Share</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <table aria-label="Members">
        <thead>
          <tr>
            <th>Member</th>
            <th>Role</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId || m.email}>
              <td>{m.name ? `${m.name} <${m.email}>` : m.email}</td>
              <td>
                <select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  onChange={(e) =>
                    void run(
                      () => changeMemberRole(modelId, m.userId, e.target.value as Role),
                      `Role of ${m.email} changed`,
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove ${m.email}`}
                  onClick={() =>
                    void run(() => removeMember(modelId, m.userId), `${m.email} removed`)
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
