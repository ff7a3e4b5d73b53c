import { expect, test } from 'vitest';
import { DEMO_SKILL_GROUPS } from './demo-center.ts';
import { demoRequirement } from './demo-requirement.ts';
import { expectedCalls } from './demo-traffic.ts';

/** Erlang C service level in T, written out here (Erlang B by its recursion, then C = nB / (n − A(1 − B))). */
function serviceLevel(n: number, a: number, aht: number, t: number): number {
  if (n <= a) return 0;
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  const c = (n * b) / (n - a * (1 - b));
  return 1 - c * Math.exp((-(n - a) * t) / aht);
}

test('the fewest agents that answer the expected calls at each group’s target, every interval', () => {
  const dates = ['2026-12-02', '2026-12-06']; // a Wednesday, a Sunday
  const { required, traffic } = demoRequirement(dates, DEMO_SKILL_GROUPS, 30);
  for (const g of DEMO_SKILL_GROUPS) {
    const aht = g.meanHandleSeconds + g.meanAcwSeconds;
    dates.forEach((date, d) => {
      const calls = expectedCalls(date, g.weekdayCalls, 30);
      expect(traffic[g.name]?.[d]).toEqual(calls.map((c) => ({ calls: c, ahtSeconds: aht })));
      expect(required[g.name]?.[d]).toHaveLength(48);
      calls.forEach((c, i) => {
        const a = (c * aht) / 1800;
        const n = required[g.name]![d]![i]!;
        expect(serviceLevel(n, a, aht, g.slThresholdSeconds)).toBeGreaterThanOrEqual(g.slTarget);
        expect(serviceLevel(n - 1, a, aht, g.slThresholdSeconds)).toBeLessThan(g.slTarget);
      });
    });
  }
  // The worked example: 政策咨询 10:00–10:30 on the Wednesday.
  const policy = DEMO_SKILL_GROUPS[0]!.name;
  expect(policy).toBe('政策咨询');
  expect(traffic[policy]![0]![20]!.calls).toBeCloseTo(159.04, 1);
  expect(required[policy]![0]![20]).toBe(26);
  // Sunday brings half the calls of an ordinary weekday: fewer agents at the peak.
  expect(required[policy]![1]![20]).toBeLessThan(26);
});
