import { erlangA } from './erlang-a.ts';
import { ErlangBLadder } from './erlang-b.ts';
import { erlangCMetrics } from './erlang-c.ts';
import type { QueueMetrics } from './traffic.ts';

/** Which queueing model: `c` = Erlang C (M/M/n, nobody hangs up), `a` = Erlang A (M/M/n+M, exponential patience). */
export type QueueModel = 'c' | 'a';

export interface StaffingProblem {
  model: QueueModel;
  /** Offered traffic A in Erlangs (see offeredTraffic). */
  traffic: number;
  ahtSeconds: number;
  /** T, the service-level threshold in seconds (SL is reported even without an SL target). */
  slSeconds: number;
  /** Mean patience in seconds; required for Erlang A. */
  patienceSeconds?: number;
}

/** Every target is optional, but at least one must be given. Shares are fractions (0.8, not 80). */
export interface StaffingTargets {
  /** Least SL(T) — share of offered calls answered within T. */
  serviceLevel?: number;
  maxAsaSeconds?: number;
  /** Most share of offered calls that abandon (meaningful with Erlang A; always 0 with Erlang C). */
  maxAbandonRate?: number;
  maxOccupancy?: number;
}

export type TargetName = keyof StaffingTargets;

export type StaffingEvaluation =
  | ({ defined: true } & QueueMetrics)
  | { defined: false; agents: number; traffic: number; reason: string };

export interface StaffingResult {
  /** The least whole number of agents meeting every target. */
  agents: number;
  /** Linear interpolation between agents − 1 and agents on the binding target(s), for planning tables. */
  fractionalAgents: number;
  metrics: QueueMetrics;
  /** Targets not met with one agent fewer — the ones that decide the answer. */
  binding: TargetName[];
}

const ZERO_TRAFFIC = (slSeconds: number): QueueMetrics => ({
  agents: 0,
  traffic: 0,
  pWait: 0,
  pAbandon: 0,
  serviceLevel: 1,
  slSeconds,
  asaSeconds: 0,
  occupancy: 0,
});

/** The model's figures for n agents; Erlang C with n ≤ A is `{ defined: false }` with the reason. */
export function evaluateStaffing(problem: StaffingProblem, agents: number, ladder?: ErlangBLadder): StaffingEvaluation {
  const { model, traffic, ahtSeconds, slSeconds } = problem;
  if (traffic === 0) return { defined: true, ...ZERO_TRAFFIC(slSeconds), agents };
  const b = (ladder ?? new ErlangBLadder(traffic)).at(agents);
  if (model === 'c') {
    const m = erlangCMetrics(agents, traffic, ahtSeconds, slSeconds, b);
    return m.defined ? m : { defined: false, agents, traffic, reason: m.reason };
  }
  if (agents < 1) return { defined: false, agents, traffic, reason: 'Erlang A needs at least one agent' };
  const patienceSeconds = requirePatience(problem);
  return { defined: true, ...erlangA({ agents, traffic, ahtSeconds, patienceSeconds, slSeconds, erlangB: b }) };
}

function requirePatience(problem: StaffingProblem): number {
  if (problem.patienceSeconds === undefined) throw new RangeError('Erlang A needs the mean patience (patienceSeconds)');
  return problem.patienceSeconds;
}

/** The targets the metrics fail (empty when all are met). Undefined metrics fail every target. */
export function failedTargets(e: StaffingEvaluation, targets: StaffingTargets): TargetName[] {
  const failed: TargetName[] = [];
  const ok = e.defined;
  if (targets.serviceLevel !== undefined && !(ok && e.serviceLevel >= targets.serviceLevel)) failed.push('serviceLevel');
  if (targets.maxAsaSeconds !== undefined && !(ok && e.asaSeconds <= targets.maxAsaSeconds)) failed.push('maxAsaSeconds');
  if (targets.maxAbandonRate !== undefined && !(ok && e.pAbandon <= targets.maxAbandonRate)) failed.push('maxAbandonRate');
  if (targets.maxOccupancy !== undefined && !(ok && e.occupancy <= targets.maxOccupancy)) failed.push('maxOccupancy');
  return failed;
}

export function checkTargets(targets: StaffingTargets): void {
  const { serviceLevel: sl, maxAsaSeconds: asa, maxAbandonRate: ab, maxOccupancy: occ } = targets;
  if (sl === undefined && asa === undefined && ab === undefined && occ === undefined) {
    throw new RangeError('give at least one target: service level, max ASA, max abandonment or max occupancy');
  }
  if (sl !== undefined && !(sl > 0 && sl < 1))
    throw new RangeError(`service-level target must be between 0 and 1 (exclusive), got ${sl}`);
  if (asa !== undefined && !(asa > 0)) throw new RangeError(`max ASA must be > 0 seconds, got ${asa}`);
  if (ab !== undefined && !(ab > 0 && ab <= 1)) throw new RangeError(`max abandonment must be in (0, 1], got ${ab}`);
  if (occ !== undefined && !(occ > 0 && occ <= 1)) throw new RangeError(`max occupancy must be in (0, 1], got ${occ}`);
}

