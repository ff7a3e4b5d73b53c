import { DateTime } from 'luxon';
import type { StaffingTargets } from '../../domain/erlang/staffing.ts';
import type { PlanInterval } from '../../domain/erlang/staffing-plan.ts';
import { isoFormatter } from '../../domain/metrics/interval-bucket.ts';
import type { IntervalRow } from '../../domain/metrics/intervals.ts';
import type { Db } from '../../store/audit.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { dayRange, intervalReport, intervalReportTotal } from '../../store/reports.ts';
import type { HistoryQuery } from './staffing-schemas.ts';

/**
 * The last full Monday–Sunday week (center zone) that ends on or before the day of `lastMs`:
 * `to` is the Monday after that Sunday (exclusive).
 *
 * @example lastFullWeek(Date.parse('2026-11-22T15:00:00Z'), 'Asia/Shanghai')
 * // 23:00 Sunday 22 Nov in Shanghai → { from: '2026-11-16', to: '2026-11-23' }
 */
export function lastFullWeek(lastMs: number, timeZone: string): { from: string; to: string } {
  const dayAfter = DateTime.fromMillis(lastMs, { zone: timeZone }).startOf('day').plus({ days: 1 });
  const to = dayAfter.minus({ days: dayAfter.weekday - 1 }); // luxon: Monday = 1
  return { from: to.minus({ days: 7 }).toISODate() ?? '', to: to.toISODate() ?? '' };
}

/**
 * Mean patience estimated from waits: Σ waiting time of all calls (answered calls censored at answer) ÷
 * abandoned calls — the maximum-likelihood estimate for exponential patience, and Erlang A's own relation
 * P(abandon) = E[wait] / mean patience (Mandelbaum & Zeltyn 2007). Null without abandonments.
 *
 * @example estimatedPatience({ answered: 90, asaSeconds: 10, abandoned: 10, avgAbandonSeconds: 30 }) // (900 + 300) / 10 = 120
 */
export function estimatedPatience(
  r: Pick<IntervalRow, 'answered' | 'asaSeconds' | 'abandoned' | 'avgAbandonSeconds'>,
): number | null {
  if (r.abandoned === 0) return null;
  const waited = r.answered * (r.asaSeconds ?? 0) + r.abandoned * (r.avgAbandonSeconds ?? 0);
  return waited > 0 ? waited / r.abandoned : null;
}

/**
 * Every interval of [from, to) in the center's zone with its stored calls and AHT; intervals without
 * calls are there with 0 calls (a requirement curve has no gaps at night). An interval whose calls were
 * all abandoned has no AHT of its own: the period's AHT stands in (`ahtSource: 'period'`).
 */
export function fillIntervals(
  rows: readonly IntervalRow[],
  range: { fromMs: number; toMs: number },
  minutes: 15 | 30,
  timeZone: string,
  periodAht: number | null,
) {
  const byStart = new Map(rows.map((r) => [r.intervalStartMs, r]));
  const iso = isoFormatter(timeZone);
  const out: { start: string; calls: number; ahtSeconds: number | null; ahtSource: 'interval' | 'period' | null }[] = [];
  // Quarter and half hours are the same instants in UTC and locally (zone offsets are whole quarter hours),
  // so stepping absolute time also steps the local clock, across a DST change too.
  for (let ms = range.fromMs; ms < range.toMs; ms += minutes * 60_000) {
    const r = byStart.get(ms);
    const calls = r?.offered ?? 0;
    const own = r?.ahtSeconds ?? null;
    const aht = own ?? (calls > 0 ? periodAht : null);
    out.push({ start: iso(ms), calls, ahtSeconds: aht, ahtSource: own !== null ? 'interval' : aht !== null ? 'period' : null });
  }
  return out;
}

export interface HistoryPlanInput {
  group: { name: string; sl_target: number; sl_threshold_seconds: number };
  query: HistoryQuery;
  /** The clock, for the default week when nothing is stored. */
  nowMs: number;
}

/** The week's intervals and the options to staff them with (the skill group's own SL target and T). */
export async function historyIntervals(db: Db, { group, query, nowMs }: HistoryPlanInput) {
  const ctx = await loadReportContext(db);
  let { from, to } = query;
  if (from === undefined || to === undefined) {
    const queues = [
      group.name,
      ...Object.entries(ctx.queueToGroup)
        .filter(([, g]) => g === group.name)
        .map(([q]) => q),
    ];
    const last = await db
      .selectFrom('interval_cell')
      .select((eb) => eb.fn.max('start_at').as('last'))
      .where('queue', 'in', queues)
      .executeTakeFirst();
    const lastMs = last?.last == null ? nowMs : Number(last.last);
    ({ from, to } = lastFullWeek(lastMs, ctx.timeZone));
  }
  const q = { from, to, interval: query.interval, by: 'queue' as const, queue: group.name };
  const [rows, total] = await Promise.all([intervalReport(db, q), intervalReportTotal(db, q)]);
  const filled = fillIntervals(rows, dayRange(from, to, ctx.timeZone), query.interval, ctx.timeZone, total?.ahtSeconds ?? null);
  const patienceSeconds = query.model === 'a' ? (query.patienceSeconds ?? (total ? estimatedPatience(total) : null)) : undefined;
  const targets: StaffingTargets = { serviceLevel: group.sl_target };
  if (query.maxAbandonRate !== undefined) targets.maxAbandonRate = query.maxAbandonRate;
  if (query.maxOccupancy !== undefined) targets.maxOccupancy = query.maxOccupancy;
  const intervals: PlanInterval[] = filled.map((f) => ({
    skillGroup: group.name,
    start: f.start,
    calls: f.calls,
    ahtSeconds: f.ahtSeconds ?? 1,
  }));
  return {
    from,
    to,
    timeZone: ctx.timeZone,
    filled,
    intervals,
    patienceSeconds,
    targets,
    total: total
      ? {
          offered: total.offered,
          answered: total.answered,
          abandoned: total.abandoned,
          ahtSeconds: total.ahtSeconds,
          serviceLevel: total.serviceLevel,
        }
      : null,
  };
}
