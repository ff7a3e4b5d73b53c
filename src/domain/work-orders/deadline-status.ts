import { type BusinessCalendar, workingMsBetween } from '../calendar/business-calendar.ts';
import type { EntityId } from './types.ts';

/**
 * Where an order stands against its deadline at `now`, in business time (so a deadline Monday 10:00 seen
 * Friday 17:00 is 2 working hours away, not 65 hours):
 * - `overdue` open and past the deadline; `due_soon` open with at most `dueSoonMs` of business time left;
 * - `on_track` open with more left; `closed_on_time` / `closed_late` closed by / after the deadline; `none` no deadline.
 * Computed from stored instants at every look, never from timers, so it survives restarts.
 */
export type DeadlineState = 'none' | 'on_track' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Business time left (open orders not yet due), ms. */
  remainingWorkingMs: number | null;
  /** Business time past the deadline (overdue, or closed late), ms. */
  overdueWorkingMs: number | null;
}

/** Four working hours: the default horizon of the due-soon list. */
export const DEFAULT_DUE_SOON_MS = 4 * 3_600_000;

export function deadlineStatus(
  cal: BusinessCalendar,
  o: { dueAt: number | null; closedAt: number | null },
  now: number,
  dueSoonMs = DEFAULT_DUE_SOON_MS,
): DeadlineStatus {
  if (o.dueAt == null) return { state: 'none', remainingWorkingMs: null, overdueWorkingMs: null };
  if (o.closedAt != null) {
    const late = o.closedAt > o.dueAt;
    return {
      state: late ? 'closed_late' : 'closed_on_time',
      remainingWorkingMs: null,
      overdueWorkingMs: late ? workingMsBetween(cal, o.dueAt, o.closedAt) : null,
    };
  }
  if (now > o.dueAt) return { state: 'overdue', remainingWorkingMs: null, overdueWorkingMs: workingMsBetween(cal, o.dueAt, now) };
  const remaining = workingMsBetween(cal, now, o.dueAt);
  return { state: remaining <= dueSoonMs ? 'due_soon' : 'on_track', remainingWorkingMs: remaining, overdueWorkingMs: null };
}

/**
 * The dispatcher's and units' lists: open orders overdue (most overdue first) and due soon (soonest first).
 * @example dueLists(cal, orders, now).overdue[0] is the order furthest past its deadline
 */
export function dueLists<T extends { id: EntityId; dueAt: number | null; closedAt: number | null }>(
  cal: BusinessCalendar,
  orders: readonly T[],
  now: number,
  dueSoonMs = DEFAULT_DUE_SOON_MS,
) {
  const overdue: (T & DeadlineStatus)[] = [];
  const dueSoon: (T & DeadlineStatus)[] = [];
  for (const o of orders) {
    const s = deadlineStatus(cal, o, now, dueSoonMs);
    if (s.state === 'overdue') overdue.push({ ...o, ...s });
    else if (s.state === 'due_soon') dueSoon.push({ ...o, ...s });
  }
  overdue.sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
  dueSoon.sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
  return { overdue, dueSoon };
}
