import { expect, test } from 'vitest';
import { accuracyReport } from './accuracy-report.ts';

const at = (iso: string) => Date.parse(iso);

test('per interval, per local day and overall, only where actuals have arrived', () => {
  // Two days in Shanghai (UTC+8); 2025-10-09T23:00+08:00 is 15:00 UTC but belongs to Oct 9.
  const forecast = [
    { intervalStart: at('2025-10-09T10:00:00+08:00'), offered: 12 },
    { intervalStart: at('2025-10-09T23:00:00+08:00'), offered: 27 },
    { intervalStart: at('2025-10-10T10:00:00+08:00'), offered: 20 },
    { intervalStart: at('2025-10-11T10:00:00+08:00'), offered: 50 }, // no actual yet
  ];
  const actual = [
    { intervalStart: at('2025-10-09T10:00:00+08:00'), offered: 10 },
    { intervalStart: at('2025-10-09T23:00:00+08:00'), offered: 30 },
    { intervalStart: at('2025-10-10T10:00:00+08:00'), offered: 0 },
  ];
  const r = accuracyReport(actual, forecast, 'Asia/Shanghai');
  expect(r.intervals.map((i) => i.error)).toEqual([2, -3, 20]);
  expect(r.days.map((d) => d.date)).toEqual(['2025-10-09', '2025-10-10']);
  const [d1, d2] = r.days;
  expect(d1!.wape).toBeCloseTo(5 / 40, 12);
  expect(d1!.mape).toBeCloseTo(0.15, 12);
  expect(d1!.bias).toBeCloseTo(-1 / 40, 12);
  expect(d2!.wape).toBeNull(); // no calls that day: WAPE undefined
  expect(r.overall).toMatchObject({ actual: 40, forecast: 59 });
  expect(r.overall.wape).toBeCloseTo(25 / 40, 12);
  expect(r.overall.bias).toBeCloseTo(19 / 40, 12);
});
