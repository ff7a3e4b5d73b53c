import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstFreeMonday, type PeriodOverlap, publishedOverlaps } from '../../../domain/schedule/schedule-periods.ts';
import { useResource } from '../../api/use-resource.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { EmergencyPanel } from './emergency-panel.tsx';
import { Violations, violationsOf } from './schedule-parts.tsx';

interface ScheduleItem {
  id: number;
  name: string;
  start: string;
  weeks: number;
  status: string;
  fit: number | null;
  gap: number | null;
  paidHours: number | null;
}
interface Detail {
  id: number;
  name: string;
  status: string;
  result: {
    fit: number | null;
    underHours: number;
    overHours: number;
    paidHours: number;
    lowerBound: number;
    gap: number;
    unfilledShifts: number;
    violations: unknown[];
    coverage: { intervalStart: string; skillGroup: string; required: number; scheduled: number }[];
    understaffed?: { intervalStart: string; skillGroup: string; predictedServiceLevel: number | null }[];
    warnings?: string[];
  };
  assignments: {
    agent: string;
    agentNo: string;
    team: string | null;
    date: string;
    shift: string;
    payRate: number;
    locked: boolean;
  }[];
  templates: { name: string; earliestStart: string; latestStart: string; startStepMinutes: number }[];
  skillGroups: string[];
}

