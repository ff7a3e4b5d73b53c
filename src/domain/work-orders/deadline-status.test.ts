import { DateTime } from 'luxon';
import { expect, test } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { parseHours } from '../calendar/opening-hours.ts';
import { deadlineStatus, dueLists } from './deadline-status.ts';

const cal: BusinessCalendar = { timeZone: 'Asia/Shanghai', hours: parseHours('09:00-18:00') };
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const H = 3_600_000;

test('remaining and overdue time are business hours', () => {
  const due = at('2025-11-24T10:00:00+08:00'); // Monday 10:00
  // Seen Friday 17:00: 1 h Friday + 1 h Monday = 2 h ≤ 4 h → due soon, though 65 clock hours away.
  expect(deadlineStatus(cal, { dueAt: due, closedAt: null }, at('2025-11-21T17:00:00+08:00'))).toEqual({
    state: 'due_soon',
    remainingWorkingMs: 2 * H,
    overdueWorkingMs: null,
  });
  expect(deadlineStatus(cal, { dueAt: due, closedAt: null }, at('2025-11-20T17:00:00+08:00')).state).toBe('on_track');
  // Tuesday 11:00: 8 h Monday after 10:00 + 2 h Tuesday = 10 h overdue.
  expect(deadlineStatus(cal, { dueAt: due, closedAt: null }, at('2025-11-25T11:00:00+08:00'))).toEqual({
    state: 'overdue',
    remainingWorkingMs: null,
    overdueWorkingMs: 10 * H,
  });
  expect(deadlineStatus(cal, { dueAt: due, closedAt: due }, due + 1).state).toBe('closed_on_time');
  expect(deadlineStatus(cal, { dueAt: due, closedAt: due + H }, due + 2 * H)).toMatchObject({
    state: 'closed_late',
    overdueWorkingMs: H,
  });
  expect(deadlineStatus(cal, { dueAt: null, closedAt: null }, due).state).toBe('none');
});

test('due lists: overdue most overdue first, due soon soonest first, closed left out', () => {
  const now = at('2025-11-24T09:30:00+08:00');
  const orders = [
    { id: 'a', dueAt: now - H, closedAt: null },
    { id: 'b', dueAt: now - 3 * H, closedAt: null },
    { id: 'c', dueAt: now + 3 * H, closedAt: null },
    { id: 'd', dueAt: now + H, closedAt: null },
    { id: 'e', dueAt: now - H, closedAt: now - 2 * H },
    { id: 'f', dueAt: now + 30 * H, closedAt: null },
  ];
  const l = dueLists(cal, orders, now);
  expect(l.overdue.map((o) => o.id)).toEqual(['b', 'a']);
  expect(l.dueSoon.map((o) => o.id)).toEqual(['d', 'c']);
});
