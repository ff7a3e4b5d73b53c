import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client.ts';
import type { SkillGroup } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { Chart } from '../../components/chart.tsx';
import type { Column } from '../../components/column.ts';
import { MetricLabel } from '../../components/metric-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { type DayRange, presetRange, todayIn } from './date-presets.ts';
import { formatSeconds } from './format-seconds.ts';
import { chartPoints, intervalChartOption, targetLines } from './interval-chart.ts';
import { RangeFilter } from './range-filter.tsx';
import { type Dim, type IntervalRow, intervalLabel, type Kind, REPORT_COLUMNS, rowName } from './report-columns.ts';
import { type SlDefinition, totalRow } from './total-row.ts';
import { TotalsTable } from './totals-table.tsx';

const INTERVALS = ['15', '30', '60', 'day', 'week', 'month'] as const;
const DIMS: Dim[] = ['queue', 'team', 'agent'];
const KPIS = ['offered', 'answered', 'abandoned', 'serviceLevel', 'answerRate', 'asaSeconds', 'ahtSeconds'] as const;

function showValue(v: number | null | undefined, kind: Kind, lang: Lang): string {
  if (kind === 'ratio') return formatPercent(v, lang);
  if (kind === 'seconds') return formatSeconds(v);
  return formatNumber(v, lang);
}

/** 话务报表: the interval report — filters, chart, every column with its definition, totals from sums, Excel/CSV. */
export default function IntervalReportPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const today = todayIn(zone, Date.now());
  const [range, setRange] = useState<DayRange>(() => presetRange('yesterday', today));
  const [interval, setIntervalSpec] = useState<(typeof INTERVALS)[number]>('30');
  const [dim, setDim] = useState<Dim>('queue');
  const [queue, setQueue] = useState('');
  const [sl, setSl] = useState<SlDefinition>(1);
  const groups = useResource<{ items: SkillGroup[] }>('/skill-groups');
  const query = { ...range, interval, by: dim, queue, slDefinition: sl };
  const report = useResource<{ items: IntervalRow[] }>('/reports/intervals', query);
  const rows = report.data?.items ?? [];
  const total = useMemo(() => (rows.length > 0 ? totalRow(rows, sl) : null), [rows, sl]);
  const groupList = groups.data?.items ?? [];
  const shownGroups = useMemo(() => (dim === 'queue' ? [...new Set(rows.map((r) => r.queue ?? ''))] : []), [rows, dim]);
  const targets = useMemo(
    () => targetLines(groupList, { queue, shown: shownGroups, seconds: (n) => t('reports.seconds', { n }) }),
    [groupList, queue, shownGroups, t],
  );
  // The KPI tile compares with a target only when the groups shown share one.
  const target = new Set(targets.map((l) => l.value)).size === 1 ? targets[0].value : null;
  const thresholds = [
    ...new Set((queue ? groupList.filter((g) => g.name === queue) : groupList).map((g) => g.slThresholdSeconds)),
  ];

  const option = useMemo(
    () =>
      intervalChartOption(
        chartPoints(rows, interval, sl, zone),
        {
          offered: t('metrics.offered.label'),
          answered: t('metrics.answered.label'),
          serviceLevel: t('metrics.serviceLevel.label'),
          target: t('reports.target'),
        },
        targets,
      ),
    [rows, interval, sl, zone, targets, t],
  );

  const columns: Column<IntervalRow>[] = [
    {
      key: 'intervalStart',
      header: t('reports.intervalStart'),
      value: (r) => (r === total ? t('reports.total') : intervalLabel(r.intervalStart, interval)),
    },
    { key: dim, header: t(`reports.by.${dim}`), value: (r) => (r === total ? '' : rowName(r, dim)) },
    ...REPORT_COLUMNS.map(
      (c): Column<IntervalRow> => ({
        key: c.key,
        header: t(`reports.columns.${c.key}`),
        numeric: true,
        headerNode: <MetricLabel k={c.metric} />,
        value: (r) => r[c.key] ?? null,
        render: (r) => showValue(r[c.key], c.kind, lang),
      }),
    ),
  ];
  const file = (format: 'xlsx' | 'csv') => `/api/v1/reports/intervals${queryString({ ...query, format })}`;
  const kpiCols = KPIS.map((k) => REPORT_COLUMNS.find((c) => c.key === k)).filter((c) => c !== undefined);

  return (
    <section>
      <PageHeader
        title={t('nav.intervalReport')}
        description={t('navDesc.intervalReport')}
        actions={
          <>
            <a className="button" href={file('xlsx')} download>
              {t('reports.exportXlsx')}
            </a>
            <a className="button" href={file('csv')} download>
              {t('reports.exportCsvAll')}
            </a>
          </>
        }
      />
      <div className="panel filters">
        <RangeFilter range={range} today={today} onChange={setRange} />
        <label>
          {t('reports.interval')}{' '}
          <select name="interval" value={interval} onChange={(e) => setIntervalSpec(e.target.value as typeof interval)}>
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {t(`reports.intervals.${i}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.byLabel')}{' '}
          <select name="by" value={dim} onChange={(e) => setDim(e.target.value as Dim)}>
            {DIMS.map((b) => (
              <option key={b} value={b}>
                {t(`reports.by.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.skillGroup')}{' '}
          <select name="queue" value={queue} onChange={(e) => setQueue(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {groupList.map((g) => (
              <option key={g.id} value={g.name}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.slDefinition')}{' '}
          <select name="slDefinition" value={sl} onChange={(e) => setSl(Number(e.target.value) as SlDefinition)}>
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {t(`reports.slShort.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted report-formula">
        {t('metrics.serviceLevel.label')} = {t(`reports.slFormula.${sl}`)}
        {thresholds.length > 0 && ` · T = ${thresholds.map((s) => t('reports.seconds', { n: s })).join(' / ')}`}
        {target != null && ` · ${t('reports.target')} ${formatPercent(target, lang, 0)}`}
      </p>
      <ProblemAlert error={report.error ?? groups.error} />
      {total && (
        <div className="kpi-grid">
          {kpiCols.map((c) => (
            <div key={c.key} className="panel kpi">
              <div className="kpi-label">
                <MetricLabel k={c.metric} />
              </div>
              <div className="kpi-value num" data-kpi={c.key}>
                {showValue(total[c.key], c.kind, lang)}
              </div>
              <div className="kpi-sub muted">
                {c.key === 'serviceLevel' && target != null
                  ? t('reports.vsTarget', { target: formatPercent(target, lang, 0) })
                  : t('reports.totalOfRange')}
              </div>
            </div>
          ))}
        </div>
      )}
      {rows.length > 0 && (
        <div className="panel">
          <Chart option={option} height={320} ariaLabel={t('reports.chartAria')} />
        </div>
      )}
      <TotalsTable
        caption={t('nav.intervalReport')}
        rows={rows}
        total={total}
        loading={report.loading}
        exportName="interval-report"
        rowKey={(r) => `${r.intervalStart}|${rowName(r, dim)}`}
        columns={columns}
      />
      <p className="muted">{t('reports.totalNote')}</p>
    </section>
  );
}
