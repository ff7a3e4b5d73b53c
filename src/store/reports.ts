import { DateTime } from 'luxon';
import type { IntervalSpec } from '../domain/metrics/interval-bucket.ts';
import { type GroupBy, type IntervalRow, rollUpCells, type SlDefinition } from '../domain/metrics/intervals.ts';
import type { Db } from './audit.ts';
import { agentMapFor, loadCells, loadQueueCells, loadReportContext } from './interval-cells.ts';

export interface IntervalReportQuery {
  /** First day, YYYY-MM-DD in the center's zone. */
  from: string;
  /** Day after the last day (exclusive), YYYY-MM-DD. */
  to: string;
  interval: IntervalSpec;
  by: GroupBy;
  /** Skill-group name (or raw queue name) to keep. */
  queue?: string;
  slDefinition?: SlDefinition;
  /** Keep only rows of these agents / teams (for a team lead's scope). */
  onlyTeams?: string[];
}

/** Instants of local midnights of `from` and `to` in the zone. */
export function dayRange(from: string, to: string, zone: string): { fromMs: number; toMs: number } {
  const f = DateTime.fromISO(from, { zone });
  const t = DateTime.fromISO(to, { zone });
  if (!f.isValid || !t.isValid) throw new RangeError(`not a date: ${!f.isValid ? from : to}`);
  if (t <= f) throw new RangeError(`--to (${to}) must be after --from (${from})`);
  return { fromMs: f.toMillis(), toMs: t.toMillis() };
}

/** The interval report of the stored cells: contacts counted in the interval in which they entered the queue. */
export async function intervalReport(db: Db, q: IntervalReportQuery): Promise<IntervalRow[]> {
  const ctx = await loadReportContext(db);
  const { fromMs, toMs } = dayRange(q.from, q.to, ctx.timeZone);
  // By queue the agents' cells are summed in SQL; by team or agent they are needed one by one.
  let cells = q.by === 'queue' ? await loadQueueCells(db, fromMs, toMs) : await loadCells(db, fromMs, toMs);
  if (q.queue) cells = cells.filter((c) => (ctx.queueToGroup[c.queue] ?? c.queue) === q.queue);
  let rows = rollUpCells(cells, {
    interval: q.interval,
    timeZone: ctx.timeZone,
    by: q.by,
    slDefinition: q.slDefinition ?? 1,
    queueToGroup: ctx.queueToGroup,
    agentMap: agentMapFor(cells, ctx),
    agentToTeam: ctx.agentToTeam,
  });
  if (q.onlyTeams) {
    const teams = new Set(q.onlyTeams);
    if (q.by === 'team') rows = rows.filter((r) => r.team != null && teams.has(r.team));
    if (q.by === 'agent') rows = rows.filter((r) => r.agent != null && teams.has(ctx.agentToTeam[r.agent] ?? ''));
  }
  return rows;
}

/** One row over the whole range and the queue filter: every cell summed, then ratios (never averaged rows). */
export async function intervalReportTotal(db: Db, q: IntervalReportQuery): Promise<IntervalRow | null> {
  const ctx = await loadReportContext(db);
  const { fromMs, toMs } = dayRange(q.from, q.to, ctx.timeZone);
  let cells = await loadQueueCells(db, fromMs, toMs);
  if (q.queue) cells = cells.filter((c) => (ctx.queueToGroup[c.queue] ?? c.queue) === q.queue);
  const one = cells.map((c) => ({ ...c, queue: '', start: fromMs }));
  return rollUpCells(one, { interval: 15, timeZone: ctx.timeZone, by: 'queue', slDefinition: q.slDefinition ?? 1 })[0] ?? null;
}

/**
 * The whole center's numbers: every queue summed (then ratios), per interval and over the range.
 * Service level uses each contact's own skill-group threshold (counted into the cells).
 */
export async function centerSummary(
  db: Db,
  q: { from: string; to: string; interval: IntervalSpec; slDefinition?: SlDefinition },
) {
  const ctx = await loadReportContext(db);
  const { fromMs, toMs } = dayRange(q.from, q.to, ctx.timeZone);
  // Every cell under one name, so the roll-up sums all queues of an interval.
  const cells = (await loadQueueCells(db, fromMs, toMs)).map((c) => ({ ...c, queue: '' }));
  const base = { timeZone: ctx.timeZone, by: 'queue' as const, slDefinition: q.slDefinition ?? 1 };
  const strip = ({ queue: _q, intervalStartMs: _ms, ...r }: IntervalRow) => r;
  const intervals = rollUpCells(cells, { ...base, interval: q.interval }).map(strip);
  // One row over the whole range: cells re-keyed to one start.
  const total =
    rollUpCells(
      cells.map((c) => ({ ...c, start: fromMs })),
      { ...base, interval: 15 },
    ).map(strip)[0] ?? null;
  return { intervals, total };
}

/** Column order and headers of the interval report in exports (Chinese first, English key). */
export const INTERVAL_COLUMNS: {
  key: keyof IntervalRow | 'queue' | 'team' | 'agent';
  zh: string;
  en: string;
  kind: 'text' | 'int' | 'ratio' | 'seconds';
}[] = [
  { key: 'intervalStart', zh: '时段开始', en: 'Interval start', kind: 'text' },
  { key: 'offered', zh: '话务量', en: 'Offered', kind: 'int' },
  { key: 'answered', zh: '接通量', en: 'Answered', kind: 'int' },
  { key: 'abandoned', zh: '放弃量', en: 'Abandoned', kind: 'int' },
  { key: 'shortAbandoned', zh: '短时放弃', en: 'Short abandons', kind: 'int' },
  { key: 'otherExits', zh: '其他离队', en: 'Other exits', kind: 'int' },
  { key: 'unknownEnd', zh: '无结束记录', en: 'No recorded end', kind: 'int' },
  { key: 'answeredWithinThreshold', zh: 'T秒内接通', en: 'Answered within T', kind: 'int' },
  { key: 'serviceLevel', zh: '服务水平', en: 'Service level', kind: 'ratio' },
  { key: 'answerRate', zh: '接通率', en: 'Answer rate', kind: 'ratio' },
  { key: 'asaSeconds', zh: '平均应答速度(秒)', en: 'ASA (s)', kind: 'seconds' },
  { key: 'maxWaitSeconds', zh: '最长等待(秒)', en: 'Longest wait (s)', kind: 'seconds' },
  { key: 'avgAbandonSeconds', zh: '平均放弃时长(秒)', en: 'Avg time to abandon (s)', kind: 'seconds' },
  { key: 'ahtSeconds', zh: '平均处理时长(秒)', en: 'AHT (s)', kind: 'seconds' },
  { key: 'talkSeconds', zh: '平均通话(秒)', en: 'Avg talk (s)', kind: 'seconds' },
  { key: 'acwSeconds', zh: '平均话后处理(秒)', en: 'Avg ACW (s)', kind: 'seconds' },
  { key: 'transferred', zh: '转接量', en: 'Transfers', kind: 'int' },
];
