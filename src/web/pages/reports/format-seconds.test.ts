import { expect, test } from 'vitest';
import { formatSeconds } from './format-seconds.ts';

test('clock readings, rounded to the second', () => {
  expect(formatSeconds(0)).toBe('0:00');
  expect(formatSeconds(9.6)).toBe('0:10');
  expect(formatSeconds(59.4)).toBe('0:59');
  expect(formatSeconds(59.5)).toBe('1:00');
  expect(formatSeconds(245.3)).toBe('4:05'); // 4 × 60 + 5
  expect(formatSeconds(3599.6)).toBe('1:00:00');
  expect(formatSeconds(3725)).toBe('1:02:05'); // 3600 + 2 × 60 + 5
  expect(formatSeconds(-65)).toBe('−1:05');
});

test('no value shows as a dash', () => {
  expect(formatSeconds(null)).toBe('—');
  expect(formatSeconds(undefined)).toBe('—');
  expect(formatSeconds(Number.NaN)).toBe('—');
});
