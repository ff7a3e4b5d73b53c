import { staffingPlan } from '../erlang/staffing-plan.ts';
import type { DemoSkillGroup } from './demo-center.ts';
import { expectedCalls } from './demo-traffic.ts';

export interface DemoRequirement {
  /** required[skillGroup name][d][i]: agents needed in interval i of dates[d], as the schedule builder reads it. */
  required: Record<string, number[][]>;
  /** Offered calls and AHT per group, day and interval (for the predicted service level of understaffed intervals). */
  traffic: Record<string, { calls: number; ahtSeconds: number }[][]>;
}

/**
 * The agents the demo center needs on `dates`: its traffic model's expected calls (demo-traffic.ts — the calls the
 * demo history is simulated from, so what its forecast estimates) at the groups' mean handle time (talk + ACW),
 * staffed with Erlang C for each group's service-level target and threshold, no shrinkage — the requirement the
 * schedule builder derives from a forecast (POST /api/v1/schedules). Keyed by the skill groups' names, as the
 * scheduler's agents carry them.
 * @example 政策咨询 (2,400 weekday calls, 240 s, 80 % in 20 s) at 10:00–10:30 on Wednesday 2026-12-02: 159.0 calls,
 *   21.2 Erlangs → 26 agents.
 */
export function demoRequirement(
  dates: readonly string[],
  groups: readonly DemoSkillGroup[],
  intervalMinutes: number,
): DemoRequirement {
  const required: DemoRequirement['required'] = {};
  const traffic: DemoRequirement['traffic'] = {};
  for (const g of groups) {
    const ahtSeconds = g.meanHandleSeconds + g.meanAcwSeconds;
    const days = dates.map((date) =>
      expectedCalls(date, g.weekdayCalls, intervalMinutes).map((calls) => ({ calls, ahtSeconds })),
    );
    const plan = staffingPlan(
      days.flat().map((t, i) => ({ skillGroup: g.name, start: i, ...t })),
      {
        intervalSeconds: intervalMinutes * 60,
        model: 'c',
        targets: { serviceLevel: g.slTarget },
        slSeconds: g.slThresholdSeconds,
        shrinkage: 0,
      },
    );
    const perDay = days[0]?.length ?? 0;
    required[g.name] = days.map((_, d) => plan.slice(d * perDay, (d + 1) * perDay).map((p) => p.agents));
    traffic[g.name] = days;
  }
  return { required, traffic };
}
