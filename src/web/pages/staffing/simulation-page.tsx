import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart.tsx';
import type { Column } from '../../components/column.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { DEFAULT_SCENARIO, intervalLabel, nextId, type SimulationForm, simulateRequest } from './simulation-form.ts';
import { simulationOption } from './staffing-charts.ts';
import type { Estimate, SimMetric, SimStats, SimulationAnswer } from './staffing-types.ts';

const SHARES: SimMetric[] = ['serviceLevel', 'abandonRate', 'pWait', 'occupancy'];
const CHART_METRICS: SimMetric[] = [
  'serviceLevel',
  'abandonRate',
  'occupancy',
  'pWait',
  'asaSeconds',
  'meanWaitSeconds',
  'offered',
];

/** 仿真: a small multi-skill scenario → per-interval results with 95 % confidence bands. */
export default function SimulationPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { api } = useSignedIn();
  const [f, setF] = useState<SimulationForm>(DEFAULT_SCENARIO);
  const [answer, setAnswer] = useState<SimulationAnswer | null>(null);
  const [metric, setMetric] = useState<SimMetric>('serviceLevel');
  const [error, setError] = useState<unknown>(null);
  const [badList, setBadList] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setError(null);
    setBadList(null);
    const r = simulateRequest(f);
    if ('badQueue' in r) {
      setBadList(t('staffing.sim.badList', { field: f.queues[r.badQueue]?.name ?? '' }));
      return;
    }
    setBusy(true);
    try {
      setAnswer(await api.post<SimulationAnswer>('/staffing/simulate', r.body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const setQueue = (i: number, patch: Partial<SimulationForm['queues'][number]>) =>
    setF({ ...f, queues: f.queues.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const setAgents = (i: number, patch: Partial<SimulationForm['agents'][number]>) =>
    setF({ ...f, agents: f.agents.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const addQueue = () =>
    setF({
      ...f,
      queues: [
        ...f.queues,
        { id: nextId('q', f.queues), name: `Q${f.queues.length + 1}`, calls: '30', ahtSeconds: '180', patienceSeconds: '120' },
      ],
      agents: f.agents.map((a) => ({ ...a, priorities: [...a.priorities, ''] })),
    });
  const removeQueue = (i: number) =>
    setF({
      ...f,
      queues: f.queues.filter((_, j) => j !== i),
      agents: f.agents.map((a) => ({ ...a, priorities: a.priorities.filter((_, j) => j !== i) })),
    });

  const minutes = answer ? answer.intervalSeconds / 60 : 30;
  const intervalCount = answer ? Math.max(0, ...answer.intervals.map((r) => (r.interval ?? 0) + 1)) : 0;
  const labels = useMemo(
    () => Array.from({ length: intervalCount }, (_, i) => intervalLabel(i, minutes, f.startTime)),
    [intervalCount, minutes, f.startTime],
  );
  const option = useMemo(
    () => (answer ? simulationOption(answer.intervals, metric, labels, t('staffing.sim.ci')) : null),
    [answer, metric, labels, t],
  );

  const show = (m: SimMetric, e: Estimate) => {
    if (e.mean === null) return '—';
    const share = SHARES.includes(m);
    const v = share ? formatPercent(e.mean, lang, 1) : formatNumber(e.mean, lang, 1);
    if (e.halfWidth === null) return v;
    return `${v} ± ${share ? formatPercent(e.halfWidth, lang, 1) : formatNumber(e.halfWidth, lang, 1)}`;
  };
  const metricColumns = (['offered', 'serviceLevel', 'abandonRate', 'asaSeconds', 'occupancy'] as SimMetric[]).map<
    Column<SimStats>
  >((m) => ({
    key: m,
    header: t(`staffing.sim.metrics.${m}`),
    numeric: true,
    value: (r) => r[m].mean,
    render: (r) => show(m, r[m]),
  }));
  const intervalColumns: Column<SimStats>[] = [
    { key: 'queue', header: t('staffing.sim.queue'), value: (r) => r.queue },
    { key: 'interval', header: t('staffing.sim.interval'), value: (r) => (r.interval === null ? '' : labels[r.interval]) },
    ...metricColumns,
  ];

  return (
    <section>
      <PageHeader title={t('nav.staffingSimulation')} description={t('staffing.sim.hint', { replications: f.replications })} />
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="filters">
          <label>
            {t('staffing.sim.startTime')}{' '}
            <input name="startTime" type="time" value={f.startTime} onChange={(e) => setF({ ...f, startTime: e.target.value })} />
          </label>
          <label>
            {t('staffing.sim.intervalMinutes')}{' '}
            <input
              name="intervalMinutes"
              size={4}
              value={f.intervalMinutes}
              onChange={(e) => setF({ ...f, intervalMinutes: e.target.value })}
            />
          </label>
          <label>
            {t('staffing.slSeconds')}{' '}
            <input name="slSeconds" size={4} value={f.slSeconds} onChange={(e) => setF({ ...f, slSeconds: e.target.value })} />{' '}
            {t('staffing.seconds')}
          </label>
          <label>
            {t('staffing.sim.replications')}{' '}
            <input
              name="replications"
              size={4}
              value={f.replications}
              onChange={(e) => setF({ ...f, replications: e.target.value })}
            />
          </label>
          <label>
            {t('staffing.sim.seed')}{' '}
            <input name="seed" size={6} value={f.seed} onChange={(e) => setF({ ...f, seed: e.target.value })} />
          </label>
        </div>
        <h2>{t('staffing.sim.queues')}</h2>
        <table className="staffing-form-table">
          <thead>
            <tr>
              <th>{t('staffing.sim.queue')}</th>
              <th>{t('staffing.sim.callsPerInterval')}</th>
              <th>
                {t('metrics.aht.label')} ({t('staffing.seconds')})
              </th>
              <th>
                {t('staffing.patience')} ({t('staffing.seconds')})
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {f.queues.map((q, i) => (
              <tr key={q.id}>
                <td>
                  <input
                    aria-label={t('staffing.sim.queue')}
                    size={10}
                    value={q.name}
                    onChange={(e) => setQueue(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('staffing.sim.callsPerInterval')}
                    className="staffing-wide"
                    value={q.calls}
                    onChange={(e) => setQueue(i, { calls: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('metrics.aht.label')}
                    size={5}
                    value={q.ahtSeconds}
                    onChange={(e) => setQueue(i, { ahtSeconds: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('staffing.patience')}
                    size={5}
                    value={q.patienceSeconds}
                    onChange={(e) => setQueue(i, { patienceSeconds: e.target.value })}
                  />
                </td>
                <td>
                  {f.queues.length > 1 && (
                    <button type="button" className="button" onClick={() => removeQueue(i)}>
                      {t('staffing.sim.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {f.queues.length < 3 && (
          <button type="button" className="button" onClick={addQueue}>
            {t('staffing.sim.addQueue')}
          </button>
        )}
        <h2>{t('staffing.sim.agentGroups')}</h2>
        <table className="staffing-form-table">
          <thead>
            <tr>
              <th>{t('staffing.sim.count')}</th>
              {f.queues.map((q) => (
                <th key={q.id}>{t('staffing.sim.skillPriority', { queue: q.name })}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {f.agents.map((a, i) => (
              <tr key={a.id}>
                <td>
                  <input
                    aria-label={t('staffing.sim.count')}
                    size={4}
                    value={a.count}
                    onChange={(e) => setAgents(i, { count: e.target.value })}
                  />
                </td>
                {f.queues.map((q, j) => (
                  <td key={q.id}>
                    <select
                      aria-label={t('staffing.sim.skillPriority', { queue: q.name })}
                      value={a.priorities[j] ?? ''}
                      onChange={(e) =>
                        setAgents(i, { priorities: f.queues.map((_, k) => (k === j ? e.target.value : (a.priorities[k] ?? ''))) })
                      }
                    >
                      <option value="">{t('staffing.sim.noSkill')}</option>
                      <option value="1">1</option>
                      <option value="2">2</option>
                      <option value="3">3</option>
                    </select>
                  </td>
                ))}
                <td>
                  {f.agents.length > 1 && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setF({ ...f, agents: f.agents.filter((_, k) => k !== i) })}
                    >
                      {t('staffing.sim.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="staffing-actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              setF({
                ...f,
                agents: [
                  ...f.agents,
                  { id: nextId('g', f.agents), count: '1', priorities: f.queues.map((_, j) => (j === 0 ? '1' : '')) },
                ],
              })
            }
          >
            {t('staffing.sim.addAgents')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('staffing.sim.running') : t('staffing.sim.run')}
          </button>
        </div>
      </form>
      {badList && (
        <div className="alert alert-error" role="alert">
          {badList}
        </div>
      )}
      <ProblemAlert error={error} />
      {answer && option && (
        <>
          <div className="panel">
            <div className="filters">
              <label>
                {t('staffing.sim.metric')}{' '}
                <select name="metric" value={metric} onChange={(e) => setMetric(e.target.value as SimMetric)}>
                  {CHART_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {t(`staffing.sim.metrics.${m}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <Chart option={option} height={320} ariaLabel={t(`staffing.sim.metrics.${metric}`)} />
          </div>
          <div className="panel">
            <h2>{t('staffing.sim.totals')}</h2>
            <DataTable
              caption={t('staffing.sim.totals')}
              rows={answer.totals}
              rowKey={(r) => r.queue}
              columns={[{ key: 'queue', header: t('staffing.sim.queue'), value: (r) => r.queue }, ...metricColumns]}
            />
          </div>
          <DataTable
            caption={t('nav.staffingSimulation')}
            rows={answer.intervals}
            rowKey={(r) => `${r.queue}-${r.interval}`}
            exportName="simulation"
            columns={intervalColumns}
          />
        </>
      )}
    </section>
  );
}
