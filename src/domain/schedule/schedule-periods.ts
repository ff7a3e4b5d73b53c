/**
 * The dates schedules cover (a start date and whole weeks), and how they sit against the published ones: at most
 * one published schedule may cover a day — the agents' and teams' shifts, swaps and the rules across schedules
 * all read the published schedules on either side of a period as neighbours, never as the same days twice.
 */

import { addDays, dayDiff, isoWeekday } from '../calendar/civil-date.ts';

/** The later and the earlier of ISO dates (they compare as strings). */
const latest = (...dates: string[]): string => dates.reduce((a, b) => (a < b ? b : a));
const earliest = (...dates: string[]): string => dates.reduce((a, b) => (b < a ? b : a));

/** A schedule's period: `weeks` × 7 days from `start` (ISO date, any weekday). */
export interface SchedulePeriod {
  start: string;
  weeks: number;
}

/** The days a published schedule shares with a period: from `from` to `to`, both included. */
export interface PeriodOverlap {
  name: string;
  from: string;
  to: string;
  days: number;
}

/** The last day of a period (included). @example { start: '2026-11-30', weeks: 2 } → '2026-12-13' */
export const lastDay = (p: SchedulePeriod): string => addDays(p.start, p.weeks * 7 - 1);

/**
 * The published schedules whose days overlap `period`, each with the shared days, by first shared day. A schedule
 * that ends the day before the period starts (or starts the day after it ends) is a neighbour, not an overlap.
 * @example period 2026-12-07 for 1 week, published 「A」 2026-11-30 for 2 weeks and 「B」 2026-11-23 for 1 week →
 * [{ name: 'A', from: '2026-12-07', to: '2026-12-13', days: 7 }] (B ends on 11-29).
 */
export function publishedOverlaps(
  period: SchedulePeriod,
  published: readonly (SchedulePeriod & { name: string })[],
): PeriodOverlap[] {
  const end = lastDay(period);
  return published
    .flatMap((p) => {
      const from = latest(p.start, period.start);
      const to = earliest(lastDay(p), end);
      return from <= to ? [{ name: p.name, from, to, days: dayDiff(from, to) + 1 }] : [];
    })
    .sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name));
}

/**
 * The start a new schedule is offered: the Monday after the last published schedule's last day, or the next
 * Monday after `today` when nothing is published or the last published day is before it. Days between two published
 * schedules are not looked for: a planner plans forward from what the agents already have.
 * @example today Wed 2026-12-02, published 2026-11-30 for 2 weeks (to Sun 12-13) → '2026-12-14';
 * nothing published → '2026-12-07'; published to Wed 12-16 → '2026-12-21'.
 */
export function firstFreeMonday(published: readonly SchedulePeriod[], today: string): string {
  // Monday today → the Monday a week on: this week has begun.
  const nextMonday = addDays(today, 8 - isoWeekday(today));
  const mondayFrom = (day: string) => addDays(day, (8 - isoWeekday(day)) % 7);
  const after = published.map((p) => mondayFrom(addDays(lastDay(p), 1)));
  return latest(nextMonday, ...after);
}
