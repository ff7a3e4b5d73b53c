/**
 * Calendar weeks (自然周) of a schedule period: Monday to Sunday (ISO 8601, the week of Chinese calendars), so
 * weekly hours, rest days per week and the weeks of a month are the same whichever schedule a day falls in.
 * Days are dayIndex from the period's first date (negative before it, ≥ its length after it).
 */

import { addDays, isoWeekday } from '../calendar/civil-date.ts';

/** The ISO date `dayIndex` days after `first`. */
export const dateAt = (first: string, dayIndex: number): string => addDays(first, dayIndex);

/**
 * The dayIndex of the Monday that starts the calendar week of `dayIndex`; without a first date (tests of bare
 * rosters) weeks are 7-day blocks from day 0.
 * @example first 2026-12-02 (a Wednesday): day 0 → −2 (Mon 11-30), day 5 (Mon 12-07) → 5, day 11 → 5.
 */
export function weekStart(first: string | undefined, dayIndex: number): number {
  if (first === undefined) return Math.floor(dayIndex / 7) * 7;
  const monday0 = isoWeekday(first) - 1; // 0 = Monday
  return dayIndex - ((((dayIndex + monday0) % 7) + 7) % 7);
}

/**
 * The calendar weeks that hold days of [from, to), each as the dayIndex of its Monday; a week may begin before
 * `from` or end after `to`.
 * @example first 2026-12-02, days [0, 14) → [−2, 5, 12].
 */
export function weeksOf(first: string | undefined, from: number, to: number): number[] {
  const out: number[] = [];
  for (let w = weekStart(first, from); w < to; w += 7) out.push(w);
  return out;
}
