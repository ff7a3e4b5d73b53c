import type { DayOverride } from '../calendar/day-kind.ts';
import { wape } from './accuracy.ts';
import { MODEL_NAMES, type ModelName, sum } from './model.ts';
import { MODELS } from './models.ts';
import { type DaySeries, headDays } from './series.ts';

export interface BacktestRow {
  model: ModelName;
  /** Interval WAPE over all held-out weeks together; null when no week could be held out. */
  wape: number | null;
  /** WAPE of the daily totals over the same weeks. */
  dailyWape: number | null;
}

/** Days of history a model must have before a held-out week. */
export const MIN_TRAINING_DAYS = 14;

/**
 * Rolling-origin backtest (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16): for each of the
 * last `weeks` weeks, every model is fitted on the days before that week only and forecasts it; the errors of all
 * held-out weeks are pooled. A week is held out only if at least MIN_TRAINING_DAYS days come before it.
 */
export function backtest(series: DaySeries, weeks: number, overrides?: ReadonlyMap<string, DayOverride>): BacktestRow[] {
  const n = series.dates.length;
  return MODEL_NAMES.map((model) => {
    const actual: number[] = [];
    const predicted: number[] = [];
    const actualDays: number[] = [];
    const predictedDays: number[] = [];
    for (let k = weeks; k >= 1; k--) {
      const cut = n - 7 * k;
      if (cut < MIN_TRAINING_DAYS) continue;
      const dates = series.dates.slice(cut, cut + 7);
      const f = MODELS[model](headDays(series, cut), dates, overrides);
      if (!f) continue;
      dates.forEach((_, i) => {
        actual.push(...series.calls[cut + i]!);
        predicted.push(...f[i]!);
        actualDays.push(sum(series.calls[cut + i]!));
        predictedDays.push(sum(f[i]!));
      });
    }
    return {
      model,
      wape: actual.length ? wape(actual, predicted) : null,
      dailyWape: actualDays.length ? wape(actualDays, predictedDays) : null,
    };
  });
}
