import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Chart } from '../../components/chart.tsx';
import type { Column } from '../../components/column.ts';
import { type MetricKey, MetricLabel } from '../../components/metric-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { lastDays, todayIn } from './date-presets.ts';
import { formatSeconds } from './format-seconds.ts';
import { myNumbersOption } from './my-numbers-chart.ts';
import type { IntervalRow } from './report-columns.ts';
import { totalRow } from './total-row.ts';
import { TotalsTable } from './totals-table.tsx';

/** 我的话务: the signed-in agent's own calls, AHT, talk and after-call work per day over the last two weeks. */
export default function MyNumbersPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { center, user } = useSignedIn();
  const today = todayIn(center?.timeZone ?? 'Asia/Shanghai', Date.now());
  const range = lastDays(14, today);
  const res = useResource<{ items: IntervalRow[] }>('/reports/me', { ...range });
  const rows = res.data?.items ?? [];
  const total = useMemo(() => (rows.length > 0 ? totalRow(rows, 1) : null), [rows]);
  const option = useMemo(
    () => myNumbersOption(rows, { answered: t('reports.myAnswered'), aht: t('reports.myAhtMinutes') }),
    [rows, t],
  );
  const sec = (key: 'ahtSeconds' | 'talkSeconds' | 'acwSeconds', metric: MetricKey): Column<IntervalRow> => ({
    key,
    header: t(`reports.columns.${key}`),
    headerNode: <MetricLabel k={metric} />,
    numeric: true,
    value: (r) => r[key],
    render: (r) => formatSeconds(r[key]),
  });
  const columns: Column<IntervalRow>[] = [
    { key: 'day', header: t('reports.day'), value: (r) => (r === total ? t('reports.total') : r.intervalStart.slice(0, 10)) },
    {
      key: 'answered',
      header: t('reports.myAnswered'),
      numeric: true,
      value: (r) => r.answered,
      render: (r) => formatNumber(r.answered, lang),
    },
    sec('ahtSeconds', 'aht'),
    sec('talkSeconds', 'talk'),
    sec('acwSeconds', 'acw'),
    {
      key: 'transferred',
      header: t('reports.columns.transferred'),
      numeric: true,
      value: (r) => r.transferred,
      render: (r) => formatNumber(r.transferred, lang),
    },
    {
      key: 'transferRate',
      header: t('reports.transferRate'),
      numeric: true,
      value: (r) => (r.answered > 0 ? r.transferred / r.answered : null),
      render: (r) => formatPercent(r.answered > 0 ? r.transferred / r.answered : null, lang),
    },
  ];
  return (
    <section>
      <PageHeader title={t('nav.myNumbers')} description={t('navDesc.myNumbers')} />
      {user.agentId == null && (
        <div className="alert alert-warn">
          <p>{t('reports.notAnAgent')}</p>
        </div>
      )}
      <ProblemAlert error={res.error} />
      {total && (
        <div className="kpi-grid">
          <div className="panel kpi">
            <div className="kpi-label">{t('reports.myAnswered')}</div>
            <div className="kpi-value num" data-kpi="answered">
              {formatNumber(total.answered, lang)}
            </div>
            <div className="kpi-sub muted">{t('reports.lastDays', { n: 14 })}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k="aht" />
            </div>
            <div className="kpi-value num">{formatSeconds(total.ahtSeconds)}</div>
            <div className="kpi-sub muted">{t('reports.lastDays', { n: 14 })}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k="acw" />
            </div>
            <div className="kpi-value num">{formatSeconds(total.acwSeconds)}</div>
            <div className="kpi-sub muted">{t('reports.lastDays', { n: 14 })}</div>
          </div>
        </div>
      )}
      {rows.length > 0 && (
        <div className="panel">
          <Chart option={option} height={240} ariaLabel={t('reports.myChart')} />
        </div>
      )}
      <TotalsTable
        caption={t('nav.myNumbers')}
        rows={rows}
        total={total}
        rowKey={(r) => r.intervalStart}
        loading={res.loading}
        exportName="my-numbers"
        columns={columns}
      />
    </section>
  );
}
