import { useState, type FormEvent } from 'react';
import { useAuth } from '../auth/auth-store';
import { href, navigate } from '../ui/router';

/** Sign in and sign up share one form: sign up adds a name. */
export function AuthPage({
  mode,
  next,
  invitation,
  embedded = false,
}: {
  mode: 'signin' | 'signup';
  next: string | null;
  /** Sign-up through an invitation link: the new account joins its model. */
  invitation?: string;
  /** Inside another page (the invitation page), without its own heading. */
  embedded?: boolean;
}) {
  const signIn = useAuth((s) => s.signIn);
  const signUp = useAuth((s) => s.signUp);
  const [error, setError] = useState<string | null>(null);
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = mode === 'signup' ? 'Sign up' : 'Sign in';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const credentials = {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      ...(mode === 'signup' ? { name: String(form.get('name') ?? '') } : {}),
      ...(mode === 'signup' && invitation ? { invitation } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signup') {
        if ((await signUp(credentials)) === 'confirm_email') {
          setMailedTo(credentials.email);
          return;
        }
      } else await signIn(credentials);
      navigate(next ?? '/');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const other = mode === 'signup' ? '/signin' : '/signup';
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  if (mailedTo) {
    const body = (
      <section className="auth-notice" aria-label="Check your e-mail">
        <h2>Check your e-mail</h2>
        <p role="status">
          If {mailedTo} can be used, a link to finish signing up is on its way there. If the address
          already has an account, the mail says so: sign in instead.
        </p>
      </section>
    );
    return embedded ? (
      body
    ) : (
      <main className="auth">
        <h1>Threatloom</h1>
        {body}
      </main>
    );
  }

  const form = (
    <form onSubmit={(e) => void onSubmit(e)} aria-label={title}>
      <h2>{title}</h2>
      {mode === 'signup' && (
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={200} />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'signup' ? 8 : 1}
          aria-describedby={mode === 'signup' ? 'password-hint' : undefined}
        />
      </label>
      {mode === 'signup' && (
        <small id="password-hint" className="hint">
          At least 8 characters. Common or easily guessed passwords are refused; a few unrelated
          words work well.
        </small>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {title}
      </button>
      <p>
        {mode === 'signup' ? 'Already have an account? ' : 'New here? '}
        <a href={href(other + query)}>{mode === 'signup' ? 'Sign in' : 'Create an account'}</a>
      </p>
    </form>
  );
  return embedded ? (
    form
  ) : (
    <main className="auth">
      <h1>Threatloom</h1>
      {form}
    </main>
  );
}
