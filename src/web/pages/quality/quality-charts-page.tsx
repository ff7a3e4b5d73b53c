import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Pt {
  value: number;
  center: number;
  lcl: number;
  ucl: number;
}
interface Signal {
  rule: number;
  index: number;
  indices: number[];
  side: string;
}
interface Weekly {
  center: number;
  points: Pt[];
  signals: Signal[];
  weeks: { weekStart: string; defects: number; size: number }[];
}
interface ChartData {
  n: number;
  xmr: null | {
    individuals: { center: number; lcl: number; ucl: number; points: Pt[] };
    movingRange: { center: number; ucl: number; points: Pt[] };
    signals: Signal[];
    movingRangeSignals: Signal[];
    at: string[];
  };
  aht: null | { individuals: { points: Pt[] }; signals: Signal[]; days: { date: string }[] };
  p: null | Weekly;
  u: null | Weekly;
  c: null | { points: Pt[]; signals: Signal[]; evaluationIds: number[] };
}
interface ParetoRow {
  item: string;
  label: string;
  count: number;
  share: number;
  cumulativeShare: number;
  agents: number;
  agentShare: number;
  classification: string;
}
/** An XmR individuals chart with its limits as lines and the points of a run-rule signal in red. */
function controlOption(title: string, labels: string[], points: Pt[], signals: Signal[]): ChartOption {
  const flagged = new Set(signals.flatMap((s) => s.indices));
  return {
    title: { text: title, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', scale: true },
    series: [
      {
        type: 'line',
        name: 'x',
        data: points.map((p, i) => ({
          value: p.value,
          itemStyle: { color: flagged.has(i) ? '#c0392b' : '#1f5fbf' },
          symbolSize: flagged.has(i) ? 9 : 5,
        })),
      },
      {
        type: 'line',
        name: 'UCL',
        data: points.map((p) => p.ucl),
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#c0392b' },
        step: 'middle',
      },
      { type: 'line', name: 'CL', data: points.map((p) => p.center), showSymbol: false, lineStyle: { color: '#5b6b82' } },
      {
        type: 'line',
        name: 'LCL',
        data: points.map((p) => p.lcl),
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#c0392b' },
        step: 'middle',
      },
    ],
  };
}

/** 质量分析: each agent's scores over time on Deming's control charts, the team's Pareto of failed items, calibration. */
export default function QualityChartsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const seesAll = user.roles.some((r) => ['qa', 'manager', 'trainer', 'admin'].includes(r));
  const agents = useResource<{ items: { id: number; employeeNo: string; name: string }[] }>(
    seesAll || user.roles.includes('team_lead') ? '/agents' : null,
    { limit: 1000, status: 'active' },
  );
  const [agentId, setAgentId] = useState('');
  const [teamId, setTeamId] = useState('');
  const isLead = user.roles.includes('team_lead');
  // A team lead may chart only the team they lead (the API refuses other teams).
  const allTeams = useResource<{ items: { id: number; name: string; leaderAgentId: number | null }[] }>(
    seesAll || isLead ? '/teams' : null,
  );
  const teams = {
    data: allTeams.data && {
      items: seesAll ? allTeams.data.items : allTeams.data.items.filter((x) => x.leaderAgentId === user.agentId),
    },
  };
  const aid =
    agentId || (user.roles.includes('agent') && user.agentId ? String(user.agentId) : String(agents.data?.items[0]?.id ?? ''));
  const chart = useResource<ChartData>(teamId ? `/qa/charts/team/${teamId}` : aid ? `/qa/charts/agent/${aid}` : null);
  const pareto = useResource<{ agentsEvaluated: number; evaluations: number; items: ParetoRow[] }>(
    user.roles.some((r) => ['qa', 'manager', 'trainer', 'admin', 'team_lead'].includes(r)) ? '/qa/pareto' : null,
  );
  const c = chart.data;
  // Every chart of the subject with its run-rule signals: scores (X and MR), AHT per day, p / u per week, c per evaluation.
  const charts = useMemo(() => {
    if (!c) return [];
    const out: { key: string; title: string; option: ChartOption; signals: Signal[] }[] = [];
    const add = (key: string, title: string, labels: string[], points: Pt[], signals: Signal[]) =>
      out.push({ key, title, option: controlOption(title, labels, points, signals), signals });
    if (c.xmr) {
      const at = c.xmr.at.map((a) => a.slice(5, 10));
      add('x', t('qa.xChart'), at, c.xmr.individuals.points, c.xmr.signals);
      add('mr', t('qaPages.mrChart'), at.slice(1), c.xmr.movingRange.points, c.xmr.movingRangeSignals);
    }
    if (c.p)
      add(
        'p',
        t('qa.pChart'),
        c.p.weeks.map((w) => w.weekStart.slice(5)),
        c.p.points,
        c.p.signals,
      );
    if (c.u)
      add(
        'u',
        t('qaPages.uChart'),
        c.u.weeks.map((w) => w.weekStart.slice(5)),
        c.u.points,
        c.u.signals,
      );
    if (c.c)
      add(
        'c',
        t('qaPages.cChart'),
        c.c.evaluationIds.map((id) => `#${id}`),
        c.c.points,
        c.c.signals,
      );
    if (c.aht)
      add(
        'aht',
        t('qaPages.ahtChart'),
        c.aht.days.map((d) => d.date.slice(5)),
        c.aht.individuals.points,
        c.aht.signals,
      );
    return out;
  }, [c, t]);
  return (
    <section>
      <PageHeader title={t('nav.qualityCharts')} description={t('qa.deming')} />
      <ProblemAlert error={chart.error ?? pareto.error} />
      {agents.data && (
        <div className="panel filters">
          {teams.data && (
            <label>
              {t('nav.teams')}{' '}
              <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
                <option value="">{t('qaPages.oneAgent')}</option>
                {teams.data.items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('reports.agent')}{' '}
            <select value={aid} disabled={!!teamId} onChange={(e) => setAgentId(e.target.value)}>
              {agents.data.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.employeeNo} {a.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {c && (
        <p className="muted">
          {t('qa.nEvaluations', { n: c.n })}{' '}
          {c.xmr
            ? t('qa.limits', {
                center: formatNumber(c.xmr.individuals.center, 'zh-CN', 1),
                lcl: formatNumber(c.xmr.individuals.lcl, 'zh-CN', 1),
                ucl: formatNumber(c.xmr.individuals.ucl, 'zh-CN', 1),
              })
            : t('qa.tooFew')}
        </p>
      )}
      <div className="card-grid">
        {charts.map((ch) => (
          <div key={ch.key} className="panel" data-testid={`chart-${ch.key}`}>
            <Chart option={ch.option} height={260} />
          </div>
        ))}
      </div>
      {charts.some((ch) => ch.signals.length > 0) && (
        <div className="panel">
          <h2>{t('qa.signals')}</h2>
          <ul>
            {charts.flatMap((ch) =>
              ch.signals.map((s) => (
                <li key={`${ch.key}-${s.rule}-${s.index}`}>
                  <strong>{ch.title}</strong> · {t(`qa.rules.${s.rule}`)} — {s.indices.map((i) => i + 1).join(', ')}
                  {s.side ? ` (${t(`qa.side.${s.side}`, { defaultValue: s.side })})` : ''}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      {pareto.data && (
        <DataTable
          caption={t('qa.pareto', { agents: pareto.data.agentsEvaluated, n: pareto.data.evaluations })}
          rows={pareto.data.items}
          rowKey={(r) => r.item}
          exportName="training-needs"
          toolbar={
            <a className="button" href="/api/v1/qa/pareto?format=xlsx">
              {t('reports.exportXlsx')}
            </a>
          }
          columns={[
            { key: 'item', header: t('qa.item'), value: (r) => r.label },
            { key: 'count', header: t('qa.failures'), numeric: true, value: (r) => r.count },
            {
              key: 'cum',
              header: t('qa.cumulative'),
              numeric: true,
              value: (r) => r.cumulativeShare,
              render: (r) => formatPercent(r.cumulativeShare, 'zh-CN'),
            },
            {
              key: 'agentShare',
              header: t('qa.agentShare'),
              numeric: true,
              value: (r) => r.agentShare,
              render: (r) => `${formatPercent(r.agentShare, 'zh-CN')} (${r.agents})`,
            },
            { key: 'class', header: t('qa.class'), value: (r) => t(`qa.classes.${r.classification}`) },
          ]}
        />
      )}
      {seesAll && (
        <p className="muted">
          <Link to="/quality/calibration">{t('nav.calibration')}</Link> · <Link to="/quality/reports">{t('nav.qaReports')}</Link>
        </p>
      )}
    </section>
  );
}
