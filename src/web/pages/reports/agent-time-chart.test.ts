import { expect, test } from 'vitest';
import { agentTimeOption } from './agent-time-chart.ts';
import { agentTotals } from './agent-time-summary.ts';

test('stacked hours per agent: talk, ACW, paused, idle add up to the logged-in hours', () => {
  const rows = agentTotals([
    {
      agent: 'a',
      intervalStart: '',
      loggedInSeconds: 8 * 3600,
      talkingSeconds: 5 * 3600,
      acwSeconds: 1800,
      pausedSeconds: 900,
      pausedByReason: { 小休: 900 },
      idleSeconds: 8 * 3600 - 5 * 3600 - 1800 - 900,
      occupancy: null,
      utilization: null,
      callsHandled: 30,
      callsPerHour: null,
    },
  ]);
  const o = agentTimeOption(rows, { talking: 'T', acw: 'W', idle: 'I', paused: 'P' });
  const series = o.series as { name: string; stack: string; data: number[] }[];
  expect(series.map((s) => s.name)).toEqual(['T', 'W', 'P', 'I']);
  expect(series.every((s) => s.stack === 'time')).toBe(true);
  expect(series.map((s) => s.data[0])).toEqual([5, 0.5, 0.3, 2.3]); // 0.25 h and 2.25 h rounded to 0.1 h
  expect(series.reduce((s, x) => s + x.data[0], 0)).toBeCloseTo(8.1, 9); // rounding shows, so the table keeps exact hours
});
