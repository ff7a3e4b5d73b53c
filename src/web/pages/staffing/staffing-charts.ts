import type { ChartOption } from '../../components/chart.tsx';
import type { PlanRow, SimMetric, SimStats, WhatIfRow } from './staffing-types.ts';

/**
 * ECharts options of the staffing pages, built from API rows (pure, so they are unit-tested).
 * Shares are plotted as percentages 0–100 so the axis and tooltip read as people say them.
 */

const pct = (x: number) => Math.round(x * 100 * 100) / 100;

export interface WhatIfLabels {
  serviceLevel: string;
  occupancy: string;
  pAbandon: string;
  pWait: string;
  asa: string;
  agents: string;
  undefinedZone: string;
}

/**
 * SL, occupancy, P(wait), P(abandon) (%, left axis) and ASA (s, right axis) against n, the chosen n marked;
 * rows where the model is undefined (Erlang C, n ≤ A) are gaps and a shaded band, never zeros.
 */
export function whatIfOption(
  rows: readonly WhatIfRow[],
  chosen: number,
  labels: WhatIfLabels,
  slTargetPercent?: number,
): ChartOption {
  const x = rows.map((r) => String(r.agents));
  const line = (name: string, pick: (r: WhatIfRow & { defined: true }) => number, axis = 0) => ({
    type: 'line' as const,
    name,
    yAxisIndex: axis,
    connectNulls: false,
    data: rows.map((r) => (r.defined ? pick(r) : null)),
  });
  const undefinedRows = rows.filter((r) => !r.defined);
  const first = undefinedRows[0];
  const last = undefinedRows[undefinedRows.length - 1];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 52, right: 60, top: 40, bottom: 36 },
    xAxis: { type: 'category', name: labels.agents, nameLocation: 'middle', nameGap: 24, data: x },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: labels.asa, min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        ...line(labels.serviceLevel, (r) => pct(r.serviceLevel)),
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}' },
          data: [
            { name: `n = ${chosen}`, xAxis: String(chosen) },
            ...(slTargetPercent !== undefined ? [{ name: `${slTargetPercent}%`, yAxis: slTargetPercent }] : []),
          ],
        },
        ...(first && last
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(200,200,200,0.25)' },
                data: [[{ name: labels.undefinedZone, xAxis: String(first.agents) }, { xAxis: String(last.agents) }]],
              },
            }
          : {}),
      },
      line(labels.occupancy, (r) => pct(r.occupancy)),
      line(labels.pWait, (r) => pct(r.pWait)),
      line(labels.pAbandon, (r) => pct(r.pAbandon)),
      line(labels.asa, (r) => Math.round(r.asaSeconds * 10) / 10, 1),
    ],
  };
}

/** `2026-11-17T09:00:00+08:00` → `11-17 09:00` (the center's clock, as the API wrote it). */
export const shortStart = (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;

/** Required agents and positions per interval as steps, calls as bars on a second axis. */
export function planOption(rows: readonly PlanRow[], labels: { agents: string; positions: string; calls: string }): ChartOption {
  return {
    // A week of intervals: drawing it animated leaves a half-drawn curve on screen for a second.
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 52, right: 56, top: 40, bottom: 64 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 8 }],
    xAxis: { type: 'category', data: rows.map((r) => shortStart(r.start)) },
    yAxis: [
      { type: 'value', name: labels.agents, min: 0 },
      { type: 'value', name: labels.calls, min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        yAxisIndex: 1,
        name: labels.calls,
        data: rows.map((r) => r.calls),
        itemStyle: { color: '#c9d7ee' },
        barCategoryGap: '10%',
      },
      {
        type: 'line',
        step: 'middle',
        name: labels.agents,
        data: rows.map((r) => r.agents),
        itemStyle: { color: '#1f5fbf' },
        showSymbol: false,
      },
      {
        type: 'line',
        step: 'middle',
        name: labels.positions,
        data: rows.map((r) => r.positions),
        itemStyle: { color: '#d9822b' },
        showSymbol: false,
      },
    ],
  };
}

const SHARE_METRICS: ReadonlySet<SimMetric> = new Set(['serviceLevel', 'abandonRate', 'pWait', 'occupancy']);

/** Lower and upper end of mean ± half-width, in plotting units; null when the interval has no estimate. */
export function band(e: { mean: number | null; halfWidth: number | null }, share: boolean): [number, number] | null {
  if (e.mean === null) return null;
  const f = share ? 100 : 1;
  const h = e.halfWidth ?? 0;
  const lo = share ? Math.max(0, e.mean - h) : e.mean - h;
  const hi = share ? Math.min(1, e.mean + h) : e.mean + h;
  return [lo * f, hi * f];
}

const COLORS = ['#1f5fbf', '#d9822b', '#2f9e6e', '#8e44ad', '#c0392b'];

/**
 * One metric of a simulation per interval: the mean of each queue as a line and its 95 % confidence
 * interval as a band (a transparent base stacked with the band's height).
 */
export function simulationOption(
  intervals: readonly SimStats[],
  metric: SimMetric,
  intervalLabels: readonly string[],
  ciLabel: string,
): ChartOption {
  const share = SHARE_METRICS.has(metric);
  const queues = [...new Set(intervals.map((r) => r.queue))];
  const series = queues.flatMap((q, i) => {
    const rows = intervals.filter((r) => r.queue === q);
    const bands = rows.map((r) => band(r[metric], share));
    const color = COLORS[i % COLORS.length] as string;
    const stack = `ci-${i}`;
    return [
      {
        type: 'line' as const,
        name: `${q} ${ciLabel}`,
        stack,
        data: bands.map((b) => (b ? b[0] : null)),
        lineStyle: { opacity: 0 },
        showSymbol: false,
        tooltip: { show: false },
        legendHoverLink: false,
      },
      {
        type: 'line' as const,
        name: `${q} ${ciLabel}`,
        stack,
        data: bands.map((b) => (b ? b[1] - b[0] : null)),
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.18 },
        showSymbol: false,
        tooltip: { show: false },
      },
      {
        type: 'line' as const,
        name: q,
        data: rows.map((r) =>
          r[metric].mean === null
            ? null
            : share
              ? pct(r[metric].mean as number)
              : Math.round((r[metric].mean as number) * 10) / 10,
        ),
        itemStyle: { color },
        lineStyle: { color },
      },
    ];
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: queues },
    grid: { left: 52, right: 24, top: 40, bottom: 36 },
    xAxis: { type: 'category', data: [...intervalLabels] },
    yAxis: share ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', min: 0 },
    series,
  };
}
