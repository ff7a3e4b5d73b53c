import { expect, test } from 'vitest';
import { coachingOrder } from './coaching-order.ts';
import type { Coaching } from './quality-types.ts';

test('tasks still to do come first, most overdue on top; finished ones after, latest first', () => {
  const tasks: Pick<Coaching, 'id' | 'status' | 'dueDate'>[] = [
    { id: 1, status: 'followed_up', dueDate: '2026-10-16' },
    { id: 2, status: 'open', dueDate: '2026-12-08' },
    { id: 3, status: 'done', dueDate: '2026-11-20' },
    { id: 4, status: 'in_progress', dueDate: '2026-11-28' },
    { id: 5, status: 'cancelled', dueDate: '2026-11-20' },
    { id: 6, status: 'open', dueDate: '2026-11-28' },
  ];
  expect([...tasks].sort(coachingOrder).map((t) => t.id)).toEqual([4, 6, 2, 3, 5, 1]);
});
