import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { MetricLabel } from '../../components/metric-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { dayRangeToInstants, formatPercent } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Summary {
  rates: {
    orders: number;
    closed: number;
    callbacks: number;
    dispatched: number;
    onTimeClosureRate: number | null;
    firstTimeClosureRate: number | null;
    satisfactionRate: number | null;
    returnRate: number | null;
    redoRate: number | null;
  };
  backlog: { bucket: string; count: number }[];
  byCategory: Record<string, number>;
  byUnit: { unit: string; count: number }[];
  byLocation: { location: string; count: number }[];
}

// The last 30 days by default: a month to date is a day or two at the start of a month, and the backlog's
// older ages (7–15, 15+ days) could never show in it.
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** 工单报表: on-time closure, closed first time, satisfaction, returns and redos, with n beside each rate. */
export default function OrderReportsPage() {
  const { t } = useTranslation();
  const { center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const [range, setRange] = useState({ from: daysAgo(29), to: daysAgo(0) });
  const span = dayRangeToInstants(range.from, range.to, zone);
  const data = useResource<Summary>(span.from && span.to ? '/work-orders/reports/summary' : null, span);
  const r = data.data?.rates;
  const tiles: {
    k: 'onTimeClosureRate' | 'satisfactionRate';
    label?: string;
    value: number | null | undefined;
    n: number | undefined;
  }[] = [
    { k: 'onTimeClosureRate', value: r?.onTimeClosureRate, n: r?.closed },
    { k: 'satisfactionRate', value: r?.satisfactionRate, n: r?.callbacks },
  ];
  const bar = (title: string, labels: string[], values: number[]): ChartOption => ({
    title: { text: title, textStyle: { fontSize: 13 } },
    grid: { left: 40, right: 12, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.some((l) => l.length > 6) ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values, itemStyle: { color: '#3b6fb6' } }],
  });
  return (
    <section>
      <PageHeader title={t('nav.orderReports')} description={t('navDesc.orderReports')} />
      <form className="panel filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('audit.from')}{' '}
          <input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </label>
        <label>
          {t('audit.to')} <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
      </form>
      <ProblemAlert error={data.error} />
      <div className="kpi-grid">
        {tiles.map((tile) => (
          <div key={tile.k} className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k={tile.k} />
            </div>
            <div className="kpi-value num">{formatPercent(tile.value ?? null, 'zh-CN')}</div>
            <div className="kpi-sub muted num">n = {tile.n ?? '—'}</div>
          </div>
        ))}
        {(
          [
            ['firstTimeClosureRate', r?.closed],
            ['returnRate', r?.dispatched],
            ['redoRate', r?.dispatched],
          ] as const
        ).map(([k, n]) => (
          <div key={k} className="panel kpi">
            <div className="kpi-label">{t(`wo.rates.${k}`)}</div>
            <div className="kpi-value num">{formatPercent(r?.[k] ?? null, 'zh-CN')}</div>
            <div className="kpi-sub muted num">n = {n ?? '—'}</div>
          </div>
        ))}
      </div>
      {data.data && (
        <div className="card-grid">
          <div className="panel">
            <Chart
              option={bar(
                t('wo.backlogAgeing'),
                data.data.backlog.map((b) => `${b.bucket} ${t('wo.days')}`),
                data.data.backlog.map((b) => b.count),
              )}
              height={240}
            />
          </div>
          <div className="panel">
            <Chart
              option={bar(
                t('wo.byCategory'),
                Object.keys(data.data.byCategory).map((c) => t(`wo.categories.${c}`)),
                Object.values(data.data.byCategory),
              )}
              height={240}
            />
          </div>
        </div>
      )}
      {span.from && span.to && (
        <p>
          <a className="button" href={`/api/v1/work-orders/reports/summary${queryString({ ...span, format: 'xlsx' })}`} download>
            {t('wo.exportXlsx')}
          </a>
        </p>
      )}
      <DataTable
        caption={t('wo.byLocation')}
        rows={(data.data?.byLocation ?? []).slice(0, 20)}
        rowKey={(l) => l.location}
        exportName="orders-by-location"
        columns={[
          { key: 'location', header: t('wo.location'), value: (l) => l.location },
          { key: 'count', header: t('wo.count'), numeric: true, value: (l) => l.count },
        ]}
      />
      <DataTable
        caption={t('wo.byUnit')}
        rows={data.data?.byUnit ?? []}
        rowKey={(u) => u.unit}
        exportName="orders-by-unit"
        columns={[
          { key: 'unit', header: t('wo.unit'), value: (u) => u.unit },
          { key: 'count', header: t('wo.count'), numeric: true, value: (u) => u.count },
        ]}
      />
    </section>
  );
}
