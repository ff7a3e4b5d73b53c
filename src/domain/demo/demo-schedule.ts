import { weekStart } from '../schedule/calendar-week.ts';
import type { RosterEntry } from '../schedule/roster.ts';
import { coveredIntervals, isNightShift, occupiedIntervals, shiftVariants } from '../schedule/shift-variants.ts';
import { type AgentInput, DEFAULT_OPTIONAL, type Rules, type ShiftVariant } from '../schedule/types.ts';
import { EventHeap } from '../simulation/event-heap.ts';

export interface DemoScheduleInput {
  /** Local dates of the period, consecutive. */
  dates: readonly string[];
  /** required[skillGroup][d][i]: agents needed in interval i of dates[d] (the builder's requirement). */
  required: Readonly<Record<string, readonly (readonly number[])[]>>;
  /** Skills in order of preference: the first is the agent's own line, the others help out. */
  agents: readonly AgentInput[];
  /** Shift templates, labour rules and seats, as the schedule builder reads them (team rules and rotations aside). */
  rules: Rules;
}

/** A shift variant of one day as the cover reads it: the period's intervals it covers and occupies. */
interface Shape {
  variant: ShiftVariant;
  night: boolean;
  /** Minutes from the period's first midnight. */
  start: number;
  end: number;
  covered: number[];
  seated: number[];
}

interface Person {
  agent: AgentInput;
  /** The agent's shifts by dayIndex. */
  shifts: Map<number, Shape>;
  week: Map<number, { days: number; minutes: number }>;
  minutes: number;
}

/**
 * The demo center's schedule, made the way a planner staffs a floor by hand and fast enough to seed (the
 * builder's two HiGHS stages take half a minute for the demo's 120 agents and a fortnight). Over the whole
 * period, the shift variant of the product's templates (a start and a placement of its breaks) on a day and for
 * a skill group that lowers the builder's own cost most — paid hours, plus `underPenalty` per agent-interval short
 * of the requirement and `overPenalty` per agent-interval over it (types.ts) — is added while one lowers it and
 * the seats allow it (greedy, lazily re-evaluated: a shift's saving only shrinks as others are added), and goes
 * at once to an agent who may work it under the labour rules the checker enforces (rules-check.ts): the skill,
 * one shift a day, `minRestHours` between shifts, at most `maxConsecutiveDays` in a row, a calendar week's paid
 * hours within the contract (so no overtime) and `minRestDaysPerWeek` rest days, at most `maxNightShifts` nights
 * in any `nightPeriodDays`, not on a day the agent is unavailable. A variant nobody may work is dropped. Among
 * those who may, it goes to an agent whose first skill is its group, then to one below the week's share of their
 * group's work (the work spread over everyone), then to one who works the day before or after (working days in
 * runs, rest days together), then to the one whose nearest shift starts nearest (people keep to their hours),
 * then to the one with the fewest hours. Team rules and rotations are not followed: the demo's rules have none.
 *
 * @example a day needing 2 agents 09:00–18:00 and 2 people with a 40 h contract → each gets an 早班 09:00–18:00.
 */
export function demoSchedule(input: DemoScheduleInput): RosterEntry[] {
  const { dates, rules } = input;
  const step = rules.intervalMinutes;
  const n = dates.length * (1440 / step);
  const groups = Object.keys(input.required);
  const deficit = new Map(groups.map((g) => [g, dates.flatMap((_, d) => [...(input.required[g]?.[d] ?? [])])]));
  const seated = new Array<number>(n).fill(0);
  const seats = rules.seats ?? Number.POSITIVE_INFINITY;
  const under = rules.underPenalty ?? DEFAULT_OPTIONAL.underPenalty;
  const over = rules.overPenalty ?? DEFAULT_OPTIONAL.overPenalty;
  const ctx = { rules, share: weeklyShare(input, groups), first: dates[0]! };
  const people: Person[] = input.agents.map((agent) => ({ agent, shifts: new Map(), week: new Map(), minutes: 0 }));
  const candidates = dates.flatMap((date, d) => dayShapes(rules, date, d, n).flatMap((s) => groups.map((g) => ({ g, d, s }))));
  const gain = ({ g, s }: (typeof candidates)[number]) => {
    const need = deficit.get(g)!;
    let x = -s.variant.paidMinutes / 60;
    for (const k of s.covered) x += need[k]! > 0 ? under : -over;
    return x;
  };
  // A min-heap on −saving; an entry's saving is an upper bound of its current one, recomputed when it comes up.
  const heap = new EventHeap();
  candidates.forEach((c, i) => {
    heap.push(-gain(c), 0, i);
  });
  const top = { time: 0, kind: 0, ref: 0 };
  const roster: RosterEntry[] = [];
  while (heap.pop(top)) {
    const c = candidates[top.ref]!;
    if (c.s.seated.some((k) => seated[k]! >= seats)) continue;
    const now = gain(c);
    if (now <= 0) continue;
    // Stale (others covered some of its intervals since): back in the heap with what it saves now.
    if (now !== -top.time) {
      heap.push(-now, 0, top.ref);
      continue;
    }
    const p = pickAgent(people, c.g, c.s, c.d, dates[c.d]!, ctx);
    if (!p) continue;
    give(p, c.s, c.d, ctx.first);
    for (const k of c.s.covered) deficit.get(c.g)![k]!--;
    for (const k of c.s.seated) seated[k]!++;
    roster.push({ agent: p.agent.agent, skillGroup: c.g, dayIndex: c.d, variant: c.s.variant });
    heap.push(-gain(c), 0, top.ref);
  }
  return roster.sort((a, b) => a.dayIndex - b.dayIndex || a.agent.localeCompare(b.agent));
}

