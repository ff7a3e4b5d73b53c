import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Chart } from '../../components/chart.tsx';
import type { Column } from '../../components/column.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { mondayOf, type PlanRequest, planSource, plusDays } from './plan-source.ts';
import { planSummary } from './plan-summary.ts';
import { planOption, shortStart } from './staffing-charts.ts';
import type { PlanAnswer, PlanRow } from './staffing-types.ts';
import { ModelDefinitions, TermLabel } from './term-label.tsx';

/** 人力需求: required agents and positions per interval over a week for one skill group. */
export default function PlanPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { api } = useSignedIn();
  const groups = useResource<{ items: { id: number; name: string }[] }>('/skill-groups');
  const [groupId, setGroupId] = useState<number | null>(null);
  const [monday, setMonday] = useState<string | null>(null);
  const [interval, setIntervalMinutes] = useState<15 | 30>(30);
  const [model, setModel] = useState<'c' | 'a'>('c');
  const [shrinkage, setShrinkage] = useState('30');
  const [patience, setPatience] = useState('');
  const [maxAbandon, setMaxAbandon] = useState('5');
  const [plan, setPlan] = useState<{ data?: PlanAnswer; error: unknown; loading: boolean }>({ error: null, loading: false });

  const gid = groupId ?? groups.data?.items[0]?.id ?? null;
  const request = useMemo<PlanRequest | null>(
    () =>
      gid === null
        ? null
        : {
            skillGroupId: gid,
            monday,
            interval,
            model,
            shrinkage: Number(shrinkage) / 100,
            patienceSeconds: patience.trim() === '' ? null : Number(patience),
            maxAbandonRate: maxAbandon.trim() === '' ? null : Number(maxAbandon) / 100,
          },
    [gid, monday, interval, model, shrinkage, patience, maxAbandon],
  );

  useEffect(() => {
    if (!request) return;
    let current = true;
    setPlan((p) => ({ ...p, loading: true }));
    planSource(api, request).then(
      (data) => current && setPlan({ data, error: null, loading: false }),
      (error: unknown) => current && setPlan({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [api, request]);

  const data = plan.data;
  const rows = data?.rows ?? [];
  const summary = planSummary(rows, data?.interval ?? interval);
  const option = useMemo(
    () =>
      planOption(rows, {
        agents: t('staffing.terms.agents.label'),
        positions: t('staffing.terms.positions.label'),
        calls: t('staffing.calls'),
      }),
    [rows, t],
  );
  const columns: Column<PlanRow>[] = [
    {
      key: 'start',
      header: t('staffing.plan.start'),
      value: (r) => r.start.slice(0, 16).replace('T', ' '),
      render: (r) => shortStart(r.start),
    },
    { key: 'calls', header: t('staffing.calls'), numeric: true, value: (r) => r.calls },
    {
      key: 'aht',
      header: t('staffing.plan.aht'),
      numeric: true,
      value: (r) => r.ahtSeconds,
      render: (r) => (
        <span title={r.ahtSource === 'period' ? t('staffing.plan.ahtFromPeriod') : undefined}>
          {formatNumber(r.ahtSeconds, lang, 1)}
          {r.ahtSource === 'period' ? '*' : ''}
        </span>
      ),
    },
    {
      key: 'traffic',
      header: t('staffing.terms.traffic.label'),
      headerNode: <TermLabel k="traffic" model={model} />,
      numeric: true,
      value: (r) => r.traffic,
      render: (r) => formatNumber(r.traffic, lang, 2),
    },
    {
      key: 'agents',
      header: t('staffing.terms.agents.label'),
      headerNode: <TermLabel k="agents" model={model} />,
      numeric: true,
      value: (r) => r.agents,
    },
    {
      key: 'fractional',
      header: t('staffing.terms.fractionalAgents.label'),
      headerNode: <TermLabel k="fractionalAgents" model={model} />,
      numeric: true,
      value: (r) => Math.round(r.fractionalAgents * 100) / 100,
      render: (r) => formatNumber(r.fractionalAgents, lang, 2),
    },
    {
      key: 'positions',
      header: t('staffing.terms.positions.label'),
      headerNode: <TermLabel k="positions" model={model} />,
      numeric: true,
      value: (r) => r.positions,
    },
    {
      key: 'sl',
      header: t('staffing.terms.serviceLevel.label'),
      headerNode: <TermLabel k="serviceLevel" model={model} />,
      numeric: true,
      value: (r) => r.serviceLevel,
      render: (r) => formatPercent(r.serviceLevel, lang, 1),
    },
    {
      key: 'asa',
      header: t('staffing.terms.asa.label'),
      headerNode: <TermLabel k="asa" model={model} />,
      numeric: true,
      value: (r) => r.asaSeconds,
      render: (r) => formatNumber(r.asaSeconds, lang, 1),
    },
    {
      key: 'abandon',
      header: t('staffing.terms.pAbandon.label'),
      headerNode: <TermLabel k="pAbandon" model={model} />,
      numeric: true,
      value: (r) => r.pAbandon,
      render: (r) => formatPercent(r.pAbandon, lang, 1),
    },
    {
      key: 'occupancy',
      header: t('staffing.terms.occupancy.label'),
      headerNode: <TermLabel k="occupancy" model={model} />,
      numeric: true,
      value: (r) => r.occupancy,
      render: (r) => formatPercent(r.occupancy, lang, 1),
    },
  ];
  const modelName = t(model === 'a' ? 'staffing.modelA' : 'staffing.modelC');

  return (
    <section>
      <PageHeader
        title={t('nav.staffingPlan')}
        description={
          data
            ? t('staffing.plan.hint', {
                model: modelName,
                target: Math.round(data.skillGroup.slTarget * 1000) / 10,
                seconds: data.skillGroup.slSeconds,
                shrinkage,
              })
            : t('navDesc.staffingPlan')
        }
      />
      <ModelDefinitions />
      <form className="panel filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.skillGroup')}{' '}
          <select name="skillGroup" value={gid ?? ''} onChange={(e) => setGroupId(Number(e.target.value))}>
            {(groups.data?.items ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staffing.plan.weekOf')}{' '}
          <input
            type="date"
            name="week"
            value={monday ?? data?.from ?? ''}
            onChange={(e) => setMonday(e.target.value ? mondayOf(e.target.value) : null)}
          />
        </label>
        <button type="button" className="button" onClick={() => setMonday(null)} disabled={monday === null}>
          {t('staffing.plan.lastWeek')}
        </button>
        <label>
          {t('staffing.plan.interval')}{' '}
          <select name="interval" value={interval} onChange={(e) => setIntervalMinutes(e.target.value === '15' ? 15 : 30)}>
            <option value="30">{t('staffing.plan.minutes', { n: 30 })}</option>
            <option value="15">{t('staffing.plan.minutes', { n: 15 })}</option>
          </select>
        </label>
        <label>
          {t('staffing.model')}{' '}
          <select name="model" value={model} onChange={(e) => setModel(e.target.value === 'a' ? 'a' : 'c')}>
            <option value="c">{t('staffing.modelC')}</option>
            <option value="a">{t('staffing.modelA')}</option>
          </select>
        </label>
        {model === 'a' && (
          <>
            <label>
              {t('staffing.patience')}{' '}
              <input
                name="patience"
                inputMode="decimal"
                size={5}
                value={patience}
                placeholder={data?.patienceSeconds ? String(Math.round(data.patienceSeconds)) : ''}
                onChange={(e) => setPatience(e.target.value)}
              />{' '}
              {t('staffing.seconds')}
            </label>
            <label>
              {t('staffing.maxAbandon')}{' '}
              <input
                name="maxAbandon"
                inputMode="decimal"
                size={4}
                value={maxAbandon}
                onChange={(e) => setMaxAbandon(e.target.value)}
              />
              %
            </label>
          </>
        )}
        <label>
          {t('staffing.shrinkage')}{' '}
          <input name="shrinkage" inputMode="decimal" size={4} value={shrinkage} onChange={(e) => setShrinkage(e.target.value)} />
          %
        </label>
      </form>
      <ProblemAlert error={plan.error ?? groups.error} />
      {data && (
        <p className="muted" data-testid="plan-summary">
          {t('staffing.plan.summary', {
            from: data.from,
            toLast: plusDays(data.to, -1),
            calls: formatNumber(summary.calls, lang),
            peak: summary.peakAgents,
            peakPositions: summary.peakPositions,
            hours: formatNumber(summary.agentHours, lang, 1),
          })}
          {data.model === 'a' &&
            data.patienceSeconds !== null &&
            patience.trim() === '' &&
            ` · ${t('staffing.plan.patienceEstimated', { value: formatNumber(data.patienceSeconds, lang, 0) })}`}
          {` · ${t('staffing.plan.source')}`}
        </p>
      )}
      {rows.length > 0 && (
        <div className="panel">
          <Chart option={option} height={360} ariaLabel={t('staffing.plan.chart')} />
        </div>
      )}
      <DataTable
        caption={t('nav.staffingPlan')}
        rows={rows}
        rowKey={(r) => r.start}
        loading={plan.loading}
        exportName="staffing-plan"
        columns={columns}
      />
    </section>
  );
}
