import { describe, expect, test } from 'vitest';
import {
  evaluateStaffing,
  failedTargets,
  requiredAgents,
  type StaffingProblem,
  type StaffingTargets,
  scheduledPositions,
} from './staffing.ts';
import { offeredTraffic } from './traffic.ts';

/** Second method: count up one agent at a time from the smallest n the model allows. */
function leastByScan(problem: StaffingProblem, targets: StaffingTargets): number {
  for (let n = problem.model === 'c' ? Math.floor(problem.traffic) + 1 : 1; ; n++) {
    if (failedTargets(evaluateStaffing(problem, n), targets).length === 0) return n;
  }
}

describe('staffing', () => {
  test('reference: 100 calls / 30 min, AHT 180 s, 80 % in 20 s, occupancy ≤ 0.85, shrinkage 0.3', () => {
    const problem: StaffingProblem = { model: 'c', traffic: offeredTraffic(100, 180, 1800), ahtSeconds: 180, slSeconds: 20 };
    const r = requiredAgents(problem, { serviceLevel: 0.8, maxOccupancy: 0.85 });
    expect(r.agents).toBe(14);
    expect(scheduledPositions(r.agents, 0.3)).toBe(20);
    expect(r.metrics.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(r.metrics.pWait).toBeCloseTo(0.174132, 6);
    expect(r.metrics.asaSeconds).toBeCloseTo(7.836, 3);
    expect(r.metrics.occupancy).toBeCloseTo(0.714286, 6);
    // 13 agents miss the SL target, so 14 is the least.
    expect(failedTargets(evaluateStaffing(problem, 13), { serviceLevel: 0.8 })).toEqual(['serviceLevel']);
    expect(r.binding).toEqual(['serviceLevel']);
  });

  test('reference: 3000 calls / 30 min, AHT 300 s — Erlang C 513; Erlang A (patience 60 s, abandon ≤ 5 %) 481', () => {
    const traffic = offeredTraffic(3000, 300, 1800);
    expect(requiredAgents({ model: 'c', traffic, ahtSeconds: 300, slSeconds: 20 }, { serviceLevel: 0.8 }).agents).toBe(513);
    const a: StaffingProblem = { model: 'a', traffic, ahtSeconds: 300, slSeconds: 20, patienceSeconds: 60 };
    const r = requiredAgents(a, { serviceLevel: 0.8, maxAbandonRate: 0.05 });
    expect(r.agents).toBe(481);
    expect(r.binding).toEqual(['maxAbandonRate']);
  });

  test('with short patience an SL target alone is "met" while many callers hang up', () => {
    const a: StaffingProblem = { model: 'a', traffic: 500, ahtSeconds: 300, slSeconds: 20, patienceSeconds: 60 };
    const slOnly = requiredAgents(a, { serviceLevel: 0.8 });
    expect(slOnly.metrics.pAbandon).toBeGreaterThan(0.15);
    expect(requiredAgents(a, { serviceLevel: 0.8, maxAbandonRate: 0.05 }).agents).toBeGreaterThan(slOnly.agents);
  });

  test('the galloping search finds the same n as counting one by one', () => {
    const targetSets: StaffingTargets[] = [
      { serviceLevel: 0.8 },
      { serviceLevel: 0.95, maxOccupancy: 0.9 },
      { maxAsaSeconds: 15 },
      { maxOccupancy: 0.85 },
      { maxAbandonRate: 0.02, serviceLevel: 0.7 },
    ];
    for (const traffic of [0.2, 1, 3.7, 10, 47.5, 230]) {
      for (const targets of targetSets) {
        for (const problem of [
          { model: 'c', traffic, ahtSeconds: 240, slSeconds: 20 },
          { model: 'a', traffic, ahtSeconds: 240, slSeconds: 20, patienceSeconds: 90 },
        ] satisfies StaffingProblem[]) {
          if (problem.model === 'c' && targets.maxAbandonRate !== undefined) continue;
          expect(requiredAgents(problem, targets).agents).toBe(leastByScan(problem, targets));
        }
      }
    }
  });

  test('fractional agents interpolate linearly on the binding target', () => {
    const problem: StaffingProblem = { model: 'c', traffic: 10, ahtSeconds: 180, slSeconds: 20 };
    const r = requiredAgents(problem, { serviceLevel: 0.8 });
    const below = evaluateStaffing(problem, 13);
    if (!below.defined) throw new Error('13 agents > 10 Erlangs must be defined');
    const expected = 13 + (0.8 - below.serviceLevel) / (r.metrics.serviceLevel - below.serviceLevel);
    expect(r.fractionalAgents).toBeCloseTo(expected, 12);
    expect(r.fractionalAgents).toBeGreaterThan(13);
    expect(r.fractionalAgents).toBeLessThan(14);
    // An occupancy cap alone: A/n ≤ 0.85 → n ≥ 11.76…, interpolation between 11 and 12 agents.
    const occ = requiredAgents(problem, { maxOccupancy: 0.85 });
    expect(occ.agents).toBe(12);
    expect(occ.fractionalAgents).toBeCloseTo(11 + (0.85 - 10 / 11) / (10 / 12 - 10 / 11), 12);
  });

  test('positions, zero traffic and bad input', () => {
    expect(scheduledPositions(14, 0.3)).toBe(20);
    expect(scheduledPositions(14.1, 0.3)).toBe(21);
    expect(scheduledPositions(7, 0)).toBe(7);
    expect(() => scheduledPositions(7, 1)).toThrow(RangeError);
    expect(requiredAgents({ model: 'c', traffic: 0, ahtSeconds: 180, slSeconds: 20 }, { serviceLevel: 0.8 }).agents).toBe(0);
    expect(() => requiredAgents({ model: 'c', traffic: 5, ahtSeconds: 180, slSeconds: 20 }, {})).toThrow(/at least one target/);
    expect(() => requiredAgents({ model: 'a', traffic: 5, ahtSeconds: 180, slSeconds: 20 }, { serviceLevel: 0.8 })).toThrow(
      /patience/,
    );
    expect(() => requiredAgents({ model: 'c', traffic: 5, ahtSeconds: 180, slSeconds: 20 }, { serviceLevel: 80 })).toThrow(
      /between 0 and 1/,
    );
  });
});
