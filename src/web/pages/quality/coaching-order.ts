import type { Coaching } from './quality-types.ts';

const ACTIVE = new Set(['open', 'in_progress']);

/**
 * The coaching list's order: tasks still to do first, the earliest due (so the most overdue) on top, then the
 * finished ones (done, followed up, cancelled), the latest due first — a coach opens the page for what is left.
 */
export function coachingOrder(
  a: Pick<Coaching, 'id' | 'status' | 'dueDate'>,
  b: Pick<Coaching, 'id' | 'status' | 'dueDate'>,
): number {
  const activeA = ACTIVE.has(a.status);
  const activeB = ACTIVE.has(b.status);
  if (activeA !== activeB) return activeA ? -1 : 1;
  const byDue = activeA ? a.dueDate.localeCompare(b.dueDate) : b.dueDate.localeCompare(a.dueDate);
  return byDue || a.id - b.id;
}
