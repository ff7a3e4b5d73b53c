import { useTranslation } from 'react-i18next';
import type { Agent, Items, Page, Site, Team } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { ResourcePage } from '../../components/resource-page.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import { asText, numberOrNull } from '../../lib/field-spec.ts';
import { formatNumber } from '../../lib/format.ts';

/** 班组: teams, their site and their team lead (班长, one of the agents). */
export default function TeamsPage() {
  const { t } = useTranslation();
  const sites = useResource<Items<Site>>('/sites');
  // Team leads are chosen among active agents; 1000 is the API's page limit and more than a center's roster.
  const agents = useResource<Page<Agent>>('/agents', { status: 'active', limit: 1000 });
  const siteName = new Map((sites.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <ResourcePage<Team>
      navId="teams"
      path="/teams"
      ready={sites.data !== undefined && agents.data !== undefined}
      columns={[
        { key: 'name', header: t('team.name'), value: (r) => r.name },
        {
          key: 'site',
          header: t('team.site'),
          value: (r) => (r.siteId == null ? '' : (siteName.get(r.siteId) ?? String(r.siteId))),
        },
        { key: 'leader', header: t('team.leader'), value: (r) => r.leaderName },
        {
          key: 'agentCount',
          header: t('team.agentCount'),
          numeric: true,
          value: (r) => r.agentCount,
          render: (r) => formatNumber(r.agentCount, currentLang()),
        },
      ]}
      fields={() => [
        { name: 'name', label: t('team.name'), kind: 'text', required: true },
        {
          name: 'siteId',
          label: t('team.site'),
          kind: 'select',
          options: (sites.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name })),
        },
        {
          name: 'leaderAgentId',
          label: t('team.leader'),
          kind: 'select',
          options: (agents.data?.items ?? []).map((a) => ({ value: String(a.id), label: `${a.employeeNo} ${a.name}` })),
        },
      ]}
      toValues={(r) => ({ name: r?.name ?? '', siteId: asText(r?.siteId), leaderAgentId: asText(r?.leaderAgentId) })}
      toBody={(v) => ({
        name: String(v.name).trim(),
        siteId: numberOrNull(v.siteId),
        leaderAgentId: numberOrNull(v.leaderAgentId),
      })}
    />
  );
}
