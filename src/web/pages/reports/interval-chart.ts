import { DateTime } from 'luxon';
import type { ChartOption } from '../../components/chart.tsx';
import { type IntervalRow, intervalLabel, isIntraday } from './report-columns.ts';
import { type SlDefinition, totalRow } from './total-row.ts';

/** One point of the chart: the interval's label and the figures of every row in it summed (then the ratio). */
export interface ChartPoint {
  label: string;
  offered: number;
  answered: number;
  serviceLevel: number | null;
}

/**
 * Rows of any dimension → one point per interval: the rows of an interval (all skill groups, teams or
 * agents shown) are summed with {@link totalRow}, so the service level of a point is the SL of the summed
 * counts. For intraday intervals, intervals without calls between the first and the last are filled with
 * zero-call points (service level null: a gap, not 0 %), so the x-axis is a true clock.
 * @example rows at 09:00 and 10:00 with interval 30 → points 09:00, 09:30 (0 offered), 10:00.
 */
export function chartPoints(
  rows: readonly IntervalRow[],
  interval: string,
  slDefinition: SlDefinition,
  timeZone: string,
): ChartPoint[] {
  const byStart = new Map<string, IntervalRow[]>();
  for (const r of rows) {
    const list = byStart.get(r.intervalStart);
    if (list) list.push(r);
    else byStart.set(r.intervalStart, [r]);
  }
  const point = (label: string, list: readonly IntervalRow[]): ChartPoint => {
    const t = totalRow(list, slDefinition);
    return { label, offered: t.offered, answered: t.answered, serviceLevel: t.serviceLevel };
  };
  const starts = [...byStart.keys()].sort((a, b) => ms(byStart.get(a)?.[0], a) - ms(byStart.get(b)?.[0], b));
  if (!isIntraday(interval) || starts.length === 0)
    return starts.map((s) => point(intervalLabel(s, interval), byStart.get(s) ?? []));
  const step = Number(interval) * 60_000;
  const known = new Map(starts.map((s) => [ms(byStart.get(s)?.[0], s), byStart.get(s) ?? []] as const));
  const first = Math.min(...known.keys());
  const last = Math.max(...known.keys());
  const out: ChartPoint[] = [];
  for (let t = first; t <= last; t += step) {
    const label = DateTime.fromMillis(t, { zone: timeZone }).toFormat('MM-dd HH:mm');
    out.push(point(label, known.get(t) ?? []));
  }
  return out;
}

/** The row's instant: `intervalStartMs` when sent, else parsed from the ISO text (which carries its offset). */
function ms(row: IntervalRow | undefined, iso: string): number {
  return row?.intervalStartMs ?? DateTime.fromISO(iso, { setZone: true }).toMillis();
}

export interface ChartLabels {
  offered: string;
  answered: string;
  serviceLevel: string;
  target: string;
}

/** A dashed target line of the service-level axis: a target share and the skill groups it belongs to. */
export interface TargetLine {
  value: number;
  label: string;
}

/**
 * The interval chart: offered and answered as bars on the left axis, service level as a line on a right
 * axis of 0–100 %, and one dashed line per service-level target of the skill groups shown.
 */
export function intervalChartOption(
  points: readonly ChartPoint[],
  labels: ChartLabels,
  targets: readonly TargetLine[],
): ChartOption {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.offered, labels.answered, labels.serviceLevel] },
    grid: { left: 56, right: 56, top: 40, bottom: points.length > 96 ? 56 : 32 },
    dataZoom: points.length > 96 ? [{ type: 'slider', bottom: 8 }] : [],
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: [
      { type: 'value', name: labels.offered },
      { type: 'value', name: labels.serviceLevel, min: 0, max: 1, axisLabel: { formatter: pct }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: labels.offered, data: points.map((p) => p.offered), itemStyle: { color: '#9db7d5' } },
      { type: 'bar', name: labels.answered, data: points.map((p) => p.answered), itemStyle: { color: '#2f6fb3' } },
      {
        type: 'line',
        name: labels.serviceLevel,
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 4,
        itemStyle: { color: '#d9822b' },
        data: points.map((p) => p.serviceLevel),
        markLine:
          targets.length === 0
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#c23b22' },
                data: targets.map((t) => ({
                  yAxis: t.value,
                  name: t.label,
                  label: {
                    formatter: `${labels.target} ${t.label}`,
                    position: labelBelow(t, targets) ? 'insideEndBottom' : 'insideEndTop',
                    backgroundColor: 'rgba(255,255,255,0.85)',
                  },
                })),
              },
      },
    ],
  };
}

/** Labels sit above their line, except a line with another close above it: its label goes below, so the two do not overlap. */
function labelBelow(line: TargetLine, all: readonly TargetLine[]): boolean {
  return all.some((o) => o.value > line.value && o.value - line.value < CLOSE_TARGETS);
}

/** Two target lines nearer than this (in share of the 0–100 % axis) would print their labels over each other. */
const CLOSE_TARGETS = 0.1;

/**
 * The target lines for the skill groups shown: the chosen group's, else those of the groups in the rows
 * (all groups when the rows are by team or agent). Groups with the same target and threshold share a
 * line, labelled with their names, e.g. `政策咨询、投诉举报 80% / 20 秒`.
 * @example two groups at 80 %/20 s and one at 85 %/15 s → two lines, 0.8 and 0.85.
 */
export function targetLines(
  groups: readonly { name: string; slTarget: number; slThresholdSeconds: number }[],
  options: { queue: string; shown?: readonly string[]; seconds: (n: number) => string },
): TargetLine[] {
  const shown = new Set(options.shown ?? []);
  const chosen = options.queue
    ? groups.filter((g) => g.name === options.queue)
    : shown.size > 0
      ? groups.filter((g) => shown.has(g.name))
      : groups;
  const byTarget = new Map<string, { value: number; threshold: number; names: string[] }>();
  for (const g of chosen) {
    const key = `${g.slTarget}/${g.slThresholdSeconds}`;
    const line = byTarget.get(key);
    if (line) line.names.push(g.name);
    else byTarget.set(key, { value: g.slTarget, threshold: g.slThresholdSeconds, names: [g.name] });
  }
  return [...byTarget.values()]
    .sort((a, b) => a.value - b.value || a.threshold - b.threshold)
    .map((l) => ({
      value: l.value,
      label: `${l.names.join('、')} ${Math.round(l.value * 100)}% / ${options.seconds(l.threshold)}`,
    }));
}
