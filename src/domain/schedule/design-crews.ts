import type { RosterEntry } from './roster.ts';
import { isNightShift, shiftVariants } from './shift-variants.ts';
import { type AgentInput, DEFAULT_OPTIONAL, type Rules, type ShiftVariant } from './types.ts';

/** The crews of the rotations (大轮班) as the shift design sees them: one binary per crew and start in its cycle. */
export interface CrewModel {
  /** y columns: each crew's possible starts; exactly one of a crew's is 1. */
  ys: { name: string; crew: string; offset: number }[];
  /** Σ_k y[c,k] = 1 per crew. */
  rows: string[];
  /** Agents who follow a rotation: they work only their crew's pattern. */
  members: ReadonlySet<string>;
  /**
   * [y, n] for the crew members at work on day d — n = members on that start who are not on leave and not locked
   * that day — of type `type` when given, with the skill `group` when given (`only`: whose one skill among the
   * groups is `group`), each member weighted by `weight(type)` when given. `minus` writes them into a row.
   */
  atWork(
    d: number,
    opts?: { type?: string; group?: string; only?: boolean; weight?: (type: string) => number },
  ): [string, number][];
  /** Crew members locked on day d: they work their lock that day, not the pattern (so count as free agents). */
  lockedOn(d: number): AgentInput[];
  /** Shift types some crew works. */
  types: ReadonlySet<string>;
}

export interface CrewInput {
  dates: readonly string[];
  rules: Rules;
  /** The agents who can work the required groups. */
  agents: readonly AgentInput[];
  groups: readonly string[];
  /** (agent, day) pairs locked by the planner. */
  locked: ReadonlySet<string>;
  /** Shifts before the period (dayIndex < 0). */
  previous?: readonly RosterEntry[];
}

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * The crews of the rotations for the shift design: a binary y[c,k] per crew c and start k in its cycle, with
 * the starts left out that no roster can follow — those whose pattern, with the leave of the members and the
 * shifts they worked before the period, necessarily breaks the rest between shifts (even the latest start after
 * the earliest end), the working days in a row or the nights per window (only shifts that are nights in every
 * variant counted). Every row built on it is met by every roster that keeps the hard rules, so the design's
 * bound stays a bound. When no start is left (the rotation contradicts the rules) all are kept.
 * Returns null when no agent follows a rotation.
 */
export function crewModel(input: CrewInput): CrewModel | null {
  const { dates, rules, agents } = input;
  const rotationOf = new Map<string, { pattern: string[] }>();
  for (const r of rules.rotations ?? []) for (const c of r.crews) rotationOf.set(c, r);
  const byCrew = new Map<string, AgentInput[]>();
  for (const a of agents) if (a.crew && rotationOf.has(a.crew)) byCrew.set(a.crew, [...(byCrew.get(a.crew) ?? []), a]);
  if (byCrew.size === 0) return null;
  const templates = new Set(rules.shiftTemplates.map((t) => t.name));
  const typeOf = (pattern: string[], d: number, k: number) => {
    const t = pattern[(d + k) % pattern.length]!;
    return templates.has(t) ? t : undefined; // '休', or a name that is no template: no work
  };
  const rotating = (a: AgentInput, d: number) => !a.unavailable?.includes(dates[d]!) && !input.locked.has(`${a.agent}|${d}`);
  const possible = startTester(input);
  const ys: CrewModel['ys'] = [];
  const rows: string[] = [];
  for (const [crew, members] of byCrew) {
    const { pattern } = rotationOf.get(crew)!;
    const all = pattern.map((_, k) => k);
    const ok = all.filter((k) => members.every((a) => possible(a, (d) => (rotating(a, d) ? typeOf(pattern, d, k) : null))));
    const mine = (ok.length ? ok : all).map((offset, i) => ({ name: `y${ys.length + i}`, crew, offset }));
    ys.push(...mine);
    rows.push(` yc${rows.length}: ${mine.map((y) => y.name).join(' + ')} = 1`);
  }
  const onlySkill = (a: AgentInput) => a.skills.filter((s) => input.groups.includes(s));
  return {
    ys,
    rows,
    members: new Set([...byCrew.values()].flat().map((a) => a.agent)),
    types: new Set([...byCrew.keys()].flatMap((c) => rotationOf.get(c)!.pattern.filter((t) => templates.has(t)))),
    lockedOn: (d) => [...byCrew.values()].flat().filter((a) => input.locked.has(`${a.agent}|${d}`)),
    atWork(d, opts = {}) {
      const out: [string, number][] = [];
      for (const y of ys) {
        const t = typeOf(rotationOf.get(y.crew)!.pattern, d, y.offset);
        if (t === undefined || (opts.type !== undefined && t !== opts.type)) continue;
        const n = byCrew
          .get(y.crew)!
          .filter(
            (a) =>
              rotating(a, d) &&
              (opts.group === undefined || (opts.only ? onlySkill(a).join() === opts.group : a.skills.includes(opts.group))),
          ).length;
        const coef = n * (opts.weight ? opts.weight(t) : 1);
        if (coef > 0) out.push([y.name, coef]);
      }
      return out;
    },
  };
}

