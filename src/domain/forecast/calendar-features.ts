import { addDays } from '../calendar/civil-date.ts';
import { type DayOverride, dayInfo, dayOfWeek } from '../calendar/day-kind.ts';

/** Names of the columns `calendarFeatures` returns, in order (for tables and tests). */
export const FEATURE_NAMES = [
  'intercept',
  'trend (per week)',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'public holiday',
  'make-up workday',
  'workday before a holiday',
  'workday after a holiday',
  'month start (day ≤ 3)',
  'month end (last 3 days)',
] as const;

/**
 * The calendar of a date as regression columns, see FEATURE_NAMES. `weeks` is the trend value (weeks since the
 * history began). Sunday is the base of the weekday columns. A public holiday has no weekday columns, so with no
 * holiday in the history it is forecast like a Sunday; a make-up workday (调休上班) has ⅕ in each of the Monday–
 * Friday columns, so it starts as the average workday. Their own columns then measure how they differ from that. Day kinds come from `dayInfo`
 * (chinese-days 2004–2026 plus the override table); outside those years only weekends are known.
 *
 * @example calendarFeatures('2025-09-30', 12) // a Tuesday before National Day:
 *   [1, 12, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]
 */
export function calendarFeatures(date: string, weeks: number, overrides?: ReadonlyMap<string, DayOverride>): number[] {
  const kind = dayInfo(date, overrides).kind;
  const prev = dayInfo(addDays(date, -1), overrides).kind;
  const next = dayInfo(addDays(date, 1), overrides).kind;
  const working = kind === 'workday' || kind === 'makeup_workday';
  const ordinary = kind === 'workday' || kind === 'weekend';
  const weekday = (k: number) => (ordinary ? (dow === k ? 1 : 0) : kind === 'makeup_workday' && k <= 5 ? 0.2 : 0);
  const dow = dayOfWeek(date);
  const dom = Number(date.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
  return [
    1,
    weeks,
    ...[1, 2, 3, 4, 5, 6].map(weekday),
    kind === 'public_holiday' ? 1 : 0,
    kind === 'makeup_workday' ? 1 : 0,
    working && next === 'public_holiday' ? 1 : 0,
    working && prev === 'public_holiday' ? 1 : 0,
    dom <= 3 ? 1 : 0,
    dom > daysInMonth - 3 ? 1 : 0,
  ];
}

/**
 * A day that an ordinary weekly pattern does not describe: a public holiday, a make-up workday, or the working day
 * right after a holiday (when the calls that waited arrive).
 */
export function isSpecialDay(date: string, overrides?: ReadonlyMap<string, DayOverride>): boolean {
  const kind = dayInfo(date, overrides).kind;
  if (kind === 'public_holiday' || kind === 'makeup_workday') return true;
  return kind === 'workday' && dayInfo(addDays(date, -1), overrides).kind === 'public_holiday';
}

/** The day type whose intraday profile spreads a day's calls: its weekday (0 = Sunday) on ordinary days. */
export type ProfileType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 'holiday' | 'makeup';

export function profileType(date: string, overrides?: ReadonlyMap<string, DayOverride>): ProfileType {
  const kind = dayInfo(date, overrides).kind;
  if (kind === 'public_holiday') return 'holiday';
  if (kind === 'makeup_workday') return 'makeup';
  return dayOfWeek(date) as ProfileType;
}
