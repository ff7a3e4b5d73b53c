import { describe, expect, test } from 'vitest';
import { dayDiff } from '../calendar/civil-date.ts';
import { expectedCalls } from '../demo/demo-traffic.ts';
import { wape } from './accuracy.ts';
import { calendarFeatures } from './calendar-features.ts';
import { calendarRegression, fitDailyRegression, intradayProfiles } from './calendar-regression.ts';
import { sum } from './model.ts';
import { toDaySeries } from './series.ts';
import { syntheticHistory } from './synthetic.ts';
import { makeSeries } from './test-series.ts';

// Log-linear truth over Apr–Oct 2025 (Labour Day, Dragon Boat, National Day and their 调休 days inside).
const beta = [7, 0.01, 0.6, 0.55, 0.5, 0.5, 0.45, 0.05, -0.8, 0.1, 0.15, 0.3, 0.05, -0.05];
const dates = makeSeries('2025-04-07', 203, 1, () => 0).dates;
const features = dates.map((d) => calendarFeatures(d, dayDiff(dates[0]!, d) / 7));
const exact = features.map((x) => Math.exp(sum(x.map((v, i) => v * beta[i]!))) - 1);

describe('calendar regression of daily calls', () => {
  test('recovers every calendar effect of a known log-linear truth', () => {
    const fit = fitDailyRegression(exact, features);
    for (const [i, b] of fit.beta.entries()) expect(b, `coefficient ${i}`).toBeCloseTo(beta[i]!, 4);
    expect(fit.smear).toBeCloseTo(1, 5);
    expect(fit.dropped).toBe(0);
  });
  test('a day the calendar cannot explain is left out, so the effects stay right', () => {
    const withOutage = exact.map((v, i) => (i === 100 ? v * 0.05 : v));
    const fit = fitDailyRegression(withOutage, features);
    expect(fit.dropped).toBe(1);
    for (const [i, b] of fit.beta.entries()) expect(b, `coefficient ${i}`).toBeCloseTo(beta[i]!, 4);
  });
  test('smearing: the prediction is the mean of the days, not their geometric mean', () => {
    // Intercept only, days 99 and 399: log-mean gives √(100·400) − 1 = 199; smearing restores (100 + 400)/2 − 1 = 249.
    const fit = fitDailyRegression([99, 399], [[1], [1]]);
    expect(fit.predict([1])).toBeCloseTo(249, 8);
  });
});

describe('the model', () => {
  test('forecasts National Day from a history with earlier holidays: daily WAPE under 4 %, noise-free', () => {
    const hist = toDaySeries(syntheticHistory('2025-04-07', 175, 2000, 30), 30, 'Asia/Shanghai'); // to Sep 28
    const ahead = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2025, 8, 29 + i)).toISOString().slice(0, 10));
    const f = calendarRegression(hist, ahead)!;
    const truth = ahead.map((d) => expectedCalls(d, 2000, 30));
    expect(wape(truth.map(sum), f.map(sum))).toBeLessThan(0.04);
    expect(wape(truth.flat(), f.flat())).toBeLessThan(0.05);
    // The holiday Oct 3 alone: 0.38 × 2000 = 760.
    expect(sum(f[4]!) / 760).toBeGreaterThan(0.9);
    expect(sum(f[4]!) / 760).toBeLessThan(1.1);
  });
  test('day types the history lacks borrow a shape: a holiday takes the weekend’s', () => {
    const s = makeSeries('2025-08-04', 14, 2, (d) => (new Date(`${d}T00:00:00Z`).getUTCDay() % 6 === 0 ? [1, 3] : [3, 1])[0]!);
    const shape = intradayProfiles({
      ...s,
      calls: s.dates.map((d) => (new Date(`${d}T00:00:00Z`).getUTCDay() % 6 === 0 ? [1, 3] : [3, 1])),
    });
    const close = (a: number[], b: number[]) => {
      for (const [i, v] of a.entries()) expect(v).toBeCloseTo(b[i]!, 12);
    };
    close(shape('holiday'), [0.25, 0.75]);
    close(shape('makeup'), [0.75, 0.25]);
    close(shape(3), [0.75, 0.25]);
    close(shape(0), [0.25, 0.75]);
  });
});
