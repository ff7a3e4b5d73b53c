import { EventHeap } from './event-heap.ts';
import type { DurationModel, SimAgent, SimulatedCall, SimulationInput } from './model.ts';
import { exponential, lognormal, type Uniform } from './random.ts';
import { resolveAgents } from './roster.ts';

const ARRIVAL = 0;
const ABANDON = 1;
const DONE = 2;
const LOGIN = 3;
const LOGOUT = 4;

const WAITING = 0;
const ANSWERED = 1;
const ABANDONED = 2;

export interface SimulationResult {
  calls: SimulatedCall[];
  /** The agents the simulation used (roster, then dedicated agents); `agentIndex` points here. */
  agents: SimAgent[];
}

function draw(u: Uniform, d: DurationModel | undefined): number {
  if (!d || d.meanSeconds === 0) return 0;
  return d.distribution === 'exponential' ? exponential(u, d.meanSeconds) : lognormal(u, d.meanSeconds, d.cv);
}

/**
 * Discrete-event simulation of a contact center over a day (or weeks) of intervals:
 * - arrivals: a Poisson process per queue whose rate is constant within each interval (calls / interval length);
 * - a call goes to an idle agent having its skill — the one with the best priority for it, then the one idle
 *   longest; otherwise it waits in its queue (first come, first served) and hangs up after an exponential
 *   patience unless answered first;
 * - an agent who becomes free takes, among its skills of the best priority with calls waiting, the call that
 *   has waited longest;
 * - agents log in and out on their spans; one logging out finishes the call in hand (calls carry over interval
 *   boundaries); calls still waiting when nobody is left count as abandoned at that moment.
 * Deterministic for a given uniform source. The events sit in a binary heap: O(log n) per event.
 *
 * @example simulateCalls(createRandom(1), { intervalSeconds: 1800, queues: [{ name: 'policy', callsPerInterval: [100],
 *   talk: { distribution: 'exponential', meanSeconds: 180 }, patienceSeconds: 300, agentsPerInterval: [14] }] })
 */