/**
 * The least n meeting every target. Starts from square-root staffing n₀ = ⌈A + √A⌉ (Halfin & Whitt 1981;
 * β = 1 is the usual quality-and-efficiency start) and gallops — steps 1, 2, 4, … down while n still meets
 * the targets, or up until it does — then bisects the last step. All targets improve as n grows, so the
 * first n that meets them all is found with O(log n) evaluations; Erlang B values are shared along the way.
 *
 * @example requiredAgents({ model: 'c', traffic: 10, ahtSeconds: 180, slSeconds: 20 }, { serviceLevel: 0.8, maxOccupancy: 0.85 })
 * // agents 14 (SL 0.888350; 13 agents give SL < 0.8)
 */
export function requiredAgents(problem: StaffingProblem, targets: StaffingTargets): StaffingResult {
  checkTargets(targets);
  const { traffic: a } = problem;
  if (!(a >= 0) || !Number.isFinite(a)) throw new RangeError(`traffic must be finite and ≥ 0, got ${a}`);
  if (problem.model === 'a') requirePatience(problem);
  if (a === 0) return { agents: 0, fractionalAgents: 0, metrics: ZERO_TRAFFIC(problem.slSeconds), binding: [] };

  const ladder = new ErlangBLadder(a);
  const lowest = problem.model === 'c' ? Math.floor(a) + 1 : 1;
  const highest = Math.ceil(2 * a + 20 * Math.sqrt(a) + 1000);
  const cache = new Map<number, StaffingEvaluation>();
  const evaluate = (n: number): StaffingEvaluation => {
    const known = cache.get(n);
    if (known) return known;
    const e = evaluateStaffing(problem, n, ladder);
    cache.set(n, e);
    return e;
  };
  const meets = (n: number) => failedTargets(evaluate(n), targets).length === 0;

  // Invariant for the bisection: `fail` does not meet the targets (or is below `lowest`), `pass` does.
  let pass: number;
  let fail: number;
  const start = Math.max(lowest, Math.ceil(a + Math.sqrt(a)));
  if (meets(start)) {
    pass = start;
    fail = lowest - 1;
    for (let step = 1; pass - step >= lowest; step *= 2) {
      if (!meets(pass - step)) {
        fail = pass - step;
        break;
      }
      pass -= step;
    }
  } else {
    fail = start;
    let step = 1;
    while (!meets(fail + step)) {
      fail += step;
      step *= 2;
      if (fail + step > highest) {
        if (meets(highest)) break;
        throw new RangeError(`the targets cannot be met with up to ${highest} agents for ${a.toFixed(3)} Erlangs`);
      }
    }
    pass = Math.min(fail + step, highest);
  }
  while (pass - fail > 1) {
    const mid = Math.floor((pass + fail) / 2);
    if (meets(mid)) pass = mid;
    else fail = mid;
  }

  const metrics = evaluate(pass) as { defined: true } & QueueMetrics;
  const below = pass - 1 >= lowest ? evaluate(pass - 1) : undefined;
  const binding = below ? failedTargets(below, targets) : [];
  return { agents: pass, fractionalAgents: fractional(pass, below, metrics, targets, binding), metrics: strip(metrics), binding };
}

function strip(e: { defined: true } & QueueMetrics): QueueMetrics {
  const { defined: _defined, ...m } = e;
  return m;
}

/**
 * For each binding target, where the straight line between (n−1, metric(n−1)) and (n, metric(n)) crosses
 * the target; the answer is the largest crossing. Without a defined n − 1 (Erlang C at n − 1 ≤ A) it is n.
 */
function fractional(
  n: number,
  below: StaffingEvaluation | undefined,
  at: QueueMetrics,
  targets: StaffingTargets,
  binding: TargetName[],
): number {
  if (!below?.defined || binding.length === 0) return n;
  const metricOf: Record<TargetName, (m: QueueMetrics) => number> = {
    serviceLevel: (m) => m.serviceLevel,
    maxAsaSeconds: (m) => m.asaSeconds,
    maxAbandonRate: (m) => m.pAbandon,
    maxOccupancy: (m) => m.occupancy,
  };
  let result = n - 1;
  for (const name of binding) {
    const target = targets[name] as number;
    const lo = metricOf[name](below);
    const hi = metricOf[name](at);
    const t = hi === lo ? 1 : (target - lo) / (hi - lo);
    result = Math.max(result, n - 1 + Math.min(1, Math.max(0, t)));
  }
  return result;
}

/**
 * Scheduled positions (排班人数) = ⌈n / (1 − shrinkage)⌉: agents on the phones plus those in breaks, meetings,
 * training and absence. A 1e-9 tolerance keeps 14 / 0.7 = 20.000000000000004 at 20.
 *
 * @example scheduledPositions(14, 0.3) // 20
 */
export function scheduledPositions(agents: number, shrinkage: number): number {
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  return Math.max(0, Math.ceil(agents / (1 - shrinkage) - 1e-9)); // max: ⌈−1e-9⌉ would be −0
}
