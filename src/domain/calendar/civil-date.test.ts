import { expect, test } from 'vitest';
import { addDays, dayDiff, isoWeekday } from './civil-date.ts';

test('whole days across month, year and leap day; weekdays from a known calendar', () => {
  expect(addDays('2026-09-30', 2)).toBe('2026-10-02');
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  expect(dayDiff('2026-12-01', '2026-12-03')).toBe(2);
  expect(dayDiff('2027-01-01', '2026-12-31')).toBe(-1);
  // 2026-12-07 is a Monday, 2026-12-06 a Sunday, 2026-10-01 a Thursday.
  expect([isoWeekday('2026-12-07'), isoWeekday('2026-12-06'), isoWeekday('2026-10-01')]).toEqual([1, 7, 4]);
});
