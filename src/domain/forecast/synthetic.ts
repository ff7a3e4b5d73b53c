import { DateTime } from 'luxon';
import { expectedCalls } from '../demo/demo-traffic.ts';
import type { HistoryPoint } from './series.ts';

/**
 * A history whose true pattern is known: the demo center's M-shaped day times its calendar factor
 * (weekdays, weekends, Chinese holidays, make-up workdays), with Poisson-like noise from `u` when given.
 */
export function syntheticHistory(
  from: string,
  days: number,
  weekdayCalls: number,
  intervalMinutes: number,
  u?: () => number,
): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let day = DateTime.fromISO(from, { zone: 'Asia/Shanghai' });
  for (let d = 0; d < days; d++, day = day.plus({ days: 1 })) {
    expectedCalls(day.toISODate() ?? '', weekdayCalls, intervalMinutes).forEach((mean, s) => {
      // Normal approximation of Poisson noise, enough for accuracy tests.
      const noise = u ? Math.sqrt(-2 * Math.log(u() || 1e-12)) * Math.cos(2 * Math.PI * u()) * Math.sqrt(mean) : 0;
      out.push({
        intervalStart: day.plus({ minutes: s * intervalMinutes }).toMillis(),
        offered: Math.max(0, Math.round(mean + noise)),
        ahtSeconds: 200 + 40 * Math.sin(s / 8),
      });
    });
  }
  return out;
}
