import { expect, test } from 'vitest';
import { myNumbersOption } from './my-numbers-chart.ts';
import type { IntervalRow } from './report-columns.ts';

test('days in date order, answered as bars and AHT in minutes', () => {
  const day = (iso: string, answered: number, aht: number | null) =>
    ({ intervalStart: iso, answered, ahtSeconds: aht }) as IntervalRow;
  const o = myNumbersOption([day('2026-11-23T00:00:00+08:00', 30, 301.5), day('2026-11-20T00:00:00+08:00', 25, null)], {
    answered: 'A',
    aht: 'H',
  });
  const series = o.series as { data: (number | null)[] }[];
  expect((o.xAxis as { data: string[] }).data).toEqual(['11-20', '11-23']);
  expect(series[0].data).toEqual([25, 30]);
  expect(series[1].data).toEqual([null, 5]); // 301.5 s = 5.025 min → 5.0
});
