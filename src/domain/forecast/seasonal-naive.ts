import { dayDiff } from '../calendar/civil-date.ts';
import type { Model } from './model.ts';

/**
 * Seasonal naive: each interval as the same interval on the same weekday of the last week of history (for a
 * horizon longer than a week, that week repeats). The baseline every other model must beat.
 * @example history ending Sunday 2025-11-30 → Monday 2025-12-01 and Monday 2025-12-08 both copy Monday 2025-11-24
 */
export const seasonalNaive: Model = (series, dates) => {
  const n = series.dates.length;
  return dates.map((date) => {
    let idx = dayDiff(series.dates[0]!, date);
    while (idx >= n) idx -= 7;
    return [...(series.calls[idx] ?? Array(series.slotsPerDay).fill(0))];
  });
};