/** Every variant of every template on day d, with the period's intervals it covers and occupies (a night's morning counts on the next day). */
function dayShapes(rules: Rules, date: string, d: number, n: number): Shape[] {
  const step = rules.intervalMinutes;
  const base = d * (1440 / step);
  const inPeriod = (i: number) => base + i < n;
  return rules.shiftTemplates.flatMap((t) =>
    shiftVariants(t, date, step).map((variant) => ({
      variant,
      night: isNightShift(variant, t),
      start: d * 1440 + Math.min(...variant.segments.map((s) => s.start)),
      end: d * 1440 + Math.max(...variant.segments.map((s) => s.end)),
      covered: coveredIntervals(variant, step)
        .filter(inPeriod)
        .map((i) => base + i),
      seated: occupiedIntervals(variant, step)
        .filter(inPeriod)
        .map((i) => base + i),
    })),
  );
}

/**
 * Days a week each agent's share of their first group's work comes to: the week's required agent-hours of the
 * group over the shift's paid hours, spread over the agents whose first skill it is (at least one day).
 */
function weeklyShare(input: DemoScheduleInput, groups: readonly string[]): (agent: AgentInput, week: number) => number {
  const { dates, rules } = input;
  const first = dates[0]!;
  const variants = rules.shiftTemplates.flatMap((t) => shiftVariants(t, first, rules.intervalMinutes));
  const paid = variants.reduce((a, v) => a + v.paidMinutes, 0) / Math.max(1, variants.length);
  const shifts = new Map<string, number>();
  for (const g of groups)
    dates.forEach((_, d) => {
      const key = `${g}|${weekStart(first, d)}`;
      const minutes = (input.required[g]?.[d] ?? []).reduce((a, b) => a + b, 0) * rules.intervalMinutes;
      shifts.set(key, (shifts.get(key) ?? 0) + minutes / paid);
    });
  const pool = new Map<string, number>();
  for (const a of input.agents) if (a.skills[0]) pool.set(a.skills[0], (pool.get(a.skills[0]) ?? 0) + 1);
  return (agent, week) => {
    const g = agent.skills[0] ?? '';
    return Math.max(1, Math.floor((shifts.get(`${g}|${week}`) ?? 0) / (pool.get(g) ?? 1)));
  };
}

function pickAgent(
  people: readonly Person[],
  group: string,
  s: Shape,
  d: number,
  date: string,
  ctx: { rules: Rules; share: (a: AgentInput, week: number) => number; first: string },
): Person | null {
  const { rules } = ctx;
  const week = weekStart(ctx.first, d);
  const maxNights = rules.maxNightShifts ?? DEFAULT_OPTIONAL.maxNightShifts;
  const nightDays = rules.nightPeriodDays ?? DEFAULT_OPTIONAL.nightPeriodDays;
  const rest = rules.minRestHours * 60;
  let best: Person | null = null;
  let bestKey: number[] = [];
  for (const p of people) {
    const a = p.agent;
    if (!a.skills.includes(group) || a.unavailable?.includes(date) || p.shifts.has(d)) continue;
    // Only the days either side can be within the rest: a shift two days away ends or starts ≥ 23 h apart.
    const before = p.shifts.get(d - 1);
    const after = p.shifts.get(d + 1);
    if ((before && s.start - before.end < rest) || (after && after.start - s.end < rest)) continue;
    let run = 1;
    for (let x = d - 1; p.shifts.has(x); x--) run++;
    for (let x = d + 1; p.shifts.has(x); x++) run++;
    if (run > rules.maxConsecutiveDays) continue;
    const w = p.week.get(week) ?? { days: 0, minutes: 0 };
    const limit = Math.min(rules.maxHoursPerWeek, a.contractHoursPerWeek) * 60;
    if (w.minutes + s.variant.paidMinutes > limit || w.days + 1 > 7 - rules.minRestDaysPerWeek) continue;
    if (s.night && tooManyNights(p, d, maxNights, nightDays)) continue;
    const key = [
      a.skills[0] === group ? 0 : 1,
      w.days < ctx.share(a, week) ? 0 : 1,
      before || after ? 0 : 1,
      habit(p, s, d),
      p.minutes,
    ];
    if (best === null || less(key, bestKey)) {
      best = p;
      bestKey = key;
    }
  }
  return best;
}

/** True when one more night on day d would make more than `max` nights in some `window` days. */
function tooManyNights(p: Person, d: number, max: number, window: number): boolean {
  const nights = [...p.shifts].filter(([, x]) => x.night).map(([day]) => day);
  for (let from = d - window + 1; from <= d; from++)
    if (nights.filter((x) => x >= from && x < from + window).length + 1 > max) return true;
  return false;
}

/** Minutes between this shift's start of day and that of the agent's nearest shift (0 for an agent without one). */
function habit(p: Person, s: Shape, d: number): number {
  let nearest: [number, Shape] | null = null;
  for (const [day, x] of p.shifts) if (!nearest || Math.abs(day - d) < Math.abs(nearest[0] - d)) nearest = [day, x];
  return nearest ? Math.abs(nearest[1].start - nearest[0] * 1440 - (s.start - d * 1440)) : 0;
}

const less = (x: readonly number[], y: readonly number[]) => {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
};

function give(p: Person, s: Shape, d: number, first: string) {
  const week = weekStart(first, d);
  const w = p.week.get(week) ?? { days: 0, minutes: 0 };
  p.week.set(week, { days: w.days + 1, minutes: w.minutes + s.variant.paidMinutes });
  p.shifts.set(d, s);
  p.minutes += s.variant.paidMinutes;
}
