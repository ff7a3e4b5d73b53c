import type { PlanRow } from './staffing-types.ts';

/**
 * The week at a glance: calls, the peak requirement, and agent hours = Σ agents × interval length
 * (the hours on the phones a schedule must cover; positions add shrinkage on top).
 *
 * @example planSummary([{ calls: 100, agents: 14, positions: 20 }, { calls: 10, agents: 3, positions: 5 }], 30)
 * // { calls: 110, peakAgents: 14, peakPositions: 20, agentHours: 8.5 }
 */
export function planSummary(rows: readonly Pick<PlanRow, 'calls' | 'agents' | 'positions'>[], intervalMinutes: number) {
  let calls = 0;
  let peakAgents = 0;
  let peakPositions = 0;
  let agentIntervals = 0;
  for (const r of rows) {
    calls += r.calls;
    peakAgents = Math.max(peakAgents, r.agents);
    peakPositions = Math.max(peakPositions, r.positions);
    agentIntervals += r.agents;
  }
  return { calls, peakAgents, peakPositions, agentHours: (agentIntervals * intervalMinutes) / 60 };
}
