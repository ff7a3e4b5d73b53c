import { expect, test } from 'vitest';
import { chartPoints, intervalChartOption, targetLines } from './interval-chart.ts';
import type { IntervalRow } from './report-columns.ts';

const row = (queue: string, iso: string, offered: number, answered: number, within: number): IntervalRow => ({
  queue,
  intervalStart: iso,
  intervalStartMs: Date.parse(iso),
  offered,
  answered,
  abandoned: offered - answered,
  shortAbandoned: 0,
  otherExits: 0,
  unknownEnd: 0,
  answeredWithinThreshold: within,
  abandonedAfterThreshold: 0,
  serviceLevel: within / offered,
  answerRate: answered / offered,
  asaSeconds: 5,
  maxWaitSeconds: 9,
  avgAbandonSeconds: null,
  ahtSeconds: 200,
  talkSeconds: 180,
  acwSeconds: 20,
  transferred: 0,
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

test('the option draws bars for offered/answered, SL on the second axis, and a target line per target', () => {
  const lines = [
    { value: 0.8, label: 'a 80% / 20 s' },
    { value: 0.85, label: 'b 85% / 15 s' },
  ];
  const o = intervalChartOption(
    [{ label: '09:00', offered: 40, answered: 36, serviceLevel: 0.575 }],
    { offered: 'O', answered: 'A', serviceLevel: 'SL', target: 'T' },
    lines,
  );
  const series = o.series as {
    type: string;
    yAxisIndex?: number;
    data: unknown[];
    markLine?: { data: { yAxis: number; label: { formatter: string; position: string } }[] };
  }[];
  expect(series.map((s) => s.type)).toEqual(['bar', 'bar', 'line']);
  expect(series[2].yAxisIndex).toBe(1);
  expect(series[2].markLine?.data.map((d) => [d.yAxis, d.label.formatter])).toEqual([
    [0.8, 'T a 80% / 20 s'],
    [0.85, 'T b 85% / 15 s'],
  ]);
  // 80 % has 85 % just above it: its label goes below its line so the two labels do not overlap.
  expect(series[2].markLine?.data.map((d) => d.label.position)).toEqual(['insideEndBottom', 'insideEndTop']);
  expect(series[0].data).toEqual([40]);
  const none = intervalChartOption([], { offered: 'O', answered: 'A', serviceLevel: 'SL', target: 'T' }, []);
  expect((none.series as { markLine?: unknown }[])[2].markLine).toBeUndefined();
});

test('one target line per skill-group target, groups sharing one named together', () => {
  const groups = [
    { name: '政策咨询', slTarget: 0.8, slThresholdSeconds: 20 },
    { name: '投诉举报', slTarget: 0.8, slThresholdSeconds: 20 },
    { name: '企业专席', slTarget: 0.85, slThresholdSeconds: 15 },
  ];
  const seconds = (n: number) => `${n} 秒`;
  expect(targetLines(groups, { queue: '企业专席', seconds })).toEqual([{ value: 0.85, label: '企业专席 85% / 15 秒' }]);
  expect(targetLines(groups, { queue: '', seconds })).toEqual([
    { value: 0.8, label: '政策咨询、投诉举报 80% / 20 秒' },
    { value: 0.85, label: '企业专席 85% / 15 秒' },
  ]);
  // Rows by skill group: only the groups in the rows.
  expect(targetLines(groups, { queue: '', shown: ['投诉举报'], seconds }).map((l) => l.value)).toEqual([0.8]);
  // A queue not mapped to any group has no target.
  expect(targetLines(groups, { queue: 'unmapped-queue', seconds })).toEqual([]);
});
