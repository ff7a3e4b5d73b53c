import { describe, expect, test } from 'vitest';
import { erlangA } from '../erlang/erlang-a.ts';
import { erlangCMetrics } from '../erlang/erlang-c.ts';
import type { SimulationInput } from './model.ts';
import { createRandom } from './random.ts';
import { simulateReplications } from './replications.ts';
import { simulateCalls } from './simulate-calls.ts';

const exp = (meanSeconds: number) => ({ distribution: 'exponential' as const, meanSeconds });
const day = (value: number) => Array.from({ length: 48 }, () => value);

describe('simulateCalls', () => {
  const input: SimulationInput = {
    intervalSeconds: 1800,
    queues: [
      {
        name: 'policy',
        callsPerInterval: day(100),
        talk: { distribution: 'lognormal', meanSeconds: 150, cv: 0.7 },
        acw: exp(30),
        patienceSeconds: 300,
        agentsPerInterval: day(14),
      },
    ],
  };

  test('reproducible, every call accounted for, no agent on two calls at once, FIFO answer order', () => {
    const a = simulateCalls(createRandom(1), input, 1_700_000_000_000);
    expect(simulateCalls(createRandom(1), input, 1_700_000_000_000)).toEqual(a);
    expect(a.calls.length).toBeGreaterThan(4000);
    const busyUntil = new Map<number, number>();
    let lastAnswer = Number.NEGATIVE_INFINITY;
    for (const c of a.calls) {
      expect(c.waitSeconds).toBeGreaterThanOrEqual(0);
      if (c.outcome === 'abandoned') {
        expect(c.agentIndex).toBeNull();
        continue;
      }
      const start = c.arrivalMs / 1000 + c.waitSeconds;
      const agent = c.agentIndex as number;
      expect(start).toBeGreaterThanOrEqual((busyUntil.get(agent) ?? 0) - 1e-6);
      busyUntil.set(agent, start + c.talkSeconds + c.acwSeconds);
      // Calls come out in arrival order; with one queue they are answered in that order too.
      expect(start).toBeGreaterThanOrEqual(lastAnswer - 1e-6);
      lastAnswer = start;
    }
  });

  test('calls waiting at the end of an interval are carried over to the next one', () => {
    // One agent in interval 0, none in interval 1, two in interval 2; callers patient (1 h).
    const r = simulateCalls(createRandom(5), {
      intervalSeconds: 600,
      queues: [{ name: 'q', callsPerInterval: [20, 10, 0], talk: exp(120), patienceSeconds: 3600, agentsPerInterval: [1, 0, 2] }],
    });
    const startsInGap = r.calls.filter(
      (c) =>
        c.outcome === 'answered' && c.arrivalMs / 1000 + c.waitSeconds > 600 + 200 && c.arrivalMs / 1000 + c.waitSeconds < 1200,
    );
    expect(startsInGap).toEqual([]); // nobody starts a call while nobody is logged in (beyond the one in hand)
    const carried = r.calls.filter(
      (c) => c.arrivalMs < 1_200_000 && c.outcome === 'answered' && c.arrivalMs / 1000 + c.waitSeconds >= 1200,
    );
    expect(carried.length).toBeGreaterThan(0);
  });

  test('with no agents every caller hangs up', () => {
    const r = simulateCalls(createRandom(2), {
      intervalSeconds: 600,
      queues: [{ name: 'q', callsPerInterval: [30], talk: exp(60), patienceSeconds: 45 }],
    });
    expect(r.calls.length).toBeGreaterThan(10);
    expect(r.calls.every((c) => c.outcome === 'abandoned')).toBe(true);
  });

  test('multi-skill: agents answer only their skills and prefer their first-priority queue', () => {
    const r = simulateCalls(createRandom(9), {
      intervalSeconds: 1800,
      queues: [
        { name: 'policy', callsPerInterval: [200, 200], talk: exp(200), patienceSeconds: 600 },
        { name: 'complaint', callsPerInterval: [60, 60], talk: exp(300), patienceSeconds: 600 },
      ],
      agents: [
        ...Array.from({ length: 10 }, () => ({
          skills: [{ queue: 'policy', priority: 1 }],
          shifts: [{ startSeconds: 0, endSeconds: 3600 }],
        })),
        ...Array.from({ length: 8 }, () => ({
          skills: [
            { queue: 'complaint', priority: 1 },
            { queue: 'policy', priority: 2 },
          ],
          shifts: [{ startSeconds: 0, endSeconds: 3600 }],
        })),
      ],
    });
    const byAgent = (queue: string, from: number, to: number) =>
      r.calls.filter((c) => c.queue === queue && c.agentIndex !== null && c.agentIndex >= from && c.agentIndex < to).length;
    expect(byAgent('complaint', 0, 10)).toBe(0); // policy-only agents never take complaints
    expect(byAgent('policy', 10, 18)).toBeGreaterThan(0); // blended agents help policy when idle…
    // …but a complaint waiting is taken before any policy call: no blended agent starts a policy call while
    // a complaint call is queued.
    const complaintsWaiting = r.calls
      .filter((c) => c.queue === 'complaint' && c.outcome === 'answered')
      .map((c) => [c.arrivalMs / 1000, c.arrivalMs / 1000 + c.waitSeconds] as const);
    for (const c of r.calls) {
      if (c.queue !== 'policy' || c.agentIndex === null || c.agentIndex < 10) continue;
      const start = c.arrivalMs / 1000 + c.waitSeconds;
      expect(complaintsWaiting.some(([arrive, answered]) => arrive < start - 1e-9 && answered > start + 1e-9)).toBe(false);
    }
  });

  test('single skill agrees with Erlang A (and C) within the confidence intervals of 20 replicated days', () => {
    const stats = (patienceSeconds: number) =>
      simulateReplications(
        {
          intervalSeconds: 1800,
          queues: [{ name: 'q', callsPerInterval: day(100), talk: exp(180), patienceSeconds, agentsPerInterval: day(14) }],
        },
        { replications: 20, seed: 2024, slSeconds: 20 },
      ).totals[0];
    const a = erlangA({ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: 300, slSeconds: 20 });
    const sim = stats(300);
    // Eight figures are compared, so each uses the Bonferroni level 1 − 0.05/8: the reported 95 % half-width
    // (t₀.₉₇₅(19) = 2.0930241) widened to t₀.₉₉₆₈₇₅(19) = 3.0737520 (computed by inverting the incomplete beta function).
    const widen = 3.073752 / 2.0930241;
    const within = (e: { mean: number | null; halfWidth: number | null } | undefined, value: number) => {
      expect(e?.mean).not.toBeNull();
      expect(Math.abs((e?.mean as number) - value)).toBeLessThanOrEqual((e?.halfWidth as number) * widen);
    };
    within(sim?.serviceLevel, a.serviceLevel);
    within(sim?.abandonRate, a.pAbandon);
    within(sim?.pWait, a.pWait);
    within(sim?.meanWaitSeconds, a.asaSeconds);
    within(sim?.occupancy, a.occupancy);
    const c = erlangCMetrics(14, 10, 180, 20);
    if (!c.defined) throw new Error(c.reason);
    const simC = stats(Number.POSITIVE_INFINITY);
    within(simC?.serviceLevel, c.serviceLevel);
    within(simC?.pWait, c.pWait);
    within(simC?.asaSeconds, c.asaSeconds);
    // Patient callers never hang up; the only 'abandoned' ones are still queued when the day's agents log off.
    expect(simC?.abandonRate.mean).toBeLessThan(0.001);
  });

  test('refuses an unknown skill and negative calls', () => {
    const q = { name: 'q', callsPerInterval: [1], talk: exp(60), patienceSeconds: 60 };
    expect(() =>
      simulateCalls(createRandom(1), {
        intervalSeconds: 60,
        queues: [q],
        agents: [{ skills: [{ queue: 'x', priority: 1 }], shifts: [] }],
      }),
    ).toThrow(/not a queue/);
    expect(() => simulateCalls(createRandom(1), { intervalSeconds: 60, queues: [{ ...q, callsPerInterval: [-1] }] })).toThrow(
      /≥ 0/,
    );
  });
});
