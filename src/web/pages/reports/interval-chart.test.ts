import { expect, test } from 'vitest';
import { chartPoints, intervalChartOption, targetFor } from './interval-chart.ts';
import type { IntervalRow } from './report-columns.ts';

const row = (queue: string, iso: string, offered: number, answered: number, within: number): IntervalRow => ({
  queue, intervalStart: iso, intervalStartMs: Date.parse(iso), offered, answered, abandoned: offered - answered, shortAbandoned: 0,
  otherExits: 0, unknownEnd: 0, answeredWithinThreshold: within, abandonedAfterThreshold: 0, serviceLevel: within / offered,
  answerRate: answered / offered, asaSeconds: 5, maxWaitSeconds: 9, avgAbandonSeconds: null, ahtSeconds: 200, talkSeconds: 180,
  acwSeconds: 20, transferred: 0,
});

test('one point per interval, skill groups summed and SL from the sums; empty intraday intervals filled as gaps', () => {
  const rows = [
    row('政策咨询', '2026-11-23T09:00:00+08:00', 10, 9, 8),
    row('投诉举报', '2026-11-23T09:00:00+08:00', 30, 27, 15),
    row('政策咨询', '2026-11-23T10:00:00+08:00', 4, 4, 4),
  ];
  const p = chartPoints(rows, '30', 1, 'Asia/Shanghai');
  expect(p.map((x) => x.label)).toEqual(['11-23 09:00', '11-23 09:30', '11-23 10:00']);
  expect(p[0]).toEqual({ label: '11-23 09:00', offered: 40, answered: 36, serviceLevel: 23 / 40 }); // not (0.8 + 0.5)/2
  expect(p[1]).toEqual({ label: '11-23 09:30', offered: 0, answered: 0, serviceLevel: null });
  expect(p[2].serviceLevel).toBe(1);
});

test('day intervals keep dates and no filling', () => {
  const rows = [row('a', '2026-11-20T00:00:00+08:00', 5, 5, 5), row('a', '2026-11-23T00:00:00+08:00', 2, 1, 1)];
  expect(chartPoints(rows, 'day', 1, 'Asia/Shanghai').map((x) => x.label)).toEqual(['2026-11-20', '2026-11-23']);
});

test('the option draws bars for offered/answered, SL on the second axis, and the target line', () => {
  const o = intervalChartOption([{ label: '09:00', offered: 40, answered: 36, serviceLevel: 0.575 }], { offered: 'O', answered: 'A', serviceLevel: 'SL', target: 'T' }, 0.8);
  const series = o.series as { type: string; yAxisIndex?: number; data: unknown[]; markLine?: { data: { yAxis: number }[] } }[];
  expect(series.map((s) => s.type)).toEqual(['bar', 'bar', 'line']);
  expect(series[2].yAxisIndex).toBe(1);
  expect(series[2].markLine?.data[0].yAxis).toBe(0.8);
  expect(series[0].data).toEqual([40]);
});

test('a target line only when one target applies', () => {
  const groups = [{ name: '政策咨询', slTarget: 0.8 }, { name: '投诉举报', slTarget: 0.8 }, { name: '企业专席', slTarget: 0.85 }];
  expect(targetFor(groups, '企业专席')).toBe(0.85);
  expect(targetFor(groups, '')).toBeNull();
  expect(targetFor(groups.slice(0, 2), '')).toBe(0.8);
  expect(targetFor(groups, 'unmapped-queue')).toBeNull();
});
