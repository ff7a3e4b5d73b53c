import { expect, test } from 'vitest';
import { band, planOption, shortStart, simulationOption, whatIfOption } from './staffing-charts.ts';
import type { SimStats, WhatIfRow } from './staffing-types.ts';

const labels = {
  serviceLevel: 'SL',
  occupancy: 'Occ',
  pAbandon: 'Ab',
  pWait: 'PW',
  asa: 'ASA',
  agents: 'n',
  undefinedZone: 'undef',
};

test('what-if chart: undefined n are gaps with a shaded band, shares in percent, the chosen n marked', () => {
  const rows: WhatIfRow[] = [
    { agents: 9, defined: false, reason: 'n ≤ A' },
    { agents: 10, defined: false, reason: 'n ≤ A' },
    { agents: 11, defined: true, serviceLevel: 0.3, asaSeconds: 121.46, pWait: 0.68, pAbandon: 0, occupancy: 10 / 11 },
    { agents: 14, defined: true, serviceLevel: 0.88835, asaSeconds: 7.836, pWait: 0.174132, pAbandon: 0, occupancy: 10 / 14 },
  ];
  const o = whatIfOption(rows, 14, labels, 80) as {
    series: { name: string; data: (number | null)[]; markLine?: { data: unknown[] }; markArea?: { data: unknown[][] } }[];
  };
  const sl = o.series.find((s) => s.name === 'SL');
  expect(sl?.data).toEqual([null, null, 30, 88.84]);
  expect(o.series.find((s) => s.name === 'Occ')?.data).toEqual([null, null, 90.91, 71.43]);
  expect(o.series.find((s) => s.name === 'ASA')?.data).toEqual([null, null, 121.5, 7.8]);
  expect(sl?.markLine?.data).toEqual([
    { name: 'n = 14', xAxis: '14' },
    { name: '80%', yAxis: 80 },
  ]);
  expect(sl?.markArea?.data[0]).toEqual([{ name: 'undef', xAxis: '9' }, { xAxis: '10' }]);
  const noGap = whatIfOption(rows.slice(2), 14, labels) as { series: { markArea?: unknown }[] };
  expect(noGap.series[0]?.markArea).toBeUndefined();
});

test('plan chart: one point per interval, agents and positions as given', () => {
  const row = {
    start: '2026-11-17T09:00:00+08:00',
    calls: 100,
    ahtSeconds: 180,
    ahtSource: 'interval' as const,
    traffic: 10,
    agents: 14,
    fractionalAgents: 13.5,
    positions: 20,
    serviceLevel: 0.88,
    asaSeconds: 7.8,
    pAbandon: 0,
    occupancy: 0.71,
  };
  const o = planOption([row, { ...row, start: '2026-11-17T09:30:00+08:00', agents: 3, positions: 5, calls: 12 }], {
    agents: 'a',
    positions: 'p',
    calls: 'c',
  }) as {
    xAxis: { data: string[] };
    series: { name: string; data: number[] }[];
  };
  expect(o.xAxis.data).toEqual(['11-17 09:00', '11-17 09:30']);
  expect(o.series.map((s) => [s.name, s.data])).toEqual([
    ['c', [100, 12]],
    ['a', [14, 3]],
    ['p', [20, 5]],
  ]);
  expect(shortStart('2026-01-05T23:30:00-05:00')).toBe('01-05 23:30');
});

test('confidence bands: mean ± half-width, shares clamped to [0, 100 %], none without a mean', () => {
  expect(band({ mean: 0.9, halfWidth: 0.05 }, true)?.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([85, 95]);
  expect(band({ mean: 0.98, halfWidth: 0.05 }, true)?.[1]).toBe(100);
  expect(band({ mean: 12, halfWidth: 3 }, false)).toEqual([9, 15]);
  expect(band({ mean: null, halfWidth: null }, true)).toBeNull();
  expect(band({ mean: 0.5, halfWidth: null }, true)).toEqual([50, 50]);
});

test('simulation chart: per queue a transparent base plus the band height, and the mean line', () => {
  const est = (mean: number | null, halfWidth: number | null) => ({ mean, halfWidth, replications: 5 });
  const row = (queue: string, interval: number, sl: number | null): SimStats => ({
    queue,
    interval,
    offered: est(10, 1),
    serviceLevel: est(sl, sl === null ? null : 0.1),
    abandonRate: est(0, 0),
    pWait: est(0.2, 0.05),
    asaSeconds: est(4, 1),
    meanWaitSeconds: est(4, 1),
    occupancy: est(0.7, 0.02),
  });
  const o = simulationOption(
    [row('a', 0, 0.8), row('a', 1, null), row('b', 0, 0.6), row('b', 1, 0.65)],
    'serviceLevel',
    ['09:00', '09:30'],
    'CI',
  ) as {
    series: { name: string; stack?: string; data: (number | null)[] }[];
    legend: { data: string[] };
  };
  expect(o.legend.data).toEqual(['a', 'b']);
  expect(o.series).toHaveLength(6);
  const [base, height, mean] = o.series;
  expect(base?.stack).toBe(height?.stack);
  expect(base?.data.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9))).toEqual([70, null]);
  expect(height?.data.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9))).toEqual([20, null]);
  expect(mean?.data).toEqual([80, null]);
  expect(o.series[5]?.data).toEqual([60, 65]);
});
