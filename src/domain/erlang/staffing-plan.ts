import { type QueueModel, requiredAgents, type StaffingTargets, scheduledPositions, type TargetName } from './staffing.ts';
import { offeredTraffic, type QueueMetrics } from './traffic.ts';

/** One interval of one skill group to staff (calls and AHT forecast or measured). */
export interface PlanInterval {
  skillGroup: string;
  /** The interval's label or start (ISO time, epoch ms …), passed through untouched. */
  start: string | number;
  calls: number;
  ahtSeconds: number;
  /** Mean patience for Erlang A when it differs per interval; otherwise options.patienceSeconds. */
  patienceSeconds?: number;
}

export interface StaffingPlanOptions {
  intervalSeconds: number;
  model: QueueModel;
  targets: StaffingTargets;
  /** T for the service level, seconds. */
  slSeconds: number;
  patienceSeconds?: number;
  /** Share of paid time not on the phones (breaks, training, absence), 0 ≤ s < 1. */
  shrinkage: number;
}

export interface PlanRow extends PlanInterval {
  traffic: number;
  agents: number;
  fractionalAgents: number;
  /** ⌈agents / (1 − shrinkage)⌉. */
  positions: number;
  metrics: QueueMetrics;
  binding: TargetName[];
}

/**
 * Required agents and scheduled positions for every interval and skill group, each solved on its own
 * (Erlang C or A; skill groups do not share agents here — the multi-skill simulation tests a shared plan).
 * Identical (traffic, AHT, patience) inputs are solved once.
 *
 * @example staffingPlan([{ skillGroup: 'policy', start: '09:00', calls: 100, ahtSeconds: 180 }],
 *   { intervalSeconds: 1800, model: 'c', targets: { serviceLevel: 0.8 }, slSeconds: 20, shrinkage: 0.3 })
 * // [{ …, traffic: 10, agents: 14, positions: 20, … }]
 */
export function staffingPlan(intervals: readonly PlanInterval[], options: StaffingPlanOptions): PlanRow[] {
  const solved = new Map<string, ReturnType<typeof requiredAgents>>();
  return intervals.map((interval) => {
    const traffic = offeredTraffic(interval.calls, interval.ahtSeconds, options.intervalSeconds);
    const patienceSeconds = interval.patienceSeconds ?? options.patienceSeconds;
    const key = `${traffic}|${interval.ahtSeconds}|${patienceSeconds}`;
    let r = solved.get(key);
    if (!r) {
      r = requiredAgents(
        { model: options.model, traffic, ahtSeconds: interval.ahtSeconds, slSeconds: options.slSeconds, patienceSeconds },
        options.targets,
      );
      solved.set(key, r);
    }
    return {
      ...interval,
      traffic,
      agents: r.agents,
      fractionalAgents: r.fractionalAgents,
      positions: scheduledPositions(r.agents, options.shrinkage),
      metrics: r.metrics,
      binding: r.binding,
    };
  });
}
