/** A row of `GET /api/v1/reports/agent-time` (src/domain/metrics/agent-time.ts); seconds per state. */
export interface AgentTimeRow {
  agent: string;
  intervalStart: string;
  loggedInSeconds: number;
  idleSeconds: number;
  talkingSeconds: number;
  acwSeconds: number;
  pausedSeconds: number;
  pausedByReason: Record<string, number>;
  handleSeconds?: number;
  occupancy: number | null;
  utilization: number | null;
  callsHandled?: number;
  callsPerHour: number | null;
}

export type AgentTimeTotal = Omit<AgentTimeRow, 'intervalStart'> & { handleSeconds: number; callsHandled: number };

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * One row per agent over the whole range: seconds of every state (and of every pause reason) summed over
 * the agent's intervals, then the ratios of the sums — occupancy 员工利用率 = handle / (handle + idle),
 * utilization 在线利用率 = handle / logged-in, calls per logged-in hour; handle = talking + ACW
 * (docs/metrics.md). Calls handled are recovered as callsPerHour × logged-in hours when a row lacks them.
 * @example day 1: 8 h in, 6 h handle, 1.5 h idle; day 2: 2 h in, 0.5 h handle, 1 h idle → occupancy 6.5/9 = 72 % (the mean of 80 % and 33 % would say 57 %)
 */
export function agentTotals(rows: readonly AgentTimeRow[]): AgentTimeTotal[] {
  const by = new Map<string, AgentTimeTotal>();
  for (const r of rows) {
    let t = by.get(r.agent);
    if (!t) {
      t = {
        agent: r.agent,
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
      by.set(r.agent, t);
    }
    t.loggedInSeconds += r.loggedInSeconds;
    t.idleSeconds += r.idleSeconds;
    t.talkingSeconds += r.talkingSeconds;
    t.acwSeconds += r.acwSeconds;
    t.pausedSeconds += r.pausedSeconds;
    for (const [reason, s] of Object.entries(r.pausedByReason)) t.pausedByReason[reason] = (t.pausedByReason[reason] ?? 0) + s;
    t.callsHandled += r.callsHandled ?? Math.round((r.callsPerHour ?? 0) * (r.loggedInSeconds / 3600));
  }
  const out = [...by.values()];
  for (const t of out) {
    t.handleSeconds = t.talkingSeconds + t.acwSeconds;
    t.occupancy = ratio(t.handleSeconds, t.handleSeconds + t.idleSeconds);
    t.utilization = ratio(t.handleSeconds, t.loggedInSeconds);
    t.callsPerHour = ratio(t.callsHandled, t.loggedInSeconds / 3600);
  }
  return out.sort((a, b) => (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}

/** Every pause reason seen, most time first ('' — no reason given — last), for the table's columns. */
export function pauseReasons(rows: readonly { pausedByReason: Record<string, number> }[]): string[] {
  const total = new Map<string, number>();
  for (const r of rows) for (const [k, s] of Object.entries(r.pausedByReason)) total.set(k, (total.get(k) ?? 0) + s);
  return [...total.entries()].sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : b[1] - a[1])).map(([k]) => k);
}

/** The whole team or center as one row: every agent's seconds summed, then the same ratios. */
export function allAgentsTotal(rows: readonly AgentTimeRow[]): AgentTimeTotal | null {
  if (rows.length === 0) return null;
  return agentTotals(rows.map((r) => ({ ...r, agent: '' })))[0] ?? null;
}
