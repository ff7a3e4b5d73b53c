import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import type { Column } from '../../components/column.ts';
import { MetricLabel } from '../../components/metric-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { type DayRange, presetRange, todayIn } from './date-presets.ts';
import { RangeFilter } from './range-filter.tsx';
import { type RepeatRow, repeatTotal } from './repeat-summary.ts';
import { TotalsTable } from './totals-table.tsx';

const WINDOWS = ['24', '48', '72'] as const;

/** 重复来电与一次解决率: repeat contacts within N hours by skill group or agent, every rate with its n. */
export default function RepeatContactsPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { center } = useSignedIn();
  const today = todayIn(center?.timeZone ?? 'Asia/Shanghai', Date.now());
  const [range, setRange] = useState<DayRange>(() => presetRange('lastWeek', today));
  const [windowHours, setWindowHours] = useState<(typeof WINDOWS)[number]>('72');
  const [by, setBy] = useState<'queue' | 'agent'>('queue');
  const res = useResource<{ items: RepeatRow[] }>('/reports/repeat-contacts', { ...range, windowHours, by });
  const rows = res.data?.items ?? [];
  const total = useMemo(() => (rows.length > 0 ? repeatTotal(rows) : null), [rows]);
  const withN = (rate: number | null, r: RepeatRow) => (
    <>
      {formatPercent(rate, lang)} <span className="muted report-n">n={formatNumber(r.eligible, lang)}</span>
    </>
  );
  const columns: Column<RepeatRow>[] = [
    { key: 'name', header: t(`reports.by.${by}`), value: (r) => (r === total ? t('reports.total') : r.name || '—') },
    {
      key: 'fcr',
      header: t('metrics.fcr.label'),
      headerNode: <MetricLabel k="fcr" />,
      numeric: true,
      value: (r) => r.fcr,
      render: (r) => withN(r.fcr, r),
    },
    {
      key: 'repeatRate',
      header: t('metrics.repeatRate.label'),
      headerNode: <MetricLabel k="repeatRate" />,
      numeric: true,
      value: (r) => r.repeatRate,
      render: (r) => withN(r.repeatRate, r),
    },
    {
      key: 'eligible',
      header: t('reports.eligible'),
      numeric: true,
      value: (r) => r.eligible,
      render: (r) => formatNumber(r.eligible, lang),
    },
    {
      key: 'repeated',
      header: t('reports.repeated'),
      numeric: true,
      value: (r) => r.repeated,
      render: (r) => formatNumber(r.repeated, lang),
    },
    {
      key: 'censored',
      header: t('reports.censored'),
      numeric: true,
      value: (r) => r.censored,
      render: (r) => formatNumber(r.censored, lang),
    },
  ];
  return (
    <section>
      <PageHeader
        title={t('nav.repeatContacts')}
        description={t('navDesc.repeatContacts')}
        actions={
          <>
            <a
              className="button"
              href={`/api/v1/reports/repeat-contacts${queryString({ ...range, windowHours, by, format: 'xlsx' })}`}
              download
            >
              {t('reports.exportXlsx')}
            </a>
            <a
              className="button"
              href={`/api/v1/reports/repeat-contacts${queryString({ ...range, windowHours, by, format: 'csv' })}`}
              download
            >
              {t('reports.exportCsvAll')}
            </a>
          </>
        }
      />
      <div className="panel filters">
        <RangeFilter range={range} today={today} onChange={setRange} />
        <label>
          {t('reports.window')}{' '}
          <select name="windowHours" value={windowHours} onChange={(e) => setWindowHours(e.target.value as typeof windowHours)}>
            {WINDOWS.map((h) => (
              <option key={h} value={h}>
                {t('reports.hours', { n: h })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.byLabel')}{' '}
          <select name="by" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
            <option value="queue">{t('reports.by.queue')}</option>
            <option value="agent">{t('reports.by.agent')}</option>
          </select>
        </label>
      </div>
      <ProblemAlert error={res.error} />
      {total && (
        <div className="kpi-grid">
          <div className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k="fcr" />
            </div>
            <div className="kpi-value num" data-kpi="fcr">
              {formatPercent(total.fcr, lang)}
            </div>
            <div className="kpi-sub muted">
              n = {formatNumber(total.eligible, lang)} · {t('reports.windowOf', { n: windowHours })}
            </div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k="repeatRate" />
            </div>
            <div className="kpi-value num">{formatPercent(total.repeatRate, lang)}</div>
            <div className="kpi-sub muted">
              {t('reports.repeatedOf', { repeated: formatNumber(total.repeated, lang), n: formatNumber(total.eligible, lang) })}
            </div>
          </div>
        </div>
      )}
      <TotalsTable
        caption={t('nav.repeatContacts')}
        rows={rows}
        total={total}
        rowKey={(r) => r.name}
        loading={res.loading}
        exportName="repeat-contacts"
        columns={columns}
      />
      <p className="muted">{t('reports.repeatNote', { n: windowHours })}</p>
    </section>
  );
}
