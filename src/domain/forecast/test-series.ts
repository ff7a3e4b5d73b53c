import type { DaySeries } from './series.ts';

/** A DaySeries for tests: consecutive local dates from `from`, calls[d][s] = f(date, s). */
export function makeSeries(
  from: string,
  days: number,
  slotsPerDay: number,
  f: (date: string, slot: number, day: number) => number,
): DaySeries {
  const dates = Array.from({ length: days }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
  return {
    timeZone: 'Asia/Shanghai',
    intervalMinutes: 1440 / slotsPerDay,
    slotsPerDay,
    dates,
    calls: dates.map((d, i) => Array.from({ length: slotsPerDay }, (_, s) => f(d, s, i))),
    aht: dates.map(() => Array(slotsPerDay).fill(null)),
  };
}