export function simulateCalls(u: Uniform, input: SimulationInput, startMs = 0): SimulationResult {
  const { intervalSeconds: len, queues } = input;
  if (!(len > 0)) throw new RangeError(`intervalSeconds must be > 0, got ${len}`);
  const queueIndex = new Map(queues.map((q, i) => [q.name, i]));
  const agents = resolveAgents(input);
  const nq = queues.length;
  const na = agents.length;

  // Skills per queue (agents sorted by priority) and per agent (grouped by priority level).
  const skilled: { agent: number; priority: number }[][] = queues.map(() => []);
  const agentLevels: number[][][] = [];
  for (const [a, agent] of agents.entries()) {
    const levels = new Map<number, number[]>();
    for (const s of agent.skills) {
      const q = queueIndex.get(s.queue);
      if (q === undefined) throw new RangeError(`agent ${a}: skill "${s.queue}" is not a queue of this simulation`);
      skilled[q]?.push({ agent: a, priority: s.priority });
      levels.set(s.priority, [...(levels.get(s.priority) ?? []), q]);
    }
    agentLevels.push([...levels.entries()].sort((x, y) => x[0] - y[0]).map(([, qs]) => qs));
  }
  for (const list of skilled) list.sort((x, y) => x.priority - y.priority || x.agent - y.agent);

  const heap = new EventHeap();
  // Call state, in parallel arrays indexed by call number (calls are created in arrival order).
  const cQueue: number[] = [];
  const cArrival: number[] = [];
  const cState: number[] = [];
  const cWait: number[] = [];
  const cAgent: number[] = [];
  const cTalk: number[] = [];
  const cAcw: number[] = [];
  const waiting: number[][] = queues.map(() => []);
  const head = new Array<number>(nq).fill(0);
  const waitingCount = new Array<number>(nq).fill(0);
  const idleCount = new Array<number>(nq).fill(0);
  const loggedIn = new Array<boolean>(na).fill(false);
  const busy = new Array<boolean>(na).fill(false);
  const idleSince = new Array<number>(na).fill(0);

  const setIdle = (a: number, idle: boolean, t: number) => {
    const d = idle ? 1 : -1;
    for (const level of agentLevels[a] ?? []) for (const q of level) idleCount[q] = (idleCount[q] ?? 0) + d;
    if (idle) idleSince[a] = t;
  };

  const answer = (a: number, c: number, t: number) => {
    const q = cQueue[c] as number;
    cState[c] = ANSWERED;
    cWait[c] = t - (cArrival[c] as number);
    cAgent[c] = a;
    const talk = draw(u, queues[q]?.talk);
    const acw = draw(u, queues[q]?.acw);
    cTalk[c] = talk;
    cAcw[c] = acw;
    busy[a] = true;
    heap.push(t + talk + acw, DONE, a);
  };

  /** Agent a is logged in and free at t: take the longest-waiting call of its best priority level, or go idle. */
  const takeWork = (a: number, t: number) => {
    for (const level of agentLevels[a] ?? []) {
      let bestQ = -1;
      let bestArrival = Number.POSITIVE_INFINITY;
      for (const q of level) {
        if ((waitingCount[q] ?? 0) === 0) continue;
        const list = waiting[q] as number[];
        let h = head[q] as number;
        while (cState[list[h] as number] !== WAITING) h++;
        head[q] = h;
        const arrival = cArrival[list[h] as number] as number;
        if (arrival < bestArrival) {
          bestArrival = arrival;
          bestQ = q;
        }
      }
      if (bestQ >= 0) {
        const c = (waiting[bestQ] as number[])[head[bestQ] as number] as number;
        head[bestQ] = (head[bestQ] as number) + 1;
        waitingCount[bestQ] = (waitingCount[bestQ] as number) - 1;
        answer(a, c, t);
        return;
      }
    }
    busy[a] = false;
    setIdle(a, true, t);
  };

  // Arrival process per queue: the next arrival after t, moving to later intervals when one passes its end.
  const horizonIntervals = queues.map((q) => q.callsPerInterval.length);
  const arrivalInterval = new Array<number>(nq).fill(0);
  const scheduleArrival = (q: number, from: number) => {
    const calls = (queues[q] as (typeof queues)[number]).callsPerInterval;
    let i = arrivalInterval[q] as number;
    let t = from;
    while (i < (horizonIntervals[q] as number)) {
      const expected = calls[i] as number;
      if (!(expected >= 0)) throw new RangeError(`queue ${queues[q]?.name}: calls in interval ${i} must be ≥ 0, got ${expected}`);
      if (expected > 0) {
        const next = t + exponential(u, len / expected);
        if (next < (i + 1) * len) {
          arrivalInterval[q] = i;
          heap.push(next, ARRIVAL, q);
          return;
        }
      }
      i++;
      t = i * len; // memoryless: restarting the clock at the boundary keeps the process Poisson
    }
    arrivalInterval[q] = i;
  };

  for (let q = 0; q < nq; q++) scheduleArrival(q, 0);
  for (const [a, agent] of agents.entries()) {
    for (const s of agent.shifts) {
      heap.push(s.startSeconds, LOGIN, a);
      heap.push(s.endSeconds, LOGOUT, a);
    }
  }

  const ev = { time: 0, kind: 0, ref: 0 };
  let now = 0;
  while (heap.pop(ev)) {
    now = ev.time;
    switch (ev.kind) {
      case ARRIVAL: {
        const q = ev.ref;
        const c = cQueue.length;
        cQueue.push(q);
        cArrival.push(now);
        cState.push(WAITING);
        cWait.push(0);
        cAgent.push(-1);
        cTalk.push(0);
        cAcw.push(0);
        scheduleArrival(q, now);
        if ((idleCount[q] as number) > 0) {
          // Best priority first; within it the agent idle longest.
          let best = -1;
          let bestPriority = Number.POSITIVE_INFINITY;
          for (const { agent, priority } of skilled[q] as { agent: number; priority: number }[]) {
            if (priority > bestPriority) break;
            if (!loggedIn[agent] || busy[agent]) continue;
            if (best < 0 || (idleSince[agent] as number) < (idleSince[best] as number)) best = agent;
            bestPriority = priority;
          }
          setIdle(best, false, now);
          answer(best, c, now);
        } else {
          (waiting[q] as number[]).push(c);
          waitingCount[q] = (waitingCount[q] as number) + 1;
          const patience = (queues[q] as (typeof queues)[number]).patienceSeconds;
          if (Number.isFinite(patience)) heap.push(now + exponential(u, patience), ABANDON, c);
        }
        break;
      }
      case ABANDON: {
        const c = ev.ref;
        if (cState[c] !== WAITING) break;
        cState[c] = ABANDONED;
        cWait[c] = now - (cArrival[c] as number);
        const q = cQueue[c] as number;
        waitingCount[q] = (waitingCount[q] as number) - 1;
        break;
      }
      case DONE:
        if (loggedIn[ev.ref]) takeWork(ev.ref, now);
        else busy[ev.ref] = false;
        break;
      case LOGIN:
        if (loggedIn[ev.ref]) break;
        loggedIn[ev.ref] = true;
        if (!busy[ev.ref]) takeWork(ev.ref, now);
        break;
      case LOGOUT:
        if (!loggedIn[ev.ref]) break;
        loggedIn[ev.ref] = false;
        if (!busy[ev.ref]) setIdle(ev.ref, false, now);
        break;
    }
  }

  const calls: SimulatedCall[] = new Array(cQueue.length);
  for (let c = 0; c < cQueue.length; c++) {
    const state = cState[c];
    const answered = state === ANSWERED;
    const arrival = cArrival[c] as number;
    calls[c] = {
      queue: (queues[cQueue[c] as number] as (typeof queues)[number]).name,
      arrivalMs: startMs + arrival * 1000,
      outcome: answered ? 'answered' : 'abandoned',
      // Still waiting when the last agent left: hung up then.
      waitSeconds: state === WAITING ? now - arrival : (cWait[c] as number),
      agentIndex: answered ? (cAgent[c] as number) : null,
      talkSeconds: cTalk[c] as number,
      acwSeconds: cAcw[c] as number,
    };
  }
  return { calls, agents };
}
