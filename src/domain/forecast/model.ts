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

/** Whole days from local date a to local date b (both YYYY-MM-DD). */
export const dayDiff = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The local date `days` after `date`. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
