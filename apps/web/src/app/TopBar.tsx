import { displayName, type User } from '../api/auth';
import { useAuth } from '../auth/auth-store';
import { href, navigate } from '../ui/router';

export function TopBar({ user }: { user: User }) {
  const signOut = useAuth((s) => s.signOut);
  return (
    <header className="topbar">
      <a className="brand" href={href('/')}>
        Threatloom
      </a>
      <nav aria-label="Main">
        <a href={href('/')}>Models</a> <a href={href('/rules')}>Rules</a>
      </nav>
      <span className="spacer" />
      <span className="whoami" aria-label="Signed in as">
        {displayName(user)}
      </span>
      <button
        type="button"
        onClick={() => {
          void signOut().then(() => navigate('/signin'));
        }}
      >
        Sign out
      </button>
    </header>
  );
}
