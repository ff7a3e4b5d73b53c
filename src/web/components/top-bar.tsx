import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/session-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { RoleBadges } from './role-badges.tsx';

/** Center name on the left; the signed-in user, roles, language and sign-out on the right. */
export function TopBar() {
  const { t } = useTranslation();
  const { user, center, signOut } = useSignedIn();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          座
        </span>
        <span className="app-name">{t('app.name')}</span>
        {center && <span className="center-name">{center.name}</span>}
      </div>
      <div className="user-menu">
        <span className="user-name">{user.displayName}</span>
        <RoleBadges roles={user.roles} />
        <LanguageSwitch />
        <button type="button" className="button" data-testid="sign-out" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </div>
    </header>
  );
}
