import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RoleBadges } from '../components/role-badges.tsx';
import { navigationFor } from '../navigation.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { AgentSummary } from './home/agent-summary.tsx';
import { CenterDashboard } from './home/center-dashboard.tsx';

// Roles that may read the center's numbers (the server's report routes allow the same).
const DASHBOARD_ROLES = ['manager', 'team_lead', 'planner', 'qa', 'trainer', 'admin'];

/** 首页: greeting, the center, and a link to every page the user's roles may open (nothing else). */
export default function HomePage() {
  const { t } = useTranslation();
  const { user, center } = useSignedIn();
  const groups = navigationFor(user.roles)
    .map((g) => ({ ...g, entries: g.entries.filter((e) => e.id !== 'home') }))
    .filter((g) => g.entries.length > 0);
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{t('home.welcome', { name: user.displayName })}</h1>
          <p className="muted">
            {t('home.yourRoles')}: <RoleBadges roles={user.roles} />
          </p>
        </div>
      </div>
      {center && (
        <dl className="panel definition-list">
          <dt>{t('home.center')}</dt>
          <dd>{center.name}</dd>
          <dt>{t('home.timeZone')}</dt>
          <dd>{center.timeZone}</dd>
          <dt>{t('home.businessHours')}</dt>
          <dd>{center.businessHours.map((h) => `${h.start}–${h.end}`).join(', ')}</dd>
        </dl>
      )}
      {user.roles.includes('agent') && <AgentSummary />}
      {user.roles.some((r) => DASHBOARD_ROLES.includes(r)) && <CenterDashboard />}
      {groups.length > 0 && (
        <>
          <h2>{t('home.youCanUse')}</h2>
          <div className="card-grid">
            {groups.map((g) => (
              <div key={g.group} className="panel card">
                <h3>{t(`navGroup.${g.group}`)}</h3>
                <ul className="link-list">
                  {g.entries.map((e) => (
                    <li key={e.id}>
                      <Link to={e.path}>{t(`nav.${e.id}`)}</Link>
                      <span className="muted"> — {t(`navDesc.${e.id}`)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
