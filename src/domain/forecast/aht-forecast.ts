import { dayOfWeek } from '../calendar/day-kind.ts';
import type { DaySeries } from './series.ts';

/** Same-weekday days looked back over for an interval's handle time. */
const AHT_WEEKS = 4;

/**
 * Handle time per interval of the horizon: the call-weighted mean AHT (Σ calls·AHT / Σ calls) of the same interval
 * on the last four days of the same weekday — handle time varies by hour and weekday — else, when none of those
 * intervals had calls with a known AHT, the call-weighted mean over the whole history; null if AHT is never known.
 *
 * @example the last four Mondays at 10:00 had (calls, AHT) = (10, 200 s), (30, 240 s), (0, –), (20, 180 s):
 *   (10·200 + 30·240 + 20·180) / 60 = 213.3 s
 */
export function ahtForecast(series: DaySeries, dates: readonly string[]): (number | null)[][] {
  let w = 0;
  let s = 0;
  for (const [d, day] of series.aht.entries())
    for (const [k, a] of day.entries()) {
      const c = series.calls[d]![k]!;
      if (a != null && c > 0) {
        w += c;
        s += a * c;
      }
    }
  const overall = w > 0 ? s / w : null;
  const byWeekday = new Map<number, number[]>();
  for (let d = series.dates.length - 1; d >= 0; d--) {
    const dow = dayOfWeek(series.dates[d]!);
    const list = byWeekday.get(dow) ?? [];
    if (list.length < AHT_WEEKS) byWeekday.set(dow, [...list, d]);
  }
  return dates.map((date) => {
    const days = byWeekday.get(dayOfWeek(date)) ?? [];
    return Array.from({ length: series.slotsPerDay }, (_, slot) => {
      let cw = 0;
      let cs = 0;
      for (const d of days) {
        const a = series.aht[d]![slot];
        const c = series.calls[d]![slot]!;
        if (a != null && c > 0) {
          cw += c;
          cs += a * c;
        }
      }
      return cw > 0 ? cs / cw : overall;
    });
  });
}
