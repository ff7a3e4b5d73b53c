import { intervalReport, type QueueIntervalStats } from './interval-report.ts';
import type { SimulationInput } from './model.ts';
import { createRandom, streamSeed } from './random.ts';
import { simulateCalls } from './simulate-calls.ts';
import { tQuantile975 } from './student-t.ts';

/** Mean over independent replications with a two-sided 95 % Student-t confidence half-width. */
export interface Estimate {
  mean: number | null;
  /** t₀.₉₇₅(r − 1) · s / √r; null with fewer than two replications having a value. */
  halfWidth: number | null;
  /** Replications in which the figure was defined (e.g. the interval had calls). */
  replications: number;
}

const METRICS = ['offered', 'serviceLevel', 'abandonRate', 'pWait', 'asaSeconds', 'meanWaitSeconds', 'occupancy'] as const;
export type ReplicatedMetric = (typeof METRICS)[number];

export type ReplicatedStats = { queue: string; interval: number | null } & Record<ReplicatedMetric, Estimate>;

/** Mean and 95 % confidence half-width of the values that are not null. */
export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((v): v is number => v !== null);
  const r = xs.length;
  if (r === 0) return { mean: null, halfWidth: null, replications: 0 };
  const mean = xs.reduce((s, v) => s + v, 0) / r;
  if (r < 2) return { mean, halfWidth: null, replications: r };
  const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (r - 1);
  return { mean, halfWidth: (tQuantile975(r - 1) * Math.sqrt(variance)) / Math.sqrt(r), replications: r };
}

export interface ReplicationOptions {
  replications: number;
  seed: number;
  slSeconds: number;
}

/**
 * Runs the simulation `replications` times with independent seeded streams (replication k uses
 * streamSeed(seed, k)) and reports each queue's per-interval and whole-run figures as mean ± 95 % CI.
 * The whole-run figure of each replication is its own ratio (e.g. SL = answered in T / offered over the run).
 */
export function simulateReplications(
  input: SimulationInput,
  options: ReplicationOptions,
): { intervals: ReplicatedStats[]; totals: ReplicatedStats[] } {
  if (!Number.isInteger(options.replications) || options.replications < 1)
    throw new RangeError(`replications must be a whole number ≥ 1, got ${options.replications}`);
  const queues = input.queues.map((q) => q.name);
  const n = Math.max(0, ...input.queues.map((q) => q.callsPerInterval.length));
  const runs: { intervals: QueueIntervalStats[]; totals: QueueIntervalStats[] }[] = [];
  for (let k = 0; k < options.replications; k++) {
    const { calls, agents } = simulateCalls(createRandom(streamSeed(options.seed, k)), input);
    runs.push(
      intervalReport(calls, agents, {
        intervalSeconds: input.intervalSeconds,
        intervals: n,
        queues,
        slSeconds: options.slSeconds,
      }),
    );
  }
  const combine = (pick: (run: (typeof runs)[number]) => QueueIntervalStats[]): ReplicatedStats[] =>
    (runs[0] ? pick(runs[0]) : []).map((first, j) => {
      const row = { queue: first.queue, interval: first.interval } as ReplicatedStats;
      for (const m of METRICS) row[m] = estimate(runs.map((run) => (pick(run)[j] as QueueIntervalStats)[m]));
      return row;
    });
  return { intervals: combine((r) => r.intervals), totals: combine((r) => r.totals) };
}