/** Terms [y, n] of one or more days as `- n y` for a row, each y once (summed). */
export function minus(terms: readonly [string, number][]): string[] {
  const sum = new Map<string, number>();
  for (const [y, n] of terms) sum.set(y, (sum.get(y) ?? 0) + n);
  return [...sum].map(([y, n]) => `- ${num(n)} ${y}`);
}

/**
 * Whether an agent can follow a pattern at all: `work(d)` is the type of day d (undefined: rest; null: not
 * known, a lock or leave — read as rest, which only loosens the test). Only certain breaks count: rest below
 * minRestHours even from the earliest end to the latest start, runs over maxConsecutiveDays, more than
 * maxNightShifts shifts that are nights in every variant within nightPeriodDays — with the shifts before the period.
 */
function startTester(input: CrewInput) {
  const { dates, rules } = input;
  const maxNights = rules.maxNightShifts ?? DEFAULT_OPTIONAL.maxNightShifts;
  const nightDays = rules.nightPeriodDays ?? DEFAULT_OPTIONAL.nightPeriodDays;
  const cache = new Map<string, { minEnd: number; maxStart: number; night: boolean }>();
  const shape = (type: string, d: number) => {
    const key = `${type}|${d}`;
    if (!cache.has(key)) {
      const t = rules.shiftTemplates.find((x) => x.name === type)!;
      const vs: ShiftVariant[] = shiftVariants(t, dates[d]!, rules.intervalMinutes);
      cache.set(key, {
        minEnd: Math.min(...vs.map((v) => Math.max(...v.segments.map((s) => s.end)))),
        maxStart: Math.max(...vs.map((v) => Math.min(...v.segments.map((s) => s.start)))),
        night: vs.every((v) => isNightShift(v, t)),
      });
    }
    return cache.get(key)!;
  };
  const tmpl = new Map(rules.shiftTemplates.map((t) => [t.name, t]));
  return (a: AgentInput, work: (d: number) => string | undefined | null): boolean => {
    const days: { day: number; start: number; end: number; night: boolean }[] = [];
    for (const e of input.previous ?? [])
      if (e.agent === a.agent && e.dayIndex < 0)
        days.push({
          day: e.dayIndex,
          start: e.dayIndex * 1440 + Math.min(...e.variant.segments.map((s) => s.start)),
          end: e.dayIndex * 1440 + Math.max(...e.variant.segments.map((s) => s.end)),
          night: isNightShift(e.variant, tmpl.get(e.variant.template)),
        });
    dates.forEach((_, d) => {
      const t = work(d);
      if (!t) return;
      const s = shape(t, d);
      days.push({ day: d, start: d * 1440 + s.maxStart, end: d * 1440 + s.minEnd, night: s.night });
    });
    days.sort((x, y) => x.day - y.day);
    let run = 0;
    for (let i = 0; i < days.length; i++) {
      const p = days[i - 1];
      const r = days[i]!;
      if (p && r.start - p.end < rules.minRestHours * 60) return false;
      run = p && p.day === r.day - 1 ? run + 1 : 1;
      if (run > rules.maxConsecutiveDays) return false;
    }
    const nights = days.filter((x) => x.night).map((x) => x.day);
    for (let i = 0; i + maxNights < nights.length; i++) if (nights[i + maxNights]! - nights[i]! < nightDays) return false;
    return true;
  };
}
