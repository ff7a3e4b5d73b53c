import { describe, expect, test } from 'vitest';
import { stationaryDistribution } from './birth-death-chain.ts';
import { erlangA } from './erlang-a.ts';
import { erlangCMetrics } from './erlang-c.ts';

/**
 * M/M/n+M by a second method: the truncated birth–death chain (death rate min(k,n)μ + max(k−n,0)θ) for
 * P(wait), P(abandon) = θ·E[queue]/λ and occupancy; SL(T) by following an arriving caller who finds i
 * callers ahead: i falls at rate nμ + iθ, the caller is answered from i = 0 at rate nμ and hangs up at
 * rate θ. The mass answered by T solves those linear ODEs, integrated here with classical Runge–Kutta.
 */
function mmnmByChain(n: number, a: number, aht: number, patience: number, t: number) {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const lambda = a * mu;
  const extra = 400; // queue lengths beyond 400 have probability < 1e-30 in every case below
  const pi = stationaryDistribution(
    () => lambda,
    (k) => Math.min(k, n) * mu + Math.max(k - n, 0) * theta,
    n + extra,
  );
  let pWait = 0;
  let queue = 0;
  let busy = 0;
  for (let k = 0; k < pi.length; k++) {
    const p = pi[k] ?? 0;
    if (k >= n) pWait += p;
    queue += Math.max(k - n, 0) * p;
    busy += Math.min(k, n) * p;
  }
  const ahead = Array.from({ length: extra }, (_, i) => pi[n + i] ?? 0);
  const deriv = (p: number[]) => {
    const d = p.map((v, i) => -(n * mu + i * theta + theta) * v + (n * mu + (i + 1) * theta) * (p[i + 1] ?? 0));
    return { d, served: n * mu * (p[0] ?? 0) };
  };
  const steps = 1000;
  const h = t / steps;
  let p = ahead;
  let served = 0;
  for (let s = 0; s < steps; s++) {
    const k1 = deriv(p);
    const k2 = deriv(p.map((v, i) => v + (h / 2) * (k1.d[i] ?? 0)));
    const k3 = deriv(p.map((v, i) => v + (h / 2) * (k2.d[i] ?? 0)));
    const k4 = deriv(p.map((v, i) => v + h * (k3.d[i] ?? 0)));
    served += (h / 6) * (k1.served + 2 * k2.served + 2 * k3.served + k4.served);
    p = p.map((v, i) => v + (h / 6) * ((k1.d[i] ?? 0) + 2 * (k2.d[i] ?? 0) + 2 * (k3.d[i] ?? 0) + (k4.d[i] ?? 0)));
  }
  return { pWait, pAbandon: (theta * queue) / lambda, occupancy: busy / n, serviceLevel: 1 - pWait + served };
}

describe('Erlang A (M/M/n+M)', () => {
  test('reference: 10 Erlangs, AHT 180 s, patience 300 s, 14 agents', () => {
    const m = erlangA({ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: 300, slSeconds: 20 });
    expect(m.pWait).toBeCloseTo(0.14526, 6);
    expect(m.pAbandon).toBeCloseTo(0.013984, 6);
    expect(m.serviceLevel).toBeCloseTo(0.916792, 6);
    expect(m.occupancy).toBeCloseTo(0.704297, 6);
    expect(m.asaSeconds).toBeCloseTo(m.pAbandon * 300, 12);
  });

  test('agrees with the birth–death chain, also with fewer agents than Erlangs', () => {
    const cases = [
      [14, 10, 180, 300, 20],
      [8, 10, 180, 120, 30], // n < A: stable only because callers hang up
      [3, 2, 240, 30, 10], // patience shorter than a call
      [40, 38, 300, 600, 20],
    ] as const;
    for (const [n, a, aht, patience, t] of cases) {
      const m = erlangA({ agents: n, traffic: a, ahtSeconds: aht, patienceSeconds: patience, slSeconds: t });
      const chain = mmnmByChain(n, a, aht, patience, t);
      expect(m.pWait).toBeCloseTo(chain.pWait, 9);
      expect(m.pAbandon).toBeCloseTo(chain.pAbandon, 9);
      expect(m.occupancy).toBeCloseTo(chain.occupancy, 9);
      expect(m.serviceLevel).toBeCloseTo(chain.serviceLevel, 8);
    }
  });

  test('tends to Erlang C as patience grows without bound', () => {
    const a = erlangA({ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: 1e9, slSeconds: 20 });
    const c = erlangCMetrics(14, 10, 180, 20);
    if (!c.defined) throw new Error(c.reason);
    expect(a.pWait).toBeCloseTo(c.pWait, 6);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 4);
  });

  test('large centers stay finite and behave: more agents, fewer abandons', () => {
    let last = 1;
    for (const n of [4700, 4800, 4900, 5000, 5100]) {
      const m = erlangA({ agents: n, traffic: 4900, ahtSeconds: 300, patienceSeconds: 3600, slSeconds: 20 });
      for (const v of [m.pWait, m.pAbandon, m.serviceLevel, m.occupancy]) expect(v).toBeGreaterThanOrEqual(0);
      expect(m.pAbandon).toBeLessThan(last);
      last = m.pAbandon;
    }
  });

  test('no traffic, no queue; bad input is refused', () => {
    expect(erlangA({ agents: 1, traffic: 0, ahtSeconds: 180, patienceSeconds: 60, slSeconds: 20 }).serviceLevel).toBe(1);
    expect(() => erlangA({ agents: 0, traffic: 1, ahtSeconds: 180, patienceSeconds: 60, slSeconds: 20 })).toThrow(RangeError);
    expect(() =>
      erlangA({ agents: 2, traffic: 1, ahtSeconds: 180, patienceSeconds: Number.POSITIVE_INFINITY, slSeconds: 20 }),
    ).toThrow(/Erlang C/);
  });
});
