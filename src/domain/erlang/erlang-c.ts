import { erlangB } from './erlang-b.ts';
import type { QueueMetrics } from './traffic.ts';

/**
 * Erlang C (M/M/n, callers never hang up): the probability that a call waits,
 * C(n, A) = n·B / (n − A(1 − B)) with B = B(n, A) from the Erlang B recursion.
 * Only defined for n > A: with n ≤ A the queue grows without bound and no steady state exists.
 * Source: Erlang (1917); the B→C identity e.g. Koole, "Call Center Optimization" (2013), §4.3.
 *
 * @example erlangC(2, 1) // B = 0.2 → C = 2·0.2 / (2 − 1·0.8) = 1/3
 */
export function erlangC(agents: number, traffic: number, b = erlangB(agents, traffic)): number {
  if (!(agents > traffic)) throw new RangeError(unstableMessage(agents, traffic));
  return (agents * b) / (agents - traffic * (1 - b));
}

export function unstableMessage(agents: number, traffic: number): string {
  return `Erlang C is undefined for ${agents} agents with ${traffic.toFixed(4)} Erlangs: it needs more agents than the traffic (n > A), otherwise the queue grows without end`;
}

/**
 * All Erlang C figures for n agents, or `{ defined: false }` when n ≤ A (say so rather than return nonsense).
 * - P(wait) = C
 * - SL(T) = 1 − C·e^(−(n−A)·T/AHT)  (waiting time given wait is exponential with rate (n−A)/AHT)
 * - ASA = C·AHT/(n − A)
 * - occupancy = A/n
 *
 * @example erlangCMetrics(14, 10, 180, 20) // pWait 0.174132, serviceLevel 0.888350, asaSeconds 7.836, occupancy 0.714286
 */
export function erlangCMetrics(
  agents: number,
  traffic: number,
  ahtSeconds: number,
  slSeconds: number,
  b?: number,
): ({ defined: true } & QueueMetrics) | { defined: false; reason: string } {
  if (!(agents > traffic)) return { defined: false, reason: unstableMessage(agents, traffic) };
  const c = erlangC(agents, traffic, b ?? erlangB(agents, traffic));
  return {
    defined: true,
    agents,
    traffic,
    pWait: c,
    pAbandon: 0,
    serviceLevel: 1 - c * Math.exp((-(agents - traffic) * slSeconds) / ahtSeconds),
    slSeconds,
    asaSeconds: (c * ahtSeconds) / (agents - traffic),
    occupancy: traffic / agents,
  };
}
