import { useEffect, useRef, useState } from 'react';
import { acceptInvitation, previewInvitation, type InvitationPreview } from '../api/models';
import { useAuth } from '../auth/auth-store';
import { navigate } from '../ui/router';
import { AuthPage } from './AuthPage';

/**
 * `#/invite/<token>`: who invited you to which model with which role; sign up
 * (or sign in) and you join it. Signed in, _Join_ accepts; coming back from
 * signing up or in (`?join=1`) accepts at once and opens the model.
 */
export function InvitePage({ token, join }: { token: string; join: boolean }) {
  const user = useAuth((s) => s.user);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const joining = useRef(false);

  useEffect(() => {
    previewInvitation(token).then(setPreview, () =>
      setError('This invitation does not exist, was used, revoked or has expired.'),
    );
  }, [token]);

  async function accept() {
    if (joining.current) return;
    joining.current = true;
    try {
      const { modelId } = await acceptInvitation(token);
      navigate(`/models/${encodeURIComponent(modelId)}`);
    } catch (err) {
      joining.current = false;
      setError((err as Error).message);
    }
  }

  useEffect(() => {
    if (user && join && preview) void accept();
    // Accepts once the invitation is known and someone is signed in.
  }, [user, join, preview]);

  const next = `/invite/${token}?join=1`;
  return (
    <main className="auth">
      <h1>Threatloom</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && (
        <>
          <h2>
            {preview.inviterName} invited you to “{preview.modelTitle}” as {preview.role}
          </h2>
          {user ? (
            <p>
              <button type="button" onClick={() => void accept()}>
                Join “{preview.modelTitle}”
              </button>
            </p>
          ) : (
            <AuthPage mode="signup" next={next} invitation={token} embedded />
          )}
        </>
      )}
    </main>
  );
}
