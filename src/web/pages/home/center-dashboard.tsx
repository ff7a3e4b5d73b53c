import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { type MetricKey, MetricLabel } from '../../components/metric-label.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { dashboardWindows } from './dashboard-dates.ts';

interface SummaryRow {
  intervalStart: string;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  answerRate: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
}
interface Summary {
  intervals: SummaryRow[];
  total: SummaryRow | null;
}

const TILES: { k: MetricKey; field: keyof SummaryRow; kind: 'int' | 'ratio' | 'seconds' }[] = [
  { k: 'offered', field: 'offered', kind: 'int' },
  { k: 'answerRate', field: 'answerRate', kind: 'ratio' },
  { k: 'serviceLevel', field: 'serviceLevel', kind: 'ratio' },
  { k: 'asa', field: 'asaSeconds', kind: 'seconds' },
  { k: 'aht', field: 'ahtSeconds', kind: 'seconds' },
  { k: 'abandoned', field: 'abandoned', kind: 'int' },
];

function show(v: number | string | null, kind: 'int' | 'ratio' | 'seconds', lang: Lang): string {
  if (typeof v !== 'number') return '—';
  if (kind === 'ratio') return formatPercent(v, lang);
  if (kind === 'seconds') return `${formatNumber(v, lang, 1)} s`;
  return formatNumber(v, lang);
}

/** The center at a glance: yesterday's numbers against the 28-day average, and the 28-day trend. */
export function CenterDashboard() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const w = dashboardWindows(Date.now(), zone);
  const yesterday = useResource<Summary>('/reports/summary', { ...w.yesterday, interval: 'day' });
  const trend = useResource<Summary>('/reports/summary', { ...w.trend, interval: 'day' });
  const days = trend.data?.intervals ?? [];
  const option: ChartOption = {
    title: { text: t('dashboard.trendTitle'), left: 0, top: 0, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 0 },
    grid: { left: 56, right: 56, top: 64, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.intervalStart.slice(5, 10)) },
    yAxis: [
      { type: 'value', name: t('metrics.offered.label'), nameGap: 12 },
      {
        type: 'value',
        name: t('metrics.serviceLevel.label'),
        nameGap: 12,
        min: 0,
        max: 1,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
    ],
    series: [
      { type: 'bar', name: t('metrics.offered.label'), data: days.map((d) => d.offered), itemStyle: { color: '#9db4d6' } },
      {
        type: 'line',
        name: t('metrics.serviceLevel.label'),
        yAxisIndex: 1,
        data: days.map((d) => d.serviceLevel),
        smooth: false,
        itemStyle: { color: '#1f5fbf' },
      },
    ],
  };
  return (
    <section aria-label={t('dashboard.title')}>
      <h2>{t('dashboard.title', { date: w.yesterday.from })}</h2>
      <div className="kpi-grid">
        {TILES.map((tile) => (
          <div key={tile.k} className="panel kpi">
            <div className="kpi-label">
              <MetricLabel k={tile.k} />
            </div>
            <div className="kpi-value num">{show(yesterday.data?.total?.[tile.field] ?? null, tile.kind, lang)}</div>
            <div className="kpi-sub muted num">
              {t('dashboard.avg28')}{' '}
              {show(
                trend.data?.total?.[tile.field] == null
                  ? null
                  : tile.kind === 'int'
                    ? Number(trend.data.total[tile.field]) / Math.max(1, days.length)
                    : (trend.data.total[tile.field] as number),
                tile.kind,
                lang,
              )}
            </div>
          </div>
        ))}
      </div>
      {days.length > 0 && (
        <div className="panel">
          <Chart option={option} height={260} ariaLabel={t('dashboard.trendTitle')} />
        </div>
      )}
    </section>
  );
}
