import { DateTime } from 'luxon';

/** One interval of history: its start (epoch ms), calls offered and, when known, the average handle time. */
export interface HistoryPoint {
  intervalStart: number;
  offered: number;
  ahtSeconds?: number | null;
}

/** History laid out as whole days × intervals of the day in the center's zone; missing intervals are 0 calls. */
export interface DaySeries {
  timeZone: string;
  intervalMinutes: number;
  slotsPerDay: number;
  /** Local dates, YYYY-MM-DD, consecutive. */
  dates: string[];
  /** calls[d][s] */
  calls: number[][];
  /** aht[d][s], null where no call was answered. */
  aht: (number | null)[][];
}

export class HistoryError extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = 'HistoryError';
  }
}

/**
 * Lays history out by day. Rejects what would make a forecast wrong silently: negative or non-finite counts,
 * an interval start off the interval grid, the same interval twice, and zones whose days are not all the same
 * length (daylight saving): a day with 23 or 25 hours has no fixed slot layout.
 */
export function toDaySeries(points: readonly HistoryPoint[], intervalMinutes: number, timeZone: string): DaySeries {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0)
    throw new HistoryError(`interval of ${intervalMinutes} minutes does not divide a day`);
  if (points.length === 0) throw new HistoryError('the history is empty');
  const slotsPerDay = 1440 / intervalMinutes;
  const seen = new Set<number>();
  const byDay = new Map<string, { calls: number[]; aht: (number | null)[] }>();
  let first = '';
  let last = '';
  points.forEach((p, i) => {
    if (!Number.isFinite(p.offered) || p.offered < 0) throw new HistoryError(`offered must be a number ≥ 0, got ${p.offered}`, i);
    if (seen.has(p.intervalStart)) throw new HistoryError(`interval ${new Date(p.intervalStart).toISOString()} appears twice`, i);
    seen.add(p.intervalStart);
    const local = DateTime.fromMillis(p.intervalStart, { zone: timeZone });
    const minuteOfDay = local.hour * 60 + local.minute;
    if (minuteOfDay % intervalMinutes !== 0 || local.second !== 0 || local.millisecond !== 0) {
      throw new HistoryError(`${local.toISO()} is not on the ${intervalMinutes}-minute grid`, i);
    }
    const date = local.toISODate() ?? '';
    let day = byDay.get(date);
    if (!day) {
      day = { calls: Array(slotsPerDay).fill(0), aht: Array(slotsPerDay).fill(null) };
      byDay.set(date, day);
    }
    const slot = minuteOfDay / intervalMinutes;
    day.calls[slot] = p.offered;
    day.aht[slot] = p.ahtSeconds ?? null;
    if (!first || date < first) first = date;
    if (!last || date > last) last = date;
  });
  const dates: string[] = [];
  for (let d = DateTime.fromISO(first, { zone: timeZone }); (d.toISODate() ?? '') <= last; d = d.plus({ days: 1 })) {
    if (d.plus({ days: 1 }).diff(d, 'minutes').minutes !== 1440)
      throw new HistoryError(`${d.toISODate()} is not 24 hours long in ${timeZone} (daylight saving): use a zone without DST`);
    dates.push(d.toISODate() ?? '');
  }
  return {
    timeZone,
    intervalMinutes,
    slotsPerDay,
    dates,
    calls: dates.map((d) => byDay.get(d)?.calls ?? Array(slotsPerDay).fill(0)),
    aht: dates.map((d) => byDay.get(d)?.aht ?? Array(slotsPerDay).fill(null)),
  };
}

/** The next `days` local dates after the series. */
export function horizonDates(series: DaySeries, days: number): string[] {
  const last = DateTime.fromISO(series.dates[series.dates.length - 1] ?? '', { zone: series.timeZone });
  return Array.from({ length: days }, (_, i) => last.plus({ days: i + 1 }).toISODate() ?? '');
}

/** Epoch ms of slot `s` of local date `date`. */
export function slotStart(series: Pick<DaySeries, 'timeZone' | 'intervalMinutes'>, date: string, s: number): number {
  return DateTime.fromISO(date, { zone: series.timeZone })
    .plus({ minutes: s * series.intervalMinutes })
    .toMillis();
}

/** The first `n` days of a series (for backtests). */
export function headDays(series: DaySeries, n: number): DaySeries {
  return { ...series, dates: series.dates.slice(0, n), calls: series.calls.slice(0, n), aht: series.aht.slice(0, n) };
}
