import { expect, test } from 'vitest';
import { countPerDay } from './count-per-day.ts';

test('instants count on the local day of the center, in day order', () => {
  expect(
    countPerDay(
      ['2026-01-02T03:00:00Z', '2026-01-01T15:00:00Z', '2026-01-01T17:00:00Z', '2026-01-01T23:59:59Z'],
      'Asia/Shanghai',
    ),
  ).toEqual([
    { day: '2026-01-01', count: 1 },
    { day: '2026-01-02', count: 3 },
  ]);
  expect(countPerDay([], 'Asia/Shanghai')).toEqual([]);
});
