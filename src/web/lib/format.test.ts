import { expect, test } from 'vitest';
import { dayRangeToInstants, formatInstant, formatNumber, formatPercent } from './format.ts';

test('numbers group thousands and round to the requested decimals', () => {
  expect(formatNumber(12345.678, 'zh-CN', 1)).toBe('12,345.7');
  expect(formatNumber(12345.678, 'en', 0)).toBe('12,346');
  expect(formatNumber(null, 'en')).toBe('—');
  expect(formatNumber(Number.NaN, 'en')).toBe('—');
});

test('shares show as percentages; 0/0 (null) is a dash, not 0%', () => {
  expect(formatPercent(0.8123, 'en', 1)).toBe('81.2%');
  expect(formatPercent(0.8, 'zh-CN', 0)).toBe('80%');
  expect(formatPercent(184 / 200, 'en', 1)).toBe('92.0%');
  expect(formatPercent(null, 'en')).toBe('—');
});

test('instants show on the center clock, whatever the machine zone', () => {
  expect(formatInstant('2026-01-01T00:00:00Z', 'Asia/Shanghai')).toBe('2026-01-01 08:00:00');
  expect(formatInstant('2026-06-30T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-07-01 07:30:00');
  expect(formatInstant(Date.UTC(2026, 0, 1, 16), 'Asia/Shanghai')).toBe('2026-01-02 00:00:00');
  expect(formatInstant(null, 'Asia/Shanghai')).toBe('—');
});

test('local date filters become a half-open UTC range covering whole center days', () => {
  expect(dayRangeToInstants('2026-01-01', '2026-01-01', 'Asia/Shanghai')).toEqual({
    from: '2025-12-31T16:00:00.000Z',
    to: '2026-01-01T16:00:00.000Z',
  });
  expect(dayRangeToInstants('', '2026-03-31', 'Asia/Shanghai')).toEqual({ to: '2026-03-31T16:00:00.000Z' });
  expect(dayRangeToInstants('', '', 'Asia/Shanghai')).toEqual({});
  // A zone with daylight saving: 2026-03-08 in New York is 23 hours long.
  const r = dayRangeToInstants('2026-03-08', '2026-03-08', 'America/New_York');
  expect(Date.parse(r.to ?? '') - Date.parse(r.from ?? '')).toBe(23 * 3_600_000);
});
