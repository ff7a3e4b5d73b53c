import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useSignedIn } from '../session/session-context.tsx';
import { Sidebar } from './sidebar.tsx';
import { TopBar } from './top-bar.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <div className="app-body">
        <Sidebar roles={user.roles} />
        <main id="main" className="content" tabIndex={-1}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
