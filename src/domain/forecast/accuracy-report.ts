import { DateTime } from 'luxon';
import { bias, mape, wape } from './accuracy.ts';

export interface AccuracyFigures {
  actual: number;
  forecast: number;
  wape: number | null;
  mape: number | null;
  bias: number | null;
}

export interface AccuracyReport {
  overall: AccuracyFigures;
  days: ({ date: string } & AccuracyFigures)[];
  intervals: { intervalStart: number; actual: number; forecast: number; error: number }[];
}

/**
 * How a forecast did once the actuals arrived: per interval (error = F − A), per local day and overall, WAPE,
 * MAPE (intervals with A > 0 only) and bias as defined in accuracy.ts. Only intervals with an actual are compared
 * — a forecast whose horizon is half over is measured on its first half.
 *
 * @example intervals (A, F) = (10, 12), (30, 27) on one day → WAPE 5/40 = 0.125, MAPE (0.2 + 0.1)/2 = 0.15,
 *   bias (2 − 3)/40 = −0.025
 */
export function accuracyReport(
  actuals: readonly { intervalStart: number; offered: number }[],
  forecasts: readonly { intervalStart: number; offered: number }[],
  timeZone: string,
): AccuracyReport {
  const actualAt = new Map(actuals.map((a) => [a.intervalStart, a.offered]));
  const intervals = forecasts
    .filter((f) => actualAt.has(f.intervalStart))
    .map((f) => {
      const actual = actualAt.get(f.intervalStart)!;
      return { intervalStart: f.intervalStart, actual, forecast: f.offered, error: f.offered - actual };
    })
    .sort((a, b) => a.intervalStart - b.intervalStart);
  const figures = (rows: typeof intervals): AccuracyFigures => {
    const a = rows.map((r) => r.actual);
    const f = rows.map((r) => r.forecast);
    return {
      actual: a.reduce((x, y) => x + y, 0),
      forecast: f.reduce((x, y) => x + y, 0),
      wape: wape(a, f),
      mape: mape(a, f),
      bias: bias(a, f),
    };
  };
  const byDay = new Map<string, typeof intervals>();
  for (const r of intervals) {
    const date = DateTime.fromMillis(r.intervalStart, { zone: timeZone }).toISODate() ?? '';
    const list = byDay.get(date);
    if (list) list.push(r);
    else byDay.set(date, [r]);
  }
  return { overall: figures(intervals), days: [...byDay].map(([date, rows]) => ({ date, ...figures(rows) })), intervals };
}
