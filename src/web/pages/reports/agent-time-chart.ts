import type { ChartOption } from '../../components/chart.tsx';
import type { AgentTimeTotal } from './agent-time-summary.ts';

/** The time bars of the chart: hours per state per agent (stacked), in the table's order. */
export function agentTimeOption(
  rows: readonly AgentTimeTotal[],
  labels: { talking: string; acw: string; idle: string; paused: string },
): ChartOption {
  const h = (s: number) => Math.round((s / 3600) * 10) / 10;
  const bar = (name: string, color: string, f: (r: AgentTimeTotal) => number) => ({
    type: 'bar' as const,
    stack: 'time',
    name,
    itemStyle: { color },
    data: rows.map((r) => h(f(r))),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: rows.length > 30 ? 100 : 72 },
    dataZoom: rows.length > 30 ? [{ type: 'slider', bottom: 4, height: 18, startValue: 0, endValue: 29 }] : [],
    xAxis: { type: 'category', data: rows.map((r) => r.agent), axisLabel: { rotate: 45, interval: 0 } },
    yAxis: { type: 'value', name: 'h' },
    series: [
      bar(labels.talking, '#2f6fb3', (r) => r.talkingSeconds),
      bar(labels.acw, '#7fa7d6', (r) => r.acwSeconds),
      bar(labels.paused, '#d9822b', (r) => r.pausedSeconds),
      bar(labels.idle, '#c9d3df', (r) => r.idleSeconds),
    ],
  };
}
