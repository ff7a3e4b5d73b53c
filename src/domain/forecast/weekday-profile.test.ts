import { expect, test } from 'vitest';
import { makeSeries } from './test-series.ts';
import { weekdayProfile } from './weekday-profile.ts';

test('mean total of the last four same weekdays, spread by their pooled shape', () => {
  // Five weeks from Monday 2025-10-27; Mondays have [a, 3a] with a = 10, 20, 30, 40, 50; other days 0.
  const s = makeSeries('2025-10-27', 35, 2, (_date, slot, i) => (i % 7 === 0 ? (slot === 0 ? 1 : 3) * 10 * (i / 7 + 1) : 0));
  const [monday, tuesday] = weekdayProfile(s, ['2025-12-01', '2025-12-02'])!;
  // Last four Mondays: totals 80, 120, 160, 200 → mean 140, shape ¼ : ¾.
  expect(monday![0]).toBeCloseTo(35, 10);
  expect(monday![1]).toBeCloseTo(105, 10);
  expect(tuesday).toEqual([0, 0]);
});
