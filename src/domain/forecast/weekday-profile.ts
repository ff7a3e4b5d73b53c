import { dayOfWeek } from '../calendar/day-kind.ts';
import { type Model, sum } from './model.ts';

/**
 * Weekday average × intraday profile: a day's total is the mean total of the last four days of its weekday in the
 * history, spread over the intervals by those days' pooled shape (Σ calls of the interval / Σ calls of the days).
 * @example last four Mondays with 900, 1000, 1100, 1000 calls → every Monday ahead has 1000 calls
 */
export const weekdayProfile: Model = (series, dates) => {
  const n = series.dates.length;
  return dates.map((date) => {
    const dow = dayOfWeek(date);
    const same: number[] = [];
    for (let d = n - 1; d >= 0 && same.length < 4; d--) if (dayOfWeek(series.dates[d]!) === dow) same.push(d);
    const all = sum(same.map((d) => sum(series.calls[d]!)));
    const total = all / Math.max(1, same.length);
    if (all <= 0) return Array(series.slotsPerDay).fill(0) as number[];
    const shape = Array(series.slotsPerDay).fill(0) as number[];
    for (const d of same) for (const [s, v] of series.calls[d]!.entries()) shape[s]! += v / all;
    return shape.map((w) => w * total);
  });
};
