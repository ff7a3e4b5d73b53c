import { DateTime } from 'luxon';
import { expect, test } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { parseHours } from '../calendar/opening-hours.ts';
import { DEFAULT_DEADLINE_POLICY, describeRule, orderDueAt } from './deadline-policy.ts';

const cal: BusinessCalendar = { timeZone: 'Asia/Shanghai', hours: parseHours('09:00-12:00,13:30-18:00') };
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const show = (ms: number) => DateTime.fromMillis(ms, { zone: 'Asia/Shanghai' }).toISO({ suppressMilliseconds: true });

test('deadlines by category and priority across National Day 2026', () => {
  const from = at('2026-09-30T10:00:00+08:00');
  // Complaint, 5 working days: Oct 8, 9, 10 (make-up Saturday), 12, 13 → Oct 13 at closing.
  expect(show(orderDueAt(DEFAULT_DEADLINE_POLICY, cal, { category: 'complaint', priority: 'normal' }, from))).toBe(
    '2026-10-13T18:00:00+08:00',
  );
  // Help, 3 working days → Sat Oct 10.
  expect(show(orderDueAt(DEFAULT_DEADLINE_POLICY, cal, { category: 'help', priority: 'normal' }, from))).toBe(
    '2026-10-10T18:00:00+08:00',
  );
  // Urgent, 2 working hours from 11:30: 30 min before lunch, 1.5 h from 13:30 → 15:00.
  expect(
    show(
      orderDueAt(DEFAULT_DEADLINE_POLICY, cal, { category: 'complaint', priority: 'urgent' }, at('2026-09-30T11:30:00+08:00')),
    ),
  ).toBe('2026-09-30T15:00:00+08:00');
  // Urgent at 17:00 on the eve of the holiday: 1 h that day, 1 h on Oct 8 → 10:00.
  expect(
    show(orderDueAt(DEFAULT_DEADLINE_POLICY, cal, { category: 'help', priority: 'urgent' }, at('2026-09-30T17:00:00+08:00'))),
  ).toBe('2026-10-08T10:00:00+08:00');
  expect(describeRule({ workingDays: 1 })).toBe('1 working day');
  expect(describeRule({ workingHours: 2 })).toBe('2 working hours');
});
