import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requiredAgents } from '../src/domain/erlang/staffing.ts';
import { createRandom } from '../src/domain/simulation/random.ts';
import { simulateCalls } from '../src/domain/simulation/simulate-calls.ts';

/** A week of 15-minute intervals: an M-shaped day scaled so that the busiest group peaks near `peak` Erlangs. */
function weekTraffic(peak: number): number[] {
  return Array.from({ length: 672 }, (_, i) => {
    const hour = ((i % 96) + 0.5) / 4;
    const shape = 0.03 + Math.exp(-((hour - 10.25) ** 2) / 3) + 0.85 * Math.exp(-((hour - 15.25) ** 2) / 4.5);
    return peak * shape;
  });
}

export async function run(): Promise<void> {
  // 20 skill groups with peaks from 50 to 5,000 Erlangs: 13,440 interval solves.
  const groups = Array.from({ length: 20 }, (_, g) => weekTraffic(50 + (4950 * g) / 19));
  for (const model of ['c', 'a'] as const) {
    const t0 = performance.now();
    let agents = 0;
    for (const series of groups) {
      for (const traffic of series) {
        const r = requiredAgents(
          { model, traffic, ahtSeconds: 300, slSeconds: 20, patienceSeconds: 120 },
          model === 'c' ? { serviceLevel: 0.8 } : { serviceLevel: 0.8, maxAbandonRate: 0.05 },
        );
        agents += r.agents;
      }
    }
    const ms = performance.now() - t0;
    console.log(
      `staffing Erlang ${model.toUpperCase()}: 672 intervals × 20 groups (A ≤ 5,000) in ${ms.toFixed(0)} ms (${((ms * 1000) / 13440).toFixed(1)} µs per interval; Σ agent-intervals ${agents})`,
    );
  }

  // The demo center's history: 8 weeks × 3 queues × ~5,000 calls a day, dedicated agents per half hour.
  const days = 56;
  const shape = Array.from(
    { length: 48 },
    (_, i) => 0.02 + Math.exp(-(((i + 0.5) / 2 - 10.25) ** 2) / 3) + 0.85 * Math.exp(-(((i + 0.5) / 2 - 15.25) ** 2) / 4.5),
  );
  const total = shape.reduce((s, v) => s + v, 0);
  const calls = Array.from({ length: 48 * days }, (_, i) => (5000 * (shape[i % 48] as number)) / total);
  const agents = calls.map((c) => Math.max(1, Math.ceil((c * 240) / 1800 / 0.85)));
  const t1 = performance.now();
  const result = simulateCalls(createRandom(1), {
    intervalSeconds: 1800,
    queues: ['policy', 'complaint', 'enterprise'].map((name) => ({
      name,
      callsPerInterval: calls,
      talk: { distribution: 'lognormal' as const, meanSeconds: 210, cv: 0.7 },
      acw: { distribution: 'exponential' as const, meanSeconds: 30 },
      patienceSeconds: 150,
      agentsPerInterval: agents,
    })),
  });
  const ms = performance.now() - t1;
  console.log(
    `simulation: 8 weeks × 3 queues, ${result.calls.length.toLocaleString('en')} calls, ${result.agents.length} agents in ${ms.toFixed(0)} ms`,
  );
}

// Run directly (node bin/run-ts.js bench/staffing.ts) whether argv[1] is given relative or absolute.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) await run();
