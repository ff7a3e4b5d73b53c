import { addDays, isoWeekday } from '../calendar/civil-date.ts';
import type { AgentStateSpan, Contact } from '../contacts/contact.ts';
import { staffingPlan } from '../erlang/staffing-plan.ts';
import { normal, type Uniform } from '../simulation/random.ts';
import { simulateCalls } from '../simulation/simulate-calls.ts';
import type { DemoSkillGroup } from './demo-center.ts';
import { demoRoster } from './demo-roster.ts';
import { expectedCalls } from './demo-traffic.ts';

export interface DemoHistoryInput {
  /** Local midnight of the first day, epoch ms (the demo center's zone has no DST: days are 24 h). */
  startMs: number;
  /** Calendar date of the first day, YYYY-MM-DD. */
  startDate: string;
  days: number;
  groups: readonly DemoSkillGroup[];
  /** Employee numbers of the agents answering each skill group (by code), in order of preference. */
  pools: Record<string, readonly string[]>;
}

export interface DemoHistory {
  contacts: Contact[];
  spans: AgentStateSpan[];
}

const INTERVAL_SECONDS = 1800;
const PER_DAY = 48;
/**
 * The demo center's call history, produced by the queue simulation (src/domain/simulation) rather than
 * drawn from formulas: expected calls per interval from the M-shaped curve and the Chinese calendar,
 * staffing from Erlang A for 80 % in T with day-to-day noise and a thinner lunch hour (so service level
 * varies as on a real floor), lognormal handle times and exponential patience. Callers sometimes call
 * again (the same number within hours), so repeat-contact reports have something to find.
 */
export function demoHistory(u: Uniform, input: DemoHistoryInput): DemoHistory {
  const contacts: Contact[] = [];
  const spans: AgentStateSpan[] = [];
  for (const g of input.groups) {
    const pool = input.pools[g.code] ?? [];
    const calls: number[] = [];
    for (let d = 0; d < input.days; d++) calls.push(...expectedCalls(addDays(input.startDate, d), g.weekdayCalls, 30));
    const aht = g.meanHandleSeconds + g.meanAcwSeconds;
    const plan = staffingPlan(
      calls.map((c, i) => ({ skillGroup: g.code, start: i, calls: c, ahtSeconds: aht })),
      {
        intervalSeconds: INTERVAL_SECONDS,
        model: 'a',
        patienceSeconds: g.meanPatienceSeconds,
        targets: { serviceLevel: g.slTarget },
        slSeconds: g.slThresholdSeconds,
        shrinkage: 0,
      },
    );
    const dayNoise = Array.from({ length: input.days }, () => normal(u, 1, 0.07));
    const agents = plan.map((p, i) => {
      const slot = i % PER_DAY;
      const lunch = slot >= 23 && slot < 27 ? 0.88 : 1; // 11:30–13:30
      return Math.max(
        calls[i] > 0.5 ? 1 : 0,
        Math.min(pool.length, Math.round(p.agents * (dayNoise[Math.floor(i / PER_DAY)] ?? 1) * lunch)),
      );
    });
    // The group's people on 8-hour shifts covering that staffing, five days a week (demo-roster.ts): the
    // simulation's agent k is the pool's k-th person.
    const roster = demoRoster(agents, {
      intervalSeconds: INTERVAL_SECONDS,
      intervalsPerDay: PER_DAY,
      people: pool.length,
      firstWeekday: isoWeekday(input.startDate),
    });
    const sim = simulateCalls(
      u,
      {
        intervalSeconds: INTERVAL_SECONDS,
        queues: [
          {
            name: g.code,
            callsPerInterval: calls,
            talk: { distribution: 'lognormal', meanSeconds: g.meanHandleSeconds, cv: g.handleCv },
            acw: { distribution: 'lognormal', meanSeconds: g.meanAcwSeconds, cv: 0.5 },
            patienceSeconds: g.meanPatienceSeconds,
          },
        ],
        agents: roster.map((shifts) => ({ skills: [{ queue: g.code, priority: 1 }], shifts })),
      },
      input.startMs,
    );
    const recent: string[] = [];
    sim.calls.forEach((c, n) => {
      const agent = c.agentIndex === null ? null : (pool[c.agentIndex] ?? null);
      let caller: string;
      if (recent.length > 50 && u() < 0.08) caller = recent[Math.floor(u() * recent.length)] ?? '';
      else caller = `1${['3', '5', '8'][Math.floor(u() * 3)]}${String(Math.floor(u() * 1e9)).padStart(9, '0')}`;
      recent.push(caller);
      if (recent.length > 400) recent.shift();
      const answered = c.outcome === 'answered';
      // Whole milliseconds: the stores keep instants as integers (PostgreSQL's bigint refuses a fraction).
      const arrival = Math.round(c.arrivalMs);
      const answeredAt = answered ? arrival + Math.round(c.waitSeconds * 1000) : null;
      const talkEnd = answeredAt === null ? null : answeredAt + Math.round(c.talkSeconds * 1000);
      contacts.push({
        key: `demo:${g.code}:${n}`,
        callId: `demo-${g.code}-${n}`,
        queue: g.code,
        callerId: caller,
        enteredAt: arrival,
        outcome: answered ? 'answered' : 'abandoned',
        waitSeconds: Math.round(c.waitSeconds * 1000) / 1000,
        answeredAt,
        endedAt: talkEnd ?? arrival + Math.round(c.waitSeconds * 1000),
        agent,
        talkSeconds: answered ? Math.round(c.talkSeconds * 10) / 10 : 0,
        holdSeconds: 0,
        acwSeconds: answered ? Math.round(c.acwSeconds * 10) / 10 : 0,
        transferred: false,
        ringNoAnswer: 0,
      });
      if (agent && answeredAt !== null && talkEnd !== null) {
        spans.push({
          key: `demo:${g.code}:${n}:talk`,
          agent,
          queue: g.code,
          state: 'talking',
          reason: null,
          start: answeredAt,
          end: talkEnd,
        });
        if (c.acwSeconds > 0) {
          spans.push({
            key: `demo:${g.code}:${n}:acw`,
            agent,
            queue: g.code,
            state: 'acw',
            reason: null,
            start: talkEnd,
            end: talkEnd + Math.round(c.acwSeconds * 1000),
          });
        }
      }
    });
    sim.agents.forEach((a, k) => {
      const agent = pool[k];
      if (!agent) return;
      for (const sh of a.shifts)
        spans.push({
          key: `demo:${g.code}:login:${k}:${input.startMs + Math.round(sh.startSeconds * 1000)}`,
          agent,
          queue: g.code,
          state: 'logged_in',
          reason: null,
          start: input.startMs + Math.round(sh.startSeconds * 1000),
          end: input.startMs + Math.round(sh.endSeconds * 1000),
        });
    });
  }
  contacts.sort((a, b) => a.enteredAt - b.enteredAt);
  return { contacts, spans };
}

/**
 * Who answers each skill group in the history, one group per person: complaints take everyone trained for them
 * (teams 6–7 and the policy agents who also handle complaints, since complaint calls are long: 900 a weekday at
 * 7.5 minutes), the enterprise line its team, policy calls the rest.
 */
export function demoPools(agents: readonly { employeeNo: string; skills: readonly { code: string }[] }[]) {
  const pools: Record<string, string[]> = {};
  for (const a of agents) {
    const code = a.skills.some((s) => s.code === 'complaint') ? 'complaint' : (a.skills[0]?.code ?? '');
    const pool = pools[code] ?? [];
    pool.push(a.employeeNo);
    pools[code] = pool;
  }
  return pools;
}
