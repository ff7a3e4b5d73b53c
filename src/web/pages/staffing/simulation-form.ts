/** The simulation page's scenario as typed, and the body of POST /staffing/simulate built from it. */

export interface QueueForm {
  /** Stable React key (names change while typing). */
  id: string;
  name: string;
  /** Comma-separated expected calls per interval. */
  calls: string;
  ahtSeconds: string;
  /** Mean patience in seconds; '' = callers never hang up. */
  patienceSeconds: string;
}

export interface AgentGroupForm {
  /** Stable React key. */
  id: string;
  count: string;
  /** Priority per queue (same order as the queues): 1 = preferred, '' = skill not held. */
  priorities: string[];
}

export interface SimulationForm {
  /** Clock time of the first interval, HH:MM — labels only; the simulation starts at 0. */
  startTime: string;
  intervalMinutes: string;
  slSeconds: string;
  replications: string;
  seed: string;
  queues: QueueForm[];
  agents: AgentGroupForm[];
}

/**
 * A morning of two skill groups: 8 half hours of 政策咨询 and 社保查询 calls, dedicated agents for each and
 * a cross-trained group that prefers 政策咨询 and helps 社保查询 when idle.
 */
export const DEFAULT_SCENARIO: SimulationForm = {
  startTime: '08:00',
  intervalMinutes: '30',
  slSeconds: '20',
  replications: '10',
  seed: '1',
  queues: [
    { id: 'q1', name: '政策咨询', calls: '60, 90, 120, 130, 120, 100, 80, 60', ahtSeconds: '180', patienceSeconds: '120' },
    { id: 'q2', name: '社保查询', calls: '40, 50, 70, 80, 70, 60, 50, 40', ahtSeconds: '240', patienceSeconds: '180' },
  ],
  agents: [
    { id: 'g1', count: '11', priorities: ['1', ''] },
    { id: 'g2', count: '9', priorities: ['', '1'] },
    { id: 'g3', count: '5', priorities: ['1', '2'] },
  ],
};

/** "60, 90,120" → [60, 90, 120]; null when any item is not a number ≥ 0 or the list is empty. */
export function parseList(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const xs = parts.map(Number);
  return xs.every((x) => Number.isFinite(x) && x >= 0) ? xs : null;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/**
 * The request body, or the index of the first queue whose call list does not parse. The server validates
 * everything else and names the field.
 */
export function simulateRequest(f: SimulationForm): { body: unknown } | { badQueue: number } {
  const queues = [];
  for (const [i, q] of f.queues.entries()) {
    const calls = parseList(q.calls);
    if (!calls) return { badQueue: i };
    queues.push({
      name: q.name.trim(),
      callsPerInterval: calls,
      ahtSeconds: num(q.ahtSeconds),
      patienceSeconds: q.patienceSeconds.trim() === '' ? null : Number(q.patienceSeconds),
    });
  }
  const agents = f.agents.map((a) => ({
    count: num(a.count),
    skills: a.priorities.flatMap((p, i) =>
      p.trim() === '' || !f.queues[i] ? [] : [{ queue: (f.queues[i] as QueueForm).name.trim(), priority: Number(p) }],
    ),
  }));
  const minutes = num(f.intervalMinutes);
  return {
    body: {
      intervalSeconds: minutes === undefined ? undefined : minutes * 60,
      slSeconds: num(f.slSeconds),
      replications: num(f.replications),
      seed: num(f.seed),
      queues,
      agents,
    },
  };
}

/**
 * The clock label of interval i from the scenario's start time (wrapping past midnight).
 * @example intervalLabel(3, 30, '08:00') // '09:30'
 */
export function intervalLabel(i: number, minutes: number, startTime: string): string {
  const [h, m] = startTime.split(':').map(Number);
  const start = Number.isFinite(h) && Number.isFinite(m) ? (h as number) * 60 + (m as number) : 0;
  const at = (start + i * minutes) % 1440;
  return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
}

/** A key not used yet by any item, e.g. `q3` after q1 and q2. */
export function nextId(prefix: string, items: readonly { id: string }[]): string {
  let n = items.length + 1;
  while (items.some((x) => x.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
