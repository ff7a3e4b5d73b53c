import { expect, test } from 'vitest';
import { planSummary } from './plan-summary.ts';

test('calls summed, peaks, agent hours by hand', () => {
  const rows = [
    { calls: 100, agents: 14, positions: 20 },
    { calls: 10, agents: 3, positions: 5 },
    { calls: 0, agents: 0, positions: 0 },
  ];
  expect(planSummary(rows, 30)).toEqual({ calls: 110, peakAgents: 14, peakPositions: 20, agentHours: 8.5 }); // 17 × 0.5 h
  expect(planSummary(rows, 15).agentHours).toBe(4.25);
  expect(planSummary([], 30)).toEqual({ calls: 0, peakAgents: 0, peakPositions: 0, agentHours: 0 });
});
