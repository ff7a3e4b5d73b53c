import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Point {
  intervalStart: string;
  offered: number;
  ahtSeconds: number | null;
}
interface Forecast {
  skillGroup: string;
  model: string;
  fallback: string | null;
  backtest: { model: string; wape: number | null }[];
  history: Point[];
  intervals: Point[];
  adjustments: { id: number; from: string; to: string; kind: string; value: number; reason: string; author: string }[];
}
interface Run {
  id: number;
  createdAt: string;
  createdBy: string;
  model: string;
  accuracy: { intervals: number; wape: number | null; mape: number | null; bias: number | null } | null;
}
interface PlanRow {
  start: string;
  agents: number;
  positions: number;
}

/** 话务预测: history and forecast on one chart, the model chosen by backtest, adjustments, accuracy of past forecasts. */
export default function ForecastPage() {
  const { t } = useTranslation();
  const { api, user } = useSignedIn();
  const groups = useResource<{ items: { id: number; name: string; slThresholdSeconds: number; slTarget: number }[] }>(
    '/skill-groups',
  );
  const [groupId, setGroupId] = useState('');
  const [model, setModel] = useState('auto');
  const [tick, setTick] = useState(0);
  const [adj, setAdj] = useState({ from: '', to: '', kind: 'percent', value: '', reason: '' });
  const [error, setError] = useState<unknown>(null);
  const [plan, setPlan] = useState<PlanRow[] | null>(null);
  const group = groups.data?.items.find((g) => String(g.id) === groupId) ?? groups.data?.items[0];
  const gid = group?.id;
  const fc = useResource<Forecast>(gid ? '/forecast' : null, { skillGroupId: gid, horizonDays: 14, model, tick });
  const runs = useResource<{ items: Run[] }>(gid ? '/forecast/runs' : null, { skillGroupId: gid, tick });
  const canEdit = user.roles.some((r) => r === 'planner' || r === 'manager');
  const f = fc.data;

  const option = useMemo<ChartOption | null>(() => {
    if (!f) return null;
    const labels = [...f.history, ...f.intervals].map((p) => `${p.intervalStart.slice(5, 10)} ${p.intervalStart.slice(11, 16)}`);
    const h = f.history.length;
    const byStart = new Map((plan ?? []).map((p) => [p.start, p.agents]));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 56 },
      dataZoom: [{ type: 'slider', bottom: 8, start: 30 }],
      xAxis: { type: 'category', data: labels },
      yAxis: [
        { type: 'value', name: t('fc.calls') },
        // The agents' axis is named only once there is a plan to draw on it.
        { type: 'value', name: plan ? t('staffing.agents') : '', splitLine: { show: false } },
      ],
      series: [
        {
          type: 'line',
          name: t('fc.actual'),
          showSymbol: false,
          data: [...f.history.map((p) => p.offered), ...f.intervals.map(() => null)],
          itemStyle: { color: '#5b6b82' },
        },
        {
          type: 'line',
          name: t('fc.forecast'),
          showSymbol: false,
          data: [...f.history.map(() => null), ...f.intervals.map((p) => p.offered)],
          itemStyle: { color: '#1f5fbf' },
          lineStyle: { type: 'dashed' },
          markLine: { symbol: 'none', label: { formatter: t('fc.forecastStart') }, data: [{ xAxis: h }] },
        },
        ...(plan
          ? [
              {
                type: 'line' as const,
                step: 'end' as const,
                yAxisIndex: 1,
                name: t('staffing.agents'),
                showSymbol: false,
                data: [...f.history.map(() => null), ...f.intervals.map((p) => byStart.get(p.intervalStart) ?? null)],
                itemStyle: { color: '#d9822b' },
              },
            ]
          : []),
      ],
    };
  }, [f, plan, t]);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setTick((x) => x + 1);
    } catch (err) {
      setError(err);
    }
  };
  const staff = () =>
    run(async () => {
      if (!f || !group) return;
      const res = await api.post<{ rows: PlanRow[] }>('/staffing/plan', {
        intervals: f.intervals.map((p) => ({
          skillGroup: f.skillGroup,
          start: p.intervalStart,
          calls: p.offered,
          ahtSeconds: p.ahtSeconds ?? 200,
        })),
        intervalSeconds: 1800,
        targets: { serviceLevel: group.slTarget, slSeconds: group.slThresholdSeconds },
        shrinkage: 0.3,
      });
      setPlan(res.rows);
    });

  return (
    <section>
      <PageHeader title={t('nav.forecast')} description={t('navDesc.forecast')} />
      <form className="panel filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.skillGroup')}{' '}
          <select
            value={gid ?? ''}
            onChange={(e) => {
              setGroupId(e.target.value);
              setPlan(null);
            }}
          >
            {(groups.data?.items ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('fc.model')}{' '}
          <select
            value={model}
            onChange={(e) => {
              setModel(e.target.value);
              setPlan(null);
            }}
          >
            {['auto', 'naive', 'profile', 'holt-winters', 'regression'].map((m) => (
              <option key={m} value={m}>
                {t(`fc.models.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void staff()}>
          {t('fc.staffFromForecast')}
        </button>
        {canEdit && (
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.post('/forecast/runs', { skillGroupId: gid, horizonDays: 14, model }))}
          >
            {t('fc.save')}
          </button>
        )}
      </form>
      <ProblemAlert error={fc.error ?? error} />
      {f?.fallback && <div className="alert alert-warn">{f.fallback}</div>}
      {f && <p className="muted">{t('fc.chosen', { model: t(`fc.models.${f.model}`) })}</p>}
      {option && (
        <div className="panel">
          <Chart option={option} height={340} ariaLabel={t('nav.forecast')} />
        </div>
      )}
      <div className="card-grid">
        <DataTable
          caption={t('fc.backtest')}
          rows={f?.backtest ?? []}
          rowKey={(b) => b.model}
          columns={[
            { key: 'model', header: t('fc.model'), value: (b) => t(`fc.models.${b.model}`) },
            { key: 'wape', header: 'WAPE', numeric: true, value: (b) => b.wape, render: (b) => formatPercent(b.wape, 'zh-CN') },
          ]}
        />
        <DataTable
          caption={t('fc.accuracy')}
          rows={runs.data?.items ?? []}
          rowKey={(r) => r.id}
          columns={[
            { key: 'createdAt', header: t('fc.savedAt'), value: (r) => r.createdAt.slice(0, 16).replace('T', ' ') },
            { key: 'model', header: t('fc.model'), value: (r) => t(`fc.models.${r.model}`) },
            { key: 'n', header: 'n', numeric: true, value: (r) => r.accuracy?.intervals ?? 0 },
            {
              key: 'wape',
              header: 'WAPE',
              numeric: true,
              value: (r) => r.accuracy?.wape ?? null,
              render: (r) => formatPercent(r.accuracy?.wape ?? null, 'zh-CN'),
            },
            {
              key: 'mape',
              header: 'MAPE',
              numeric: true,
              value: (r) => r.accuracy?.mape ?? null,
              render: (r) => formatPercent(r.accuracy?.mape ?? null, 'zh-CN'),
            },
            {
              key: 'bias',
              header: t('fc.bias'),
              numeric: true,
              value: (r) => r.accuracy?.bias ?? null,
              render: (r) => formatPercent(r.accuracy?.bias ?? null, 'zh-CN'),
            },
          ]}
        />
      </div>
      <div className="panel">
        <h2>{t('fc.adjustments')}</h2>
        {canEdit && (
          <form
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() =>
                api.post('/forecast/adjustments', {
                  skillGroupId: gid,
                  from: adj.from,
                  to: adj.to,
                  kind: adj.kind,
                  value: Number(adj.value),
                  reason: adj.reason,
                }),
              );
            }}
          >
            <label>
              {t('audit.from')} <input type="date" value={adj.from} onChange={(e) => setAdj({ ...adj, from: e.target.value })} />
            </label>
            <label>
              {t('fc.toInclusive')} <input type="date" value={adj.to} onChange={(e) => setAdj({ ...adj, to: e.target.value })} />
            </label>
            <select aria-label={t('fc.kind')} value={adj.kind} onChange={(e) => setAdj({ ...adj, kind: e.target.value })}>
              <option value="percent">%</option>
              <option value="absolute">{t('fc.callsPerDay')}</option>
            </select>
            <input
              aria-label={t('fc.value')}
              inputMode="decimal"
              size={6}
              value={adj.value}
              onChange={(e) => setAdj({ ...adj, value: e.target.value })}
            />
            <input
              aria-label={t('fc.reason')}
              placeholder={t('fc.reasonHint')}
              value={adj.reason}
              onChange={(e) => setAdj({ ...adj, reason: e.target.value })}
            />
            <button type="submit" className="button primary">
              {t('fc.addAdjustment')}
            </button>
          </form>
        )}
        <ul className="link-list">
          {(f?.adjustments ?? []).map((a) => (
            <li key={a.id}>
              {a.from}–{a.to}{' '}
              {a.kind === 'percent'
                ? `${a.value > 0 ? '+' : ''}${formatNumber(a.value, 'zh-CN')}%`
                : `${formatNumber(a.value, 'zh-CN')} ${t('fc.callsPerDay')}`}{' '}
              · {a.reason} · {a.author}
              {canEdit && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void run(() => api.del(`/forecast/adjustments/${a.id}`))}
                  >
                    {t('common.delete', { defaultValue: '×' })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
