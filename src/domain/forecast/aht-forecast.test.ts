import { expect, test } from 'vitest';
import { ahtForecast } from './aht-forecast.ts';
import { makeSeries } from './test-series.ts';

test('call-weighted mean AHT of the same interval on the last four same weekdays, else the overall mean', () => {
  // Five weeks from Monday 2025-10-27, two intervals a day; only Mondays' first interval has calls with AHT.
  const s = makeSeries('2025-10-27', 35, 2, () => 0);
  const mondays: [number, number | null][] = [
    [50, 999],
    [10, 200],
    [30, 240],
    [0, null],
    [20, 180],
  ]; // the first is five weeks back
  mondays.forEach(([c, a], w) => {
    s.calls[7 * w]![0] = c;
    s.aht[7 * w]![0] = a;
  });
  const [monday, tuesday] = ahtForecast(s, ['2025-12-01', '2025-12-02']);
  expect(monday![0]).toBeCloseTo((10 * 200 + 30 * 240 + 20 * 180) / 60, 10); // 213.3 s
  const overall = (50 * 999 + 10 * 200 + 30 * 240 + 20 * 180) / 110;
  expect(monday![1]).toBeCloseTo(overall, 10);
  expect(tuesday![0]).toBeCloseTo(overall, 10);
  expect(
    ahtForecast(
      makeSeries('2025-10-27', 7, 2, () => 5),
      ['2025-11-03'],
    )[0],
  ).toEqual([null, null]);
});
