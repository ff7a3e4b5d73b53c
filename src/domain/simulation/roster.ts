import type { SimAgent, SimulationInput } from './model.ts';

/**
 * Every agent of a simulation: the roster as given, then for each queue with `agentsPerInterval` the
 * dedicated agents — the k-th of them is logged in during every interval with more than k agents, and
 * consecutive intervals are joined into one span (so a call in progress is not cut at the boundary).
 *
 * @example agentsPerInterval [2, 1, 2] at 1800 s → agent 0 logged in 0–5400 s; agent 1 in 0–1800 and 3600–5400 s
 */
export function resolveAgents(input: SimulationInput): SimAgent[] {
  const agents: SimAgent[] = (input.agents ?? []).map((a) => ({ skills: a.skills, shifts: mergeSpans(a.shifts) }));
  const len = input.intervalSeconds;
  for (const q of input.queues) {
    const counts = q.agentsPerInterval;
    if (!counts) continue;
    for (const [i, c] of counts.entries()) {
      if (!Number.isInteger(c) || c < 0)
        throw new RangeError(`queue ${q.name}: agents in interval ${i} must be a whole number ≥ 0, got ${c}`);
    }
    const most = Math.max(0, ...counts);
    for (let k = 0; k < most; k++) {
      const shifts: { startSeconds: number; endSeconds: number }[] = [];
      for (const [i, c] of counts.entries()) if (c > k) shifts.push({ startSeconds: i * len, endSeconds: (i + 1) * len });
      agents.push({ skills: [{ queue: q.name, priority: 1 }], shifts: mergeSpans(shifts) });
    }
  }
  return agents;
}

/** Sorts spans and joins overlapping or touching ones. */
export function mergeSpans(
  spans: readonly { startSeconds: number; endSeconds: number }[],
): { startSeconds: number; endSeconds: number }[] {
  const sorted = spans.filter((s) => s.endSeconds > s.startSeconds).sort((a, b) => a.startSeconds - b.startSeconds);
  const out: { startSeconds: number; endSeconds: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.startSeconds <= last.endSeconds) last.endSeconds = Math.max(last.endSeconds, s.endSeconds);
    else out.push({ ...s });
  }
  return out;
}
