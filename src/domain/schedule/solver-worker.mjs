// Runs one HiGHS solve off the main thread (plain JS so it loads the same under tsx, vitest and node).
// The result object carries no dual bound, so the solver's log is captured and its final report read:
// "Dual bound" and "Gap" lines of the MIP summary.
import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';

const log = [];
const highs = await loadHighs({ print: (s) => log.push(s), printErr: (s) => log.push(s) });
const { lp, options } = workerData;
const number = (label) => {
  const line = log.findLast((l) => l.trimStart().startsWith(label));
  const v = line === undefined ? Number.NaN : Number.parseFloat(line.trim().slice(label.length));
  return Number.isFinite(v) ? v : null;
};
try {
  const result = highs.solve(lp, { output_flag: true, log_to_console: true, ...options });
  const values = {};
  for (const [name, col] of Object.entries(result.Columns ?? {})) values[name] = col.Primal;
  parentPort.postMessage({
    ok: true,
    status: result.Status,
    objective: result.ObjectiveValue,
    values,
    dualBound: number('Dual bound'),
    primalBound: number('Primal bound'),
  });
} catch (err) {
  parentPort.postMessage({ ok: false, error: String(err?.message ?? err) });
}
