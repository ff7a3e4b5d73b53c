import { describe, expect, test } from 'vitest';
import { stationaryDistribution } from './birth-death-chain.ts';
import { erlangC, erlangCMetrics } from './erlang-c.ts';
import { erlangCExact } from './exact-reference.test-support.ts';
import { offeredTraffic } from './traffic.ts';

/** P(Gamma(k, rate) > t) = P(Poisson(rate·t) < k): the time for k service completions at rate nμ. */
function erlangSurvival(k: number, rateTimesT: number): number {
  let term = Math.exp(-rateTimesT);
  let sum = term;
  for (let i = 1; i < k; i++) {
    term *= rateTimesT / i;
    sum += term;
  }
  return sum;
}

/** M/M/n figures from the truncated birth–death chain — a method independent of the closed forms. */
function mmnByChain(n: number, a: number, aht: number, t: number) {
  const pi = stationaryDistribution(
    () => a,
    (k) => Math.min(k, n),
    n + 4000,
  );
  let pWait = 0;
  let queue = 0;
  let waitsLonger = 0;
  for (let k = n; k < pi.length; k++) {
    const p = pi[k] ?? 0;
    pWait += p;
    queue += (k - n) * p;
    // An arrival finding k ≥ n in system waits for k − n + 1 completions at rate n/AHT (FCFS).
    waitsLonger += p * erlangSurvival(k - n + 1, (n * t) / aht);
  }
  // Little's law: mean wait = mean queue / arrival rate (A/AHT).
  return { pWait, asa: (queue * aht) / a, serviceLevel: 1 - waitsLonger };
}

describe('Erlang C', () => {
  test('reference: 100 calls / 30 min, AHT 180 s, 14 agents', () => {
    const a = offeredTraffic(100, 180, 1800);
    expect(a).toBe(10);
    const m = erlangCMetrics(14, a, 180, 20);
    if (!m.defined) throw new Error(m.reason);
    expect(m.pWait).toBeCloseTo(0.174132, 6);
    expect(m.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(m.asaSeconds).toBeCloseTo(7.836, 3);
    expect(m.occupancy).toBeCloseTo(0.714286, 6);
  });

  test('relative error < 1e-12 against exact rational arithmetic for large centers', () => {
    const c1 = erlangC(1000, 950);
    const c2 = erlangC(5000, 4900);
    expect(Math.abs(c1 / erlangCExact(1000, 950) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(c2 / erlangCExact(5000, 4900) - 1)).toBeLessThan(1e-12);
    expect(c1.toFixed(7)).toBe('0.0682534');
    expect(c2.toFixed(7)).toBe('0.0999379');
  });

  test('P(wait), ASA and SL agree with the birth–death chain', () => {
    for (const [n, a, aht, t] of [
      [14, 10, 180, 20],
      [3, 2.5, 300, 15],
      [60, 55, 240, 30],
    ] as const) {
      const m = erlangCMetrics(n, a, aht, t);
      if (!m.defined) throw new Error(m.reason);
      const chain = mmnByChain(n, a, aht, t);
      expect(m.pWait).toBeCloseTo(chain.pWait, 10);
      expect(m.asaSeconds).toBeCloseTo(chain.asa, 7);
      expect(m.serviceLevel).toBeCloseTo(chain.serviceLevel, 10);
    }
  });

  test('undefined for n ≤ A, and says so', () => {
    const m = erlangCMetrics(10, 10, 180, 20);
    expect(m.defined).toBe(false);
    if (!m.defined) expect(m.reason).toMatch(/n > A/);
    expect(() => erlangC(9, 10)).toThrow(/undefined/);
  });
});
