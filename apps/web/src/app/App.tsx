import { useEffect } from 'react';
import { useAuth } from '../auth/auth-store';
import { AuthPage } from '../pages/AuthPage';
import { ConfirmPage } from '../pages/ConfirmPage';
import { InvitePage } from '../pages/InvitePage';
import { DashboardPage } from '../pages/DashboardPage';
import { ModelPage } from '../pages/ModelPage';
import { RulesPage } from '../pages/RulesPage';
import { RegionBoundary } from '../ui/RegionBoundary';
import { TopBar } from './TopBar';
import { navigate, useRoute } from '../ui/router';

export function App() {
  const { path, params } = useRoute();
  const user = useAuth((s) => s.user);
  const loading = useAuth((s) => s.loading);
  const load = useAuth((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  const isAuthPage = path === '/signin' || path === '/signup';
  // Invitation and confirmation links work signed in or out.
  const linkMatch = /^\/(invite|confirm)\/([^/]+)$/.exec(path);
  const isLinkPage = linkMatch !== null;
  useEffect(() => {
    if (loading || isLinkPage) return;
    if (!user && !isAuthPage)
      navigate(`/signin?next=${encodeURIComponent(path + (params.size ? `?${params}` : ''))}`);
    if (user && isAuthPage) navigate(params.get('next') ?? '/');
  }, [loading, user, isAuthPage, isLinkPage, path, params]);

  if (loading)
    return (
      <p className="splash" role="status">
        Loading Threatloom…
      </p>
    );
  if (linkMatch?.[1] === 'invite')
    return (
      <InvitePage token={decodeURIComponent(linkMatch[2]!)} join={params.get('join') === '1'} />
    );
  if (linkMatch?.[1] === 'confirm')
    return <ConfirmPage token={decodeURIComponent(linkMatch[2]!)} />;
  if (!user || isAuthPage)
    return <AuthPage mode={path === '/signup' ? 'signup' : 'signin'} next={params.get('next')} />;

  const modelMatch = /^\/models\/([^/]+)$/.exec(path);
  return (
    <div className="app">
      <RegionBoundary name="top bar">
        <TopBar user={user} />
      </RegionBoundary>
      <RegionBoundary name="page" key={modelMatch?.[1] ?? path}>
        {path === '/rules' ? (
          <RulesPage />
        ) : modelMatch ? (
          <ModelPage
            modelId={decodeURIComponent(modelMatch[1]!)}
            tab={params.get('tab')}
            focus={{ element: params.get('element'), threat: params.get('threat') }}
          />
        ) : (
          <DashboardPage />
        )}
      </RegionBoundary>
    </div>
  );
}
