import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from './components/app-layout.tsx';
import { canOpen, NAV, type NavEntry } from './navigation.ts';
import LoginPage from './pages/login-page.tsx';
import { StatusPage } from './pages/status-page.tsx';
import { useSession } from './session/session-context.tsx';

// One lazy component per page, made once: pages load as separate chunks when first opened.
const PAGES = new Map<string, LazyExoticComponent<ComponentType>>(NAV.map((e: NavEntry) => [e.id, lazy(e.page)]));

/** Sends a signed-out visitor to the login page, remembering where they were going. */
function RequireSession() {
  const { status, endedBy } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (status === 'loading') return <p className="boot muted">{t('app.loading')}</p>;
  if (status === 'signed-out') {
    // After an explicit sign-out the next person starts at home, not on the page the last one left open.
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' || endedBy === 'user' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppLayout />;
}

/** A page behind its role check: the route exists for everyone, so a link to it shows 403 rather than 404. */
function Guarded({ entry }: { entry: NavEntry }) {
  const { user } = useSession();
  const Page = PAGES.get(entry.id);
  if (!user || !canOpen(user.roles, entry) || !Page) return <StatusPage kind="forbidden" />;
  return <Page />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        {NAV.map((e) => (
          <Route key={e.id} path={e.path} element={<Guarded entry={e} />} />
        ))}
        <Route path="*" element={<StatusPage kind="notFound" />} />
      </Route>
    </Routes>
  );
}
