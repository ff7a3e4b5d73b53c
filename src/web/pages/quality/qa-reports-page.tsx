import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import type { Column } from '../../components/column.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface AgentItems {
  from: string;
  to: string;
  items: { id: string; label: string }[];
  rows: {
    agentId: number;
    agent: string;
    team: string | null;
    evaluations: number;
    meanScore: number | null;
    criticalFailures: number;
    failed: Record<string, number>;
  }[];
}
type Row = AgentItems['rows'][number];

const SEE_ALL = ['qa', 'manager', 'trainer', 'admin'];

/** 质检报表: evaluations by agent and item over a date range, and the Excel exports (evaluations, agents × items, training needs, coaching). */
export default function QaReportsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const seesAll = user.roles.some((r) => SEE_ALL.includes(r));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [teamId, setTeamId] = useState('');
  const teams = useResource<{ items: { id: number; name: string }[] }>(seesAll ? '/teams' : null);
  const query = { from: from || undefined, to: to || undefined, teamId: seesAll ? teamId || undefined : undefined };
  const report = useResource<AgentItems>('/qa/reports/agent-items', query);
  const xlsx = (path: string, extra: Record<string, string | undefined> = {}) =>
    `/api/v1${path}${queryString({ ...query, ...extra, format: 'xlsx' })}`;
  const columns: Column<Row>[] = [
    { key: 'agent', header: t('reports.agent'), value: (r) => r.agent },
    { key: 'team', header: t('nav.teams'), value: (r) => r.team ?? '' },
    { key: 'n', header: t('qaPages.evaluationsN'), numeric: true, value: (r) => r.evaluations },
    {
      key: 'mean',
      header: t('qaPages.meanScore'),
      numeric: true,
      value: (r) => r.meanScore,
      render: (r) => formatNumber(r.meanScore, 'zh-CN', 1),
    },
    { key: 'critical', header: t('qaPages.criticalFailures'), numeric: true, value: (r) => r.criticalFailures },
    ...(report.data?.items ?? []).map(
      (i): Column<Row> => ({ key: `item:${i.id}`, header: i.label, numeric: true, value: (r) => r.failed[i.id] ?? 0 }),
    ),
  ];
  return (
    <section>
      <PageHeader title={t('nav.qaReports')} description={t('navDesc.qaReports')} />
      <ProblemAlert error={report.error} />
      <div className="panel filters">
        <label>
          {t('qaPages.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('qaPages.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {seesAll && (
          <label>
            {t('nav.teams')}{' '}
            <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {(teams.data?.items ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {report.data && (
          <span className="muted">
            {report.data.from} – {report.data.to}
          </span>
        )}
      </div>
      <div className="panel filters">
        <a className="button" href={xlsx('/qa/reports/agent-items')}>
          {t('qaPages.exportAgentItems')}
        </a>
        <a className="button" href={xlsx('/qa/pareto')}>
          {t('qaPages.exportTraining')}
        </a>
        <a className="button" href={xlsx('/qa/evaluations', { teamId: undefined, limit: '5000' })}>
          {t('qaPages.exportEvaluations')}
        </a>
        <span className="muted">{t('qaPages.reportsHelp')}</span>
      </div>
      <DataTable
        caption={t('qaPages.agentItems')}
        rows={report.data?.rows ?? []}
        rowKey={(r) => r.agentId}
        loading={report.loading}
        exportName="qa-agent-items"
        columns={columns}
      />
    </section>
  );
}
