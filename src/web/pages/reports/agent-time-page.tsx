import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { Chart } from '../../components/chart.tsx';
import type { Column } from '../../components/column.ts';
import { MetricLabel } from '../../components/metric-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { agentTimeOption } from './agent-time-chart.ts';
import { type AgentTimeRow, type AgentTimeTotal, agentTotals, allAgentsTotal, pauseReasons } from './agent-time-summary.ts';
import { type DayRange, presetRange, todayIn } from './date-presets.ts';
import { RangeFilter } from './range-filter.tsx';
import { TotalsTable } from './totals-table.tsx';

const hours = (s: number, lang: Lang) => formatNumber(s / 3600, lang, 1);

/** 坐席工时: time per agent in each state, pauses by reason, occupancy and utilization, calls per hour. */
export default function AgentTimePage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { center } = useSignedIn();
  const today = todayIn(center?.timeZone ?? 'Asia/Shanghai', Date.now());
  const [range, setRange] = useState<DayRange>(() => presetRange('lastWeek', today));
  // Day rows summed per agent here: one request whatever the range, and the sums are exact.
  const res = useResource<{ items: AgentTimeRow[] }>('/reports/agent-time', { ...range, interval: 'day' });
  const rows = useMemo(() => agentTotals(res.data?.items ?? []), [res.data]);
  const total = useMemo(() => allAgentsTotal(res.data?.items ?? []), [res.data]);
  const reasons = useMemo(() => pauseReasons(rows), [rows]);
  const isTotal = (r: AgentTimeTotal) => r === total;
  const option = useMemo(
    () =>
      agentTimeOption(rows, {
        talking: t('reports.talking'),
        acw: t('reports.acw'),
        idle: t('reports.idle'),
        paused: t('reports.paused'),
      }),
    [rows, t],
  );
  const secondsCol = (key: string, header: string, f: (r: AgentTimeTotal) => number): Column<AgentTimeTotal> => ({
    key,
    header,
    numeric: true,
    value: (r) => Math.round(f(r)),
    render: (r) => hours(f(r), lang),
  });
  const columns: Column<AgentTimeTotal>[] = [
    {
      key: 'agent',
      header: t('reports.agent'),
      value: (r) => (isTotal(r) ? t('reports.totalAllAgents', { n: rows.length }) : r.agent),
    },
    secondsCol('loggedIn', t('reports.loggedIn'), (r) => r.loggedInSeconds),
    secondsCol('talking', t('reports.talking'), (r) => r.talkingSeconds),
    secondsCol('acw', t('reports.acw'), (r) => r.acwSeconds),
    secondsCol('idle', t('reports.idle'), (r) => r.idleSeconds),
    secondsCol('paused', t('reports.paused'), (r) => r.pausedSeconds),
    ...reasons.map((reason) =>
      secondsCol(
        `pause:${reason}`,
        `${t('reports.paused')} · ${reason || t('reports.noReason')}`,
        (r) => r.pausedByReason[reason] ?? 0,
      ),
    ),
    {
      key: 'calls',
      header: t('reports.callsHandled'),
      numeric: true,
      value: (r) => r.callsHandled,
      render: (r) => formatNumber(r.callsHandled, lang),
    },
    {
      key: 'callsPerHour',
      header: t('reports.callsPerHour'),
      numeric: true,
      value: (r) => r.callsPerHour,
      render: (r) => formatNumber(r.callsPerHour, lang, 1),
    },
    {
      key: 'occupancy',
      header: t('metrics.occupancy.label'),
      headerNode: <MetricLabel k="occupancy" />,
      numeric: true,
      value: (r) => r.occupancy,
      render: (r) => formatPercent(r.occupancy, lang),
    },
    {
      key: 'utilization',
      header: t('metrics.utilization.label'),
      headerNode: <MetricLabel k="utilization" />,
      numeric: true,
      value: (r) => r.utilization,
      render: (r) => formatPercent(r.utilization, lang),
    },
  ];
  return (
    <section>
      <PageHeader
        title={t('nav.agentTime')}
        description={t('navDesc.agentTime')}
        actions={
          <>
            <a
              className="button"
              href={`/api/v1/reports/agent-time${queryString({ ...range, interval: 'day', format: 'xlsx' })}`}
              download
            >
              {t('reports.exportXlsx')}
            </a>
            <a
              className="button"
              href={`/api/v1/reports/agent-time${queryString({ ...range, interval: 'day', format: 'csv' })}`}
              download
            >
              {t('reports.exportCsvAll')}
            </a>
          </>
        }
      />
      <div className="panel filters">
        <RangeFilter range={range} today={today} onChange={setRange} />
      </div>
      <ProblemAlert error={res.error} />
      {total && (
        <div className="kpi-grid">
          <div className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k="occupancy" />
            </div>
            <div className="kpi-value num">{formatPercent(total.occupancy, lang)}</div>
            <div className="kpi-sub muted">{t('reports.allAgents')}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k="utilization" />
            </div>
            <div className="kpi-value num">{formatPercent(total.utilization, lang)}</div>
            <div className="kpi-sub muted">{t('reports.allAgents')}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">{t('reports.loggedIn')}</div>
            <div className="kpi-value num">{hours(total.loggedInSeconds, lang)}</div>
            <div className="kpi-sub muted">{t('reports.agentsCount', { n: rows.length })}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">{t('reports.callsPerHour')}</div>
            <div className="kpi-value num">{formatNumber(total.callsPerHour, lang, 1)}</div>
            <div className="kpi-sub muted">{t('reports.allAgents')}</div>
          </div>
        </div>
      )}
      {rows.length > 0 && (
        <div className="panel">
          <Chart option={option} height={320} ariaLabel={t('reports.agentTimeChart')} />
        </div>
      )}
      <TotalsTable
        caption={t('nav.agentTime')}
        rows={rows}
        total={total}
        rowKey={(r) => r.agent}
        loading={res.loading}
        exportName="agent-time"
        columns={columns}
      />
      <p className="muted">{t('reports.agentTimeNote')}</p>
    </section>
  );
}
