import { expect, test } from 'vitest';
import { wape } from './accuracy.ts';
import { backtest } from './backtest.ts';
import { makeSeries } from './test-series.ts';

test('rolling origin: each held-out week is forecast from the days before it only', () => {
  // Four weeks from Monday 2025-11-03, one interval a day, calls = 10 + day number (a steady rise).
  const s = makeSeries('2025-11-03', 28, 1, (_, __, i) => 10 + i);
  const rows = backtest(s, 2);
  // Seasonal naive forecasts each day as the day a week before: error 7 on every held-out day (days 14–27).
  const held = Array.from({ length: 14 }, (_, k) => 24 + k);
  const naive = rows.find((r) => r.model === 'naive')!;
  expect(naive.wape).toBeCloseTo(
    wape(
      held,
      held.map((a) => a - 7),
    )!,
    12,
  );
  expect(naive.dailyWape).toBeCloseTo(naive.wape!, 12); // one interval a day: the same
  expect(rows.map((r) => r.model)).toEqual(['naive', 'profile', 'holt-winters', 'regression']);
  // The regression's trend sees the rise (log-linear, so not exactly); seasonal naive lags a week behind it.
  expect(rows.find((r) => r.model === 'regression')!.wape!).toBeLessThan(0.75 * naive.wape!);
});

test('weeks without two weeks of training before them are not held out', () => {
  const s = makeSeries('2025-11-03', 20, 1, () => 5);
  expect(backtest(s, 2).every((r) => r.wape === null)).toBe(true);
  expect(
    backtest(
      makeSeries('2025-11-03', 21, 1, () => 5),
      2,
    ).find((r) => r.model === 'naive')!.wape,
  ).toBe(0);
});
