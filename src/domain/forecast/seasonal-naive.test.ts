import { expect, test } from 'vitest';
import { seasonalNaive } from './seasonal-naive.ts';
import { makeSeries } from './test-series.ts';

test('copies the same weekday of the last week, repeating it beyond a week', () => {
  // Two weeks from Monday 2025-11-17; day i has calls [i, 10·i].
  const s = makeSeries('2025-11-17', 14, 2, (_, slot, i) => (slot === 0 ? i : 10 * i));
  const f = seasonalNaive(s, ['2025-12-01', '2025-12-07', '2025-12-08'])!;
  expect(f).toEqual([
    [7, 70],
    [13, 130],
    [7, 70],
  ]);
});
