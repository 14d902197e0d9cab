import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@threatloom/core';
import {
  addMember,
  changeMemberRole,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  type Invitation,
  type Member,
} from '../api/models';
import { Modal } from '../ui/Modal';

const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

/**
 * Share a model by email with a role; change or remove existing members.
 * Any address that is not a member gets an invitation link (the server never
 * says whether it has an account): shown to copy, and mailed when the server
 * sends mail. Pending invitations are listed with Revoke.
 */
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
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const reload = useCallback(() => {
    listMembers(modelId).then(setMembers, (e: Error) => setError(e.message));
    listInvitations(modelId).then(setInvitations, () => setInvitations([]));
  }, [modelId]);
  useEffect(reload, [reload]);

  async function run(action: () => Promise<string>) {
    setError(null);
    setNotice(null);
    setLink(null);
    setCopied(false);
    try {
      setNotice(await action());
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
    void run(async () => {
      const outcome = await addMember(modelId, email, role);
      if (outcome.kind === 'member') return `Shared with ${email} as ${ROLE_LABELS[role]}`;
      setLink(outcome.link);
      return outcome.emailed
        ? `Invitation for ${email} as ${ROLE_LABELS[role]} sent by e-mail. You can also copy the link.`
        : `Invitation for ${email} as ${ROLE_LABELS[role]} created. No e-mail was sent: copy the link and send it yourself.`;
    }).then(() => target.reset());
  }

  async function copyLink() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard permission: the link stays selected in its field to copy by hand.
      document.querySelector<HTMLInputElement>('input[name="invitation-link"]')?.select();
    }
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
      {link && (
        <div className="row">
          <label>
            Invitation link
            <input
              name="invitation-link"
              readOnly
              value={link}
              size={48}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button type="button" onClick={() => void copyLink()}>
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      )}
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
                  onChange={(e) => {
                    const role = e.target.value as Role;
                    void run(async () => {
                      await changeMemberRole(modelId, m.userId, role);
                      return `Role of ${m.email} changed`;
                    });
                  }}
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
                    void run(async () => {
                      await removeMember(modelId, m.userId);
                      return `${m.email} removed`;
                    })
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length > 0 && (
        <table aria-label="Pending invitations">
          <thead>
            <tr>
              <th>Invited</th>
              <th>Role</th>
              <th>Expires</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>{ROLE_LABELS[i.role]}</td>
                <td>
                  {i.state === 'expired' ? 'expired' : new Date(i.expiresAt).toLocaleString()}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Revoke invitation for ${i.email}`}
                    onClick={() =>
                      void run(async () => {
                        await revokeInvitation(modelId, i.id);
                        return `Invitation for ${i.email} revoked`;
                      })
                    }
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
