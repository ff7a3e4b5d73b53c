import { expect, test } from 'vitest';
import { addDays } from '../calendar/civil-date.ts';
import { dayFactor, expectedCalls, intradayShares } from './demo-traffic.ts';

test('intraday shares sum to one and form an M: two peaks with a lunch dip', () => {
  const s = intradayShares(30);
  expect(s).toHaveLength(48);
  expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  const at = (h: number) => s[h * 2] ?? 0;
  expect(at(10)).toBeGreaterThan(at(12.5));
  expect(at(15)).toBeGreaterThan(at(12.5));
  expect(at(12.5)).toBeGreaterThan(at(3));
});

test('day factors follow the Chinese calendar (National Day 2025)', () => {
  expect(dayFactor('2025-10-02')).toBeLessThan(0.5); // holiday
  expect(dayFactor('2025-09-28')).toBeGreaterThan(1); // Sunday worked (调休)
  expect(dayFactor('2025-10-09')).toBeGreaterThan(1.2); // first workday after the holiday
  expect(dayFactor('2025-11-22')).toBeLessThan(0.6); // Saturday
  expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
});

test('expected calls of a day add up to weekday volume × day factor', () => {
  const calls = expectedCalls('2025-11-26', 2400, 15);
  expect(calls.reduce((a, b) => a + b, 0)).toBeCloseTo(2400 * dayFactor('2025-11-26'), 9);
});
