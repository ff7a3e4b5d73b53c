import { DateTime } from 'luxon';
import type { DayOverride } from '../calendar/day-kind.ts';
import { type Adjustment, applyAdjustments } from './adjustments.ts';
import { ahtForecast } from './aht-forecast.ts';
import { type BacktestRow, backtest } from './backtest.ts';
import { isSpecialDay } from './calendar-features.ts';
import type { ModelName } from './model.ts';
import { MODELS } from './models.ts';
import { type DaySeries, HistoryError, horizonDates, slotStart } from './series.ts';

export type { Adjustment } from './adjustments.ts';
export { type BacktestRow, backtest } from './backtest.ts';

export interface ForecastOptions {
  horizonDays: number;
  model: ModelName | 'auto';
  overrides?: ReadonlyMap<string, DayOverride>;
  adjustments?: readonly Adjustment[];
  /** Weeks held out one after another in the rolling-origin backtest (default 2). */
  backtestWeeks?: number;
}

export interface ForecastResult {
  model: ModelName;
  /** Set when a simpler model was used than asked for, saying why. */
  fallback: string | null;
  backtest: BacktestRow[];
  /**
   * With `auto` and a calendar-blind winner (naive, profile, Holt-Winters): the horizon's special days (holidays,
   * 调休 make-up days, first workday after a holiday), forecast by the calendar regression instead.
   */
  specialDaysByRegression: string[];
  intervals: { intervalStart: string; offered: number; ahtSeconds: number | null }[];
}

/** Longest horizon: beyond a quarter, a forecast from interval history says little. */
export const MAX_HORIZON_DAYS = 92;

/**
 * The forecast of calls and handle time for every interval of the `horizonDays` days after the history: the model
 * asked for, or with `auto` the one with the lowest interval WAPE in the rolling-origin backtest (ties go to the
 * simpler model, in MODEL_NAMES order), whose special days ahead come from the calendar regression when the winner
 * cannot see the calendar (a backtest over ordinary weeks says nothing about a holiday ahead); then the planner's
 * adjustments. Calls are rounded to 0.01, AHT to 0.1 s.
 * Throws HistoryError for a history shorter than two weeks; with less than three weeks there is nothing to
 * backtest and `auto` falls back to the weekday profile, saying so in `fallback`.
 */
export function forecast(series: DaySeries, options: ForecastOptions): ForecastResult {
  if (!Number.isInteger(options.horizonDays) || options.horizonDays < 1 || options.horizonDays > MAX_HORIZON_DAYS) {
    throw new HistoryError(`horizon must be 1–${MAX_HORIZON_DAYS} days, got ${options.horizonDays}`);
  }
  if (series.dates.length < 14)
    throw new HistoryError(`the history covers ${series.dates.length} days; at least 14 (two weeks) are needed`);
  const table = backtest(series, options.backtestWeeks ?? 2, options.overrides);
  let model: ModelName;
  let fallback: string | null = null;
  if (options.model !== 'auto') model = options.model;
  else {
    const scored = table.filter((r): r is BacktestRow & { wape: number } => r.wape !== null);
    if (scored.length === 0) {
      model = 'profile';
      fallback = `history of ${series.dates.length} days is too short for a backtest (needs 21): weekday-average × profile used`;
    } else model = scored.reduce((a, b) => (b.wape < a.wape ? b : a)).model;
  }
  const dates = horizonDates(series, options.horizonDays);
  let calls = MODELS[model](series, dates, options.overrides);
  if (!calls) {
    fallback = `${model} needs more history than ${series.dates.length} days: weekday-average × profile used`;
    model = 'profile';
    calls = MODELS.profile(series, dates, options.overrides) ?? [];
  }
  const specialDaysByRegression: string[] = [];
  if (options.model === 'auto' && model !== 'regression' && dates.some((d) => isSpecialDay(d, options.overrides))) {
    const regression = MODELS.regression(series, dates, options.overrides);
    dates.forEach((d, i) => {
      if (!regression || !isSpecialDay(d, options.overrides)) return;
      calls![i] = regression[i]!;
      specialDaysByRegression.push(d);
    });
  }
  const adjusted = applyAdjustments(calls, dates, series, options.adjustments ?? []);
  const aht = ahtForecast(series, dates);
  const intervals = dates.flatMap((date, d) =>
    adjusted[d]!.map((offered, slot) => {
      const a = aht[d]![slot];
      return {
        intervalStart:
          DateTime.fromMillis(slotStart(series, date, slot), { zone: series.timeZone }).toISO({ suppressMilliseconds: true }) ??
          '',
        offered: Math.round(offered * 100) / 100,
        ahtSeconds: a == null ? null : Math.round(a * 10) / 10,
      };
    }),
  );
  return { model, fallback, backtest: table, specialDaysByRegression, intervals };
}
