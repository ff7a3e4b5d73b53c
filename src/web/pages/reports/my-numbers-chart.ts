import type { ChartOption } from '../../components/chart.tsx';
import type { IntervalRow } from './report-columns.ts';

/** The agent's days: calls answered as bars, AHT (minutes, one decimal) as a line on a second axis. */
export function myNumbersOption(rows: readonly IntervalRow[], labels: { answered: string; aht: string }): ChartOption {
  const days = [...rows].sort((a, b) => (a.intervalStart < b.intervalStart ? -1 : 1));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((r) => r.intervalStart.slice(5, 10)) },
    yAxis: [{ type: 'value' }, { type: 'value', name: 'min', splitLine: { show: false } }],
    series: [
      { type: 'bar', name: labels.answered, data: days.map((r) => r.answered), itemStyle: { color: '#2f6fb3' } },
      {
        type: 'line',
        name: labels.aht,
        yAxisIndex: 1,
        data: days.map((r) => (r.ahtSeconds == null ? null : Math.round(r.ahtSeconds / 6) / 10)),
        itemStyle: { color: '#d9822b' },
      },
    ],
  };
}
