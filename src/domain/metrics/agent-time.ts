import type { AgentStateSpan } from '../contacts/contact.ts';
import { type IntervalSpec, intervalStarter, isoInZone, nextIntervalStart } from './interval-bucket.ts';

export interface AgentTimeRow {
  agent: string;
  intervalStart: string;
  intervalStartMs: number;
  /** Time in any state (logged in, talking, after-call work or paused), seconds. */
  loggedInSeconds: number;
  /** Logged in and in no other state: ready and waiting for a call. */
  idleSeconds: number;
  talkingSeconds: number;
  acwSeconds: number;
  /** Paused for reasons other than wrap-up, in total and by reason code ('' when none was given). */
  pausedSeconds: number;
  pausedByReason: Record<string, number>;
  /** talking + after-call work. */
  handleSeconds: number;
  /** handle / (handle + idle); null when both are 0. */
  occupancy: number | null;
  /** handle / logged-in; null when not logged in. */
  utilization: number | null;
  /** Talking spans that started in the interval. */
  callsHandled: number;
  /** callsHandled per logged-in hour. */
  callsPerHour: number | null;
}

const RANK: Record<AgentStateSpan['state'], number> = { logged_in: 0, paused: 1, acw: 2, talking: 3 };
const NAMES = ['logged_in', 'paused', 'acw', 'talking'] as const;

/**
 * Agent time per agent and interval, spans clipped to the interval boundaries. Overlapping spans are
 * resolved by precedence talking > after-call work > paused > logged in, so every second counts in one
 * state only (a pause during a call counts as talk). Time in a state outside any logged-in span still
 * counts as logged in (static Asterisk members never log ADDMEMBER).
 * Occupancy 员工利用率 = handle / (handle + idle); utilization 在线利用率 = handle / logged-in.
 *
 * @example 1 h logged in with 30 min talk, 6 min ACW, 12 min paused → idle 12 min, occupancy 36/48 = 0.75, utilization 36/60 = 0.6
 */
export function agentTime(
  spans: Iterable<AgentStateSpan>,
  options: { interval: IntervalSpec; timeZone: string; agentMap?: Record<string, string> },
): AgentTimeRow[] {
  const startOf = intervalStarter(options.interval, options.timeZone);
  const nextOf = nextIntervalStart(options.interval, options.timeZone);
  const byAgent = new Map<string, AgentStateSpan[]>();
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const agent = options.agentMap?.[s.agent] ?? s.agent;
    let list = byAgent.get(agent);
    if (!list) {
      list = [];
      byAgent.set(agent, list);
    }
    list.push(s);
  }
  const rows = new Map<string, AgentTimeRow>();
  const rowAt = (agent: string, start: number): AgentTimeRow => {
    const id = `${agent}\u0000${start}`;
    let r = rows.get(id);
    if (!r) {
      r = {
        agent,
        intervalStart: isoInZone(start, options.timeZone),
        intervalStartMs: start,
        loggedInSeconds: 0,
        idleSeconds: 0,
        talkingSeconds: 0,
        acwSeconds: 0,
        pausedSeconds: 0,
        pausedByReason: {},
        handleSeconds: 0,
        occupancy: null,
        utilization: null,
        callsHandled: 0,
        callsPerHour: null,
      };
      rows.set(id, r);
    }
    return r;
  };
  for (const [agent, list] of byAgent) {
    // Sweep over start/end points; active[state] counts open spans, reasons of open pauses are kept.
    const points: { t: number; d: 1 | -1; s: AgentStateSpan }[] = [];
    for (const s of list) {
      points.push({ t: s.start, d: 1, s }, { t: s.end, d: -1, s });
      if (s.state === 'talking') rowAt(agent, startOf(s.start)).callsHandled++;
    }
    points.sort((a, b) => a.t - b.t || a.d - b.d);
    const active = [0, 0, 0, 0];
    const pauses: AgentStateSpan[] = [];
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      active[RANK[p.s.state]] += p.d;
      if (p.s.state === 'paused') {
        if (p.d === 1) pauses.push(p.s);
        else pauses.splice(pauses.indexOf(p.s), 1);
      }
      const to = i + 1 < points.length ? points[i + 1].t : p.t;
      if (to <= p.t) continue;
      let top = -1;
      for (let k = 3; k >= 0; k--)
        if (active[k] > 0) {
          top = k;
          break;
        }
      if (top < 0) continue;
      const reason = top === 1 ? (pauses[pauses.length - 1]?.reason ?? '') : '';
      // Split the segment [p.t, to) at interval boundaries.
      for (let a = p.t; a < to; ) {
        const start = startOf(a);
        const b = Math.min(to, nextOf(start));
        const sec = (b - a) / 1000;
        const r = rowAt(agent, start);
        r.loggedInSeconds += sec;
        const state = NAMES[top];
        if (state === 'logged_in') r.idleSeconds += sec;
        else if (state === 'talking') r.talkingSeconds += sec;
        else if (state === 'acw') r.acwSeconds += sec;
        else {
          r.pausedSeconds += sec;
          r.pausedByReason[reason] = (r.pausedByReason[reason] ?? 0) + sec;
        }
        a = b;
      }
    }
  }
  const out = [...rows.values()];
  for (const r of out) {
    r.handleSeconds = r.talkingSeconds + r.acwSeconds;
    r.occupancy = r.handleSeconds + r.idleSeconds > 0 ? r.handleSeconds / (r.handleSeconds + r.idleSeconds) : null;
    r.utilization = r.loggedInSeconds > 0 ? r.handleSeconds / r.loggedInSeconds : null;
    r.callsPerHour = r.loggedInSeconds > 0 ? r.callsHandled / (r.loggedInSeconds / 3600) : null;
  }
  return out.sort((a, b) => a.intervalStartMs - b.intervalStartMs || a.agent.localeCompare(b.agent));
}
