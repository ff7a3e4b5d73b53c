import { Worker } from 'node:worker_threads';

export interface SolveLimits {
  /** Seconds HiGHS may run. */
  timeLimit: number;
  /** Relative MIP gap at which to stop. */
  mipRelGap?: number;
  /** Largest model accepted, in columns: the WebAssembly build has a 2 GiB memory ceiling. */
  maxColumns?: number;
}

export interface SolveResult {
  status: string;
  objective: number;
  values: Record<string, number>;
  /** The MIP's proven lower bound (minimisation) from HiGHS's report; null for an LP or when not reported. */
  dualBound: number | null;
  /** Wall-clock seconds of the solve, worker start included (time limits are shared out by it). */
  seconds: number;
}

export class ModelTooLarge extends Error {}

/**
 * Solves a model in CPLEX LP format with HiGHS in a worker thread (so a long solve never blocks the server),
 * under a time limit and a size cap. The caller reads the status: 'Optimal', 'Time limit reached', 'Infeasible' …
 */
export function solve(lp: string, columns: number, limits: SolveLimits): Promise<SolveResult> {
  const cap = limits.maxColumns ?? 400_000;
  if (columns > cap)
    return Promise.reject(
      new ModelTooLarge(
        `the model has ${columns} columns; the limit is ${cap}: fewer weeks, fewer templates or a coarser start step`,
      ),
    );
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./solver-worker.mjs', import.meta.url), {
      workerData: { lp, options: { time_limit: limits.timeLimit, mip_rel_gap: limits.mipRelGap ?? 0.01 } },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    worker.once('message', (m: { ok: boolean; error?: string } & SolveResult) => {
      void worker.terminate();
      const seconds = (performance.now() - started) / 1000;
      if (m.ok) resolve({ status: m.status, objective: m.objective, values: m.values, dualBound: m.dualBound ?? null, seconds });
      else reject(new Error(`HiGHS: ${m.error}`));
    });
    worker.once('error', reject);
  });
}
