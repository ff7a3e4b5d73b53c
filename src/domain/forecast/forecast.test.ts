import { describe, expect, test } from 'vitest';
import { createRandom } from '../simulation/random.ts';
import { forecast } from './forecast.ts';
import { toDaySeries } from './series.ts';
import { syntheticHistory } from './synthetic.ts';

const series = (from: string, days: number, calls: number, minutes: number, seed?: number) =>
  toDaySeries(
    syntheticHistory(from, days, calls, minutes, seed === undefined ? undefined : createRandom(seed)),
    minutes,
    'Asia/Shanghai',
  );

describe('forecast', () => {
  test('auto takes the lowest backtest WAPE and covers every interval from the one after the history', () => {
    const r = forecast(series('2025-11-03', 28, 1500, 30, 5), { horizonDays: 7, model: 'auto' });
    const best = Math.min(...r.backtest.map((b) => b.wape ?? Number.POSITIVE_INFINITY));
    expect(r.backtest.find((b) => b.model === r.model)?.wape).toBe(best);
    expect(r.intervals).toHaveLength(7 * 48);
    expect(r.intervals[0]?.intervalStart).toBe('2025-12-01T00:00:00+08:00');
    expect(r.intervals.at(-1)?.intervalStart).toBe('2025-12-07T23:30:00+08:00');
    expect(r.intervals[20]?.ahtSeconds).toBeGreaterThan(150);
    expect(r.fallback).toBeNull();
  });
  test('a calendar-blind winner does not forecast the holidays ahead: the regression does', () => {
    // Noise-free repeating weeks: seasonal naive is perfect in the backtest and wins the tie; National Day lies ahead.
    const r = forecast(series('2025-08-11', 42, 2000, 60), { horizonDays: 14, model: 'auto' });
    expect(r.model).toBe('naive');
    expect(r.specialDaysByRegression).toEqual([
      '2025-09-28',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
    ]);
    const day = (date: string) => r.intervals.filter((i) => i.intervalStart.startsWith(date)).reduce((a, b) => a + b.offered, 0);
    expect(day('2025-10-01') / day('2025-09-24')).toBeLessThan(0.6); // a holiday, not a Wednesday
    const asked = forecast(series('2025-08-11', 42, 2000, 60), { horizonDays: 14, model: 'naive' });
    expect(asked.specialDaysByRegression).toEqual([]);
  });
  test('adjustments apply on their dates only', () => {
    const s = series('2025-11-03', 21, 1000, 60);
    const base = forecast(s, { horizonDays: 2, model: 'profile' });
    const adj = forecast(s, {
      horizonDays: 2,
      model: 'profile',
      adjustments: [
        { from: '2025-11-25', to: '2025-11-25', kind: 'percent', value: 50, reason: '新业务出台', author: 'planner' },
      ],
    });
    const day = (r: typeof base, d: number) => r.intervals.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b.offered, 0);
    expect(day(adj, 0)).toBeCloseTo(day(base, 0), 6);
    expect(day(adj, 1)).toBeCloseTo(1.5 * day(base, 1), 0);
  });
  test('short histories: an error under two weeks, a reported fallback under three', () => {
    expect(() => forecast(series('2025-11-03', 10, 100, 60), { horizonDays: 7, model: 'auto' })).toThrow(/at least 14/);
    const short = forecast(series('2025-11-03', 15, 100, 60), { horizonDays: 1, model: 'auto' });
    expect(short.model).toBe('profile');
    expect(short.fallback).toMatch(/too short for a backtest/);
    expect(() => forecast(series('2025-11-03', 15, 100, 60), { horizonDays: 0, model: 'auto' })).toThrow(/horizon/);
  });
});
