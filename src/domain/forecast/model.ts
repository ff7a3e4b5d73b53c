import type { DayOverride } from '../calendar/day-kind.ts';
import type { DaySeries } from './series.ts';

/**
 * A forecasting model: the calls of each interval of each horizon date, from a day series (and the calendar
 * overrides). Returns null when the history is too short for it, so the caller can fall back and say so.
 */
export type Model = (
  series: DaySeries,
  dates: readonly string[],
  overrides?: ReadonlyMap<string, DayOverride>,
) => number[][] | null;

export const MODEL_NAMES = ['naive', 'profile', 'holt-winters', 'regression'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
