import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-store';
import { navigate } from '../ui/router';

/** Links already followed in this page's life (React runs effects twice in development). */
const followed = new Set<string>();

/** `#/confirm/<token>`: the e-mail confirmation link; creates the account, signs in, opens the model it joined. */
export function ConfirmPage({ token }: { token: string }) {
  const confirm = useAuth((s) => s.confirm);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (followed.has(token)) return;
    followed.add(token);
    confirm(token).then(
      (modelId) => navigate(modelId ? `/models/${encodeURIComponent(modelId)}` : '/'),
      (err: Error) => setError(err.message),
    );
  }, [confirm, token]);
  return (
    <main className="auth">
      <h1>Threatloom</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : (
        <p role="status">Confirming your address…</p>
      )}
    </main>
  );
}
