import { expect, test } from 'vitest';
import { lastDays, presetRange, todayIn } from './date-presets.ts';

// Wednesday 2026-11-25 (checked on a calendar: 2026-11-23 is a Monday).
const WED = '2026-11-25';

test('quick picks of a Wednesday, with `to` exclusive and Monday-first weeks', () => {
  expect(presetRange('today', WED)).toEqual({ from: '2026-11-25', to: '2026-11-26' });
  expect(presetRange('yesterday', WED)).toEqual({ from: '2026-11-24', to: '2026-11-25' });
  expect(presetRange('thisWeek', WED)).toEqual({ from: '2026-11-23', to: '2026-11-26' });
  expect(presetRange('lastWeek', WED)).toEqual({ from: '2026-11-16', to: '2026-11-23' });
  expect(presetRange('thisMonth', WED)).toEqual({ from: '2026-11-01', to: '2026-11-26' });
  expect(presetRange('lastMonth', WED)).toEqual({ from: '2026-10-01', to: '2026-11-01' });
});

test('edges: a Sunday belongs to the week that began six days before; January’s last month is December', () => {
  expect(presetRange('thisWeek', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-30' });
  expect(presetRange('lastWeek', '2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
  expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  expect(presetRange('yesterday', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  expect(() => presetRange('today', 'nope')).toThrow(RangeError);
});

test('today on the center clock, not the machine’s: 17:00 UTC is already the next day in Shanghai', () => {
  const at = Date.UTC(2026, 10, 24, 17, 0, 0);
  expect(todayIn('Asia/Shanghai', at)).toBe('2026-11-25');
  expect(todayIn('UTC', at)).toBe('2026-11-24');
  expect(lastDays(14, '2026-11-25')).toEqual({ from: '2026-11-11', to: '2026-11-25' });
});

test('the filter shows the last day; the API gets the day after', async () => {
  const { dayAfter, lastDayOf, presetOf } = await import('./date-presets.ts');
  expect(lastDayOf('2026-03-01')).toBe('2026-02-28');
  expect(dayAfter('2026-02-28')).toBe('2026-03-01');
  expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  expect(presetOf({ from: '2026-11-16', to: '2026-11-23' }, WED)).toBe('lastWeek');
  expect(presetOf({ from: '2026-11-16', to: '2026-11-22' }, WED)).toBeNull();
});
