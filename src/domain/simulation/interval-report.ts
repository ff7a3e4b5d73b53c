import type { SimAgent, SimulatedCall } from './model.ts';

/** Figures of one queue in one interval (calls counted in the interval they arrived in), or of a whole run. */
export interface QueueIntervalStats {
  queue: string;
  /** Interval index from the start, or null for the total of the run. */
  interval: number | null;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinSl: number;
  /** Calls with a wait > 0 (queued). */
  waited: number;
  /** answeredWithinSl / offered — the same definition as Erlang A's SL(T); null without calls. */
  serviceLevel: number | null;
  abandonRate: number | null;
  pWait: number | null;
  /** Mean wait of answered calls. */
  asaSeconds: number | null;
  /** Mean wait of all offered calls (answered and abandoned) — Erlang A's ASA. */
  meanWaitSeconds: number | null;
  /** Time agents having this skill spent handling calls (of any queue), and were logged in (plus finishing calls). */
  busySeconds: number;
  staffedSeconds: number;
  /** busySeconds / staffedSeconds; for dedicated agents, the queue's occupancy. */
  occupancy: number | null;
}

export interface ReportOptions {
  intervalSeconds: number;
  intervals: number;
  queues: readonly string[];
  slSeconds: number;
  startMs?: number;
}

/** Adds the overlap of [start, end) with each interval to `into`. */
function spread(into: Float64Array, start: number, end: number, len: number): void {
  const n = into.length;
  for (let i = Math.max(0, Math.floor(start / len)); i < n && i * len < end; i++) {
    const overlap = Math.min(end, (i + 1) * len) - Math.max(start, i * len);
    if (overlap > 0) into[i] = (into[i] ?? 0) + overlap;
  }
}

/**
 * Per-interval and whole-run figures of each queue from simulated calls and the agents who took them.
 * Logged-in time comes from the agents' spans; a call finished after logging out adds its overtime.
 */
export function intervalReport(
  calls: readonly SimulatedCall[],
  agents: readonly SimAgent[],
  options: ReportOptions,
): { intervals: QueueIntervalStats[]; totals: QueueIntervalStats[] } {
  const { intervalSeconds: len, intervals: n, queues, slSeconds } = options;
  const startMs = options.startMs ?? 0;
  const qi = new Map(queues.map((q, i) => [q, i]));
  const zero = () => Array.from({ length: queues.length }, () => new Float64Array(n));
  const [offered, answered, abandoned, within, waited, waitAnswered, waitAll, busy, staffed] = Array.from(
    { length: 9 },
    zero,
  ) as Float64Array[][] as [
    Float64Array[],
    Float64Array[],
    Float64Array[],
    Float64Array[],
    Float64Array[],
    Float64Array[],
    Float64Array[],
    Float64Array[],
    Float64Array[],
  ];
  const agentQueues = agents.map((a) => a.skills.map((s) => qi.get(s.queue)).filter((q): q is number => q !== undefined));

  for (const [a, agent] of agents.entries()) {
    for (const q of agentQueues[a] ?? [])
      for (const s of agent.shifts) spread(staffed[q] as Float64Array, s.startSeconds, s.endSeconds, len);
  }
  const bump = (arr: Float64Array[], q: number, i: number, v = 1) => {
    const row = arr[q] as Float64Array;
    row[i] = (row[i] ?? 0) + v;
  };
  for (const c of calls) {
    const q = qi.get(c.queue);
    if (q === undefined) continue;
    const arrival = (c.arrivalMs - startMs) / 1000;
    const i = Math.floor(arrival / len);
    if (i >= 0 && i < n) {
      bump(offered, q, i);
      bump(waitAll, q, i, c.waitSeconds);
      if (c.waitSeconds > 0) bump(waited, q, i);
      if (c.outcome === 'answered') {
        bump(answered, q, i);
        bump(waitAnswered, q, i, c.waitSeconds);
        if (c.waitSeconds <= slSeconds) bump(within, q, i);
      } else bump(abandoned, q, i);
    }
    if (c.outcome !== 'answered' || c.agentIndex === null) continue;
    const start = arrival + c.waitSeconds;
    const end = start + c.talkSeconds + c.acwSeconds;
    const shifts = agents[c.agentIndex]?.shifts ?? [];
    let shiftEnd = Number.POSITIVE_INFINITY;
    for (const s of shifts) if (s.startSeconds <= start) shiftEnd = s.endSeconds;
    for (const aq of agentQueues[c.agentIndex] ?? []) {
      spread(busy[aq] as Float64Array, start, end, len);
      if (end > shiftEnd) spread(staffed[aq] as Float64Array, Math.max(start, shiftEnd), end, len);
    }
  }

  const stats = (q: number, interval: number | null, pick: (arr: Float64Array[]) => number): QueueIntervalStats => {
    const off = pick(offered);
    const ans = pick(answered);
    const bs = pick(busy);
    const st = pick(staffed);
    const share = (x: number) => (off > 0 ? x / off : null);
    return {
      queue: queues[q] as string,
      interval,
      offered: off,
      answered: ans,
      abandoned: pick(abandoned),
      answeredWithinSl: pick(within),
      waited: pick(waited),
      serviceLevel: share(pick(within)),
      abandonRate: share(pick(abandoned)),
      pWait: share(pick(waited)),
      asaSeconds: ans > 0 ? pick(waitAnswered) / ans : null,
      meanWaitSeconds: share(pick(waitAll)),
      busySeconds: bs,
      staffedSeconds: st,
      occupancy: st > 0 ? bs / st : null,
    };
  };
  const intervalsOut: QueueIntervalStats[] = [];
  const totals: QueueIntervalStats[] = [];
  for (let q = 0; q < queues.length; q++) {
    for (let i = 0; i < n; i++) intervalsOut.push(stats(q, i, (arr) => (arr[q] as Float64Array)[i] as number));
    totals.push(stats(q, null, (arr) => (arr[q] as Float64Array).reduce((s, v) => s + v, 0)));
  }
  return { intervals: intervalsOut, totals };
}