/** 排班: build a schedule from the forecast, see coverage against the requirement and the grid, publish. */
export default function SchedulesPage() {
  const { t, i18n } = useTranslation();
  const { api, center } = useSignedIn();
  const [tick, setTick] = useState(0);
  const list = useResource<{ items: ScheduleItem[] }>('/schedules', { tick });
  const [selected, setSelected] = useState<number | null>(null);
  const id = selected ?? list.data?.items[0]?.id ?? null;
  const detail = useResource<Detail>(id ? `/schedules/${id}` : null, { tick });
  const picked = list.data?.items.find((s) => s.id === id);
  // A new schedule starts, unless the planner picks a date, on the Monday after the published ones (one published
  // schedule a day): known once the list is in, so building waits for it.
  const published = useMemo(() => (list.data?.items ?? []).filter((s) => s.status === 'published'), [list.data]);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: center?.timeZone ?? 'Asia/Shanghai' }).format(new Date());
  const [chosenStart, setStart] = useState<string | null>(null);
  const start = chosenStart ?? (list.data ? firstFreeMonday(published, today) : '');
  const overlapText = (overlaps: PeriodOverlap[]) =>
    new Intl.ListFormat(i18n.language).format(
      overlaps.map((o) => t('sched.overlapItem', { name: o.name, days: o.days > 1 ? `${o.from}…${o.to}` : o.from })),
    );
  const startOverlaps = start ? publishedOverlaps({ start, weeks: 1 }, published) : [];
  const draftOverlaps = picked?.status === 'draft' ? publishedOverlaps(picked, published) : [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // What the last refusal refused: a publish (the whole draft checked) or a change (what it would add).
  const [publishing, setPublishing] = useState(false);
  const run = async (fn: () => Promise<unknown>, publish = false) => {
    setBusy(true);
    setError(null);
    setPublishing(publish);
    try {
      await fn();
      setTick((x) => x + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const d = detail.data;
  const [edit, setEdit] = useState<{ agentNo: string; agent: string; date: string; shift: string; start: string } | null>(null);
  const starts = (name: string) => {
    const tp = d?.templates.find((x) => x.name === name);
    if (!tp) return [];
    const m = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3, 5));
    const out: string[] = [];
    for (let v = m(tp.earliestStart); v <= m(tp.latestStart); v += tp.startStepMinutes)
      out.push(`${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`);
    return out;
  };
  const refused = violationsOf(error);
  // The cells a refusal names ('agent: date: detail'), outlined in the grid with their rules so the planner finds them.
  const broken = new Map<string, string[]>();
  for (const v of refused?.violations ?? []) {
    const date = /^(\d{4}-\d{2}-\d{2}): /.exec(v.detail)?.[1];
    if (date)
      broken.set(`${v.agent}|${date}`, [
        ...(broken.get(`${v.agent}|${date}`) ?? []),
        t(`schedReq.rule.${v.rule}`, { defaultValue: v.rule }),
      ]);
  }
  const option = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    const byStart = new Map<string, { r: number; s: number }>();
    for (const c of d.result.coverage) {
      const e = byStart.get(c.intervalStart) ?? { r: 0, s: 0 };
      e.r += c.required;
      e.s += c.scheduled;
      byStart.set(c.intervalStart, e);
    }
    const keys = [...byStart.keys()].sort();
    const sl = new Map<string, number>();
    for (const u of d.result.understaffed ?? [])
      if (u.predictedServiceLevel != null)
        sl.set(u.intervalStart, Math.min(sl.get(u.intervalStart) ?? 1, u.predictedServiceLevel));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 56 },
      dataZoom: [{ type: 'slider', bottom: 8 }],
      xAxis: { type: 'category', data: keys.map((k) => `${k.slice(5, 10)} ${k.slice(11, 16)}`) },
      yAxis: [
        { type: 'value', name: t('sched.agents') },
        {
          type: 'value',
          name: t('sched.predictedSl'),
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          type: 'line',
          step: 'end',
          name: t('sched.required'),
          showSymbol: false,
          data: keys.map((k) => byStart.get(k)!.r),
          itemStyle: { color: '#c0392b' },
        },
        {
          type: 'line',
          step: 'end',
          name: t('sched.scheduled'),
          showSymbol: false,
          areaStyle: { opacity: 0.15 },
          data: keys.map((k) => byStart.get(k)!.s),
          itemStyle: { color: '#1f5fbf' },
        },
        {
          type: 'scatter',
          name: t('sched.predictedSl'),
          yAxisIndex: 1,
          symbolSize: 6,
          data: keys.map((k) => (sl.has(k) ? Math.round(sl.get(k)! * 1000) / 10 : null)),
          itemStyle: { color: '#e67e22' },
        },
      ],
    };
  }, [d, t]);
  const grid = useMemo(() => {
    if (!d) return null;
    const dates = [...new Set(d.assignments.map((a) => a.date))].sort();
    const agents = [...new Set(d.assignments.map((a) => a.agent))].sort();
    const cell = new Map(d.assignments.map((a) => [`${a.agent}|${a.date}`, a]));
    return { dates, agents, cell };
  }, [d]);
  return (
    <section>
      <PageHeader title={t('nav.schedules')} description={t('navDesc.schedules')} />
      <form
        className="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.post('/schedules', { start, weeks: 1 }));
        }}
      >
        <label>
          {t('sched.start')} <input name="start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={busy || !start}>
          {busy ? t('sched.building') : t('sched.build')}
        </button>
        {(list.data?.items.length ?? 0) > 0 && (
          <select aria-label={t('nav.schedules')} value={id ?? ''} onChange={(e) => setSelected(Number(e.target.value))}>
            {(list.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}（{t(`sched.status.${s.status}`)}）
              </option>
            ))}
          </select>
        )}
        {picked && (
          <button
            type="button"
            className="button"
            disabled={busy}
            title={t('sched.reoptimiseHelp')}
            onClick={() =>
              void run(() => api.post('/schedules', { start: picked.start, weeks: picked.weeks, keepLocksFrom: picked.id }))
            }
          >
            {t('sched.reoptimise')}
          </button>
        )}
        {d && d.status === 'draft' && (
          <button type="button" className="button" onClick={() => void run(() => api.post(`/schedules/${d.id}/publish`), true)}>
            {t('sched.publish')}
          </button>
        )}
      </form>
      {refused ? (
        <div className="alert alert-error" role="alert">
          {t(
            !publishing
              ? 'schedReq.refused'
              : refused.violations.every((v) => v.rule === 'published_overlap')
                ? 'sched.publishOverlap'
                : 'sched.publishRefused',
          )}
          <Violations check={refused} />
        </div>
      ) : (
        <ProblemAlert error={error ?? list.error ?? detail.error} />
      )}
      {startOverlaps.length > 0 && (
        <div className="alert alert-warn" role="status" data-testid="start-published">
          {t('sched.startPublished', { overlaps: overlapText(startOverlaps) })}
        </div>
      )}
      {draftOverlaps.length > 0 && !refused && (
        <div className="alert alert-warn" role="status" data-testid="draft-overlaps">
          {t('sched.draftOverlaps', { overlaps: overlapText(draftOverlaps) })}
        </div>
      )}
      {list.data?.items.length === 0 && (
        <div className="panel" data-testid="schedule-empty">
          <p className="muted">{t('sched.empty', { build: t('sched.build') })}</p>
        </div>
      )}
      {d && (
        <div className="kpi-grid">
          <div className="panel kpi">
            <div className="kpi-label">{t('metrics.scheduleFit.label')}</div>
            <div className="kpi-value num">{formatPercent(d.result.fit, 'zh-CN')}</div>
            <div className="kpi-sub muted">
              {t('sched.underOver', {
                under: formatNumber(d.result.underHours, 'zh-CN', 1),
                over: formatNumber(d.result.overHours, 'zh-CN', 1),
              })}
            </div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">{t('sched.paidHours')}</div>
            <div className="kpi-value num">{formatNumber(d.result.paidHours, 'zh-CN', 0)}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">{t('sched.gap')}</div>
            <div className="kpi-value num">{formatPercent(d.result.gap, 'zh-CN', 2)}</div>
            <div className="kpi-sub muted">{t('sched.bound', { bound: formatNumber(d.result.lowerBound, 'zh-CN', 0) })}</div>
          </div>
          <div className="panel kpi">
            <div className="kpi-label">{t('sched.violations')}</div>
            <div className="kpi-value num">{d.result.violations.length}</div>
            <div className="kpi-sub muted">{t('sched.unfilled', { n: d.result.unfilledShifts })}</div>
          </div>
        </div>
      )}
      {d?.result.warnings?.length ? (
        <div className="alert alert-warn" role="status">
          {d.result.warnings.join('；')}
        </div>
      ) : null}
      {option && (
        <div className="panel">
          <Chart option={option} height={300} ariaLabel={t('sched.coverage')} />
        </div>
      )}
      {d && edit && (
        <form
          className="panel filters"
          data-testid="cell-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api.put(`/schedules/${d.id}/cells`, {
                agent: edit.agentNo,
                date: edit.date,
                shift: edit.shift || null,
                ...(edit.shift && edit.start ? { start: edit.start } : {}),
              });
              setEdit(null);
            });
          }}
        >
          <strong>
            {t('sched.editCell')}：{edit.agent} {edit.date}
          </strong>
          <label>
            {t('sched.shift')}{' '}
            <select
              name="shift"
              value={edit.shift}
              onChange={(e) => setEdit({ ...edit, shift: e.target.value, start: starts(e.target.value)[0] ?? '' })}
            >
              <option value="">{t('sched.rest')}</option>
              {d.templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          {edit.shift && (
            <label>
              {t('sched.time')}{' '}
              <select name="start" value={edit.start} onChange={(e) => setEdit({ ...edit, start: e.target.value })}>
                {starts(edit.shift).map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="button primary" disabled={busy}>
            {t('sched.save')}
          </button>
          <button type="button" className="button" onClick={() => setEdit(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {grid && (
        <div className="panel table-scroll">
          <p className="muted">{t('sched.clickToEdit')}</p>
          <table className="data-table schedule-grid">
            <thead>
              <tr>
                <th>{t('reports.agent')}</th>
                {grid.dates.map((x) => (
                  <th key={x}>{x.slice(5)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.agents.map((a) => (
                <tr key={a}>
                  <td>{a}</td>
                  {grid.dates.map((x) => {
                    const c = grid.cell.get(`${a}|${x}`);
                    const agentNo = c?.agentNo ?? a.split(' ')[0] ?? '';
                    const rules = broken.get(`${agentNo}|${x}`);
                    const open = () => {
                      setError(null);
                      setEdit({ agentNo, agent: a, date: x, shift: c ? (c.shift.split('·')[0] ?? '') : '', start: '' });
                    };
                    // Dropping one cell on another exchanges them (a move when one is a rest day), checked by the server.
                    const drop = (from: string) => {
                      const [fa = '', fd = ''] = from.split('|');
                      if (fa === agentNo && fd === x) return;
                      void run(() =>
                        api.put(`/schedules/${d!.id}/cells`, { agent: agentNo, date: x, swapWith: { agent: fa, date: fd } }),
                      );
                    };
                    return (
                      <td
                        key={x}
                        className={`${c ? `shift shift-${c.shift.split('·')[0]}` : 'muted'} editable`}
                        title={
                          [c && `${c.shift}${c.locked ? ` · ${t('sched.locked')}` : ''}`, rules?.join('、')]
                            .filter(Boolean)
                            .join(' · ') || undefined
                        }
                        data-broken={rules?.join('、')}
                        style={rules ? { outline: '2px solid var(--danger)', outlineOffset: -2 } : undefined}
                        onDragOver={(e) => e.preventDefault()}
                        onDrop={(e) => {
                          e.preventDefault();
                          drop(e.dataTransfer.getData('text/plain'));
                        }}
                      >
                        <button
                          type="button"
                          className="cell-button"
                          onClick={open}
                          data-cell={`${agentNo}|${x}`}
                          draggable
                          onDragStart={(e) => e.dataTransfer.setData('text/plain', `${agentNo}|${x}`)}
                        >
                          {c ? c.shift.split('·')[0] : t('sched.rest')}
                          {c && c.payRate > 1 ? ` ×${c.payRate}` : ''}
                          {c?.locked ? ' 🔒' : ''}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d && (
        <EmergencyPanel
          scheduleId={d.id}
          dates={grid?.dates ?? []}
          skillGroups={d.skillGroups}
          onAccepted={() => setTick((x) => x + 1)}
        />
      )}
    </section>
  );
}
