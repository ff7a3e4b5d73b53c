import { addWorkingDays, addWorkingHours, type BusinessCalendar } from '../calendar/business-calendar.ts';
import type { Category, Priority } from './types.ts';

/**
 * 承办时限: the time a handling unit has, per category and priority, in working days (close of business on the
 * N-th working day after the day of dispatch, that day not counted) or working hours (business time from the
 * dispatch), on the business calendar. A center edits its own table; the due instant is stored with the order,
 * so deadlines survive restarts.
 */
export type DeadlineRule = { workingDays: number } | { workingHours: number };
export type DeadlinePolicy = Record<Category, Record<Priority, DeadlineRule>>;

/** The seed center's table (typical of 12345 hotlines: urgent within hours, consultations next day, complaints a week). */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  consultation: { normal: { workingDays: 1 }, urgent: { workingHours: 2 } },
  help: { normal: { workingDays: 3 }, urgent: { workingHours: 2 } },
  complaint: { normal: { workingDays: 5 }, urgent: { workingHours: 2 } },
  report: { normal: { workingDays: 5 }, urgent: { workingHours: 2 } },
  suggestion: { normal: { workingDays: 10 }, urgent: { workingDays: 1 } },
};

/** The due instant of a rule counted from `fromMs`. */
export function dueFromRule(cal: BusinessCalendar, rule: DeadlineRule, fromMs: number): number {
  return 'workingDays' in rule ? addWorkingDays(cal, fromMs, rule.workingDays) : addWorkingHours(cal, fromMs, rule.workingHours);
}

/**
 * The deadline of an order dispatched at `fromMs`.
 * @example complaint, normal, dispatched Wed 2026-09-30 10:00 +08:00 → 5 working days: Oct 8, 9, 10 (调休), 12, 13
 * → 2026-10-13 at closing time.
 */
export function orderDueAt(
  policy: DeadlinePolicy,
  cal: BusinessCalendar,
  order: { category: Category; priority: Priority },
  fromMs: number,
): number {
  return dueFromRule(cal, policy[order.category][order.priority], fromMs);
}

/** Readable form of a rule, for the UI and docs: '5 working days', '2 working hours'. */
export function describeRule(rule: DeadlineRule): string {
  return 'workingDays' in rule
    ? `${rule.workingDays} working day${rule.workingDays === 1 ? '' : 's'}`
    : `${rule.workingHours} working hour${rule.workingHours === 1 ? '' : 's'}`;
}
