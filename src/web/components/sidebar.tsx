import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { navigationFor } from '../navigation.ts';

/** The left navigation: only the pages the user's roles may open, grouped by domain. */
export function Sidebar({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('app.mainNav')}>
      {navigationFor(roles).map(({ group, entries }) => (
        <div key={group} className="nav-group">
          <h2 className="nav-group-title">{t(`navGroup.${group}`)}</h2>
          <ul>
            {entries.map((e) => (
              <li key={e.id}>
                <NavLink to={e.path} end className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  {t(`nav.${e.id}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
