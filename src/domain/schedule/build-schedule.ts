import { erlangCMetrics } from '../erlang/erlang-c.ts';
import { isRestDay, isStatutoryHoliday, payRate } from './pay-rate.ts';
import type { RosterEntry } from './roster.ts';
import { rosterShifts } from './roster-optimal.ts';
import { checkRoster, rotationConflicts, type Violation } from './rules-check.ts';
import { scheduleFit } from './schedule-fit.ts';
import { designShifts } from './shift-design.ts';
import { coveredIntervals, isNightShift, toMinutes, variantStartingAt } from './shift-variants.ts';
import { isoAt } from './stored-roster.ts';
import { type AgentInput, type Assignment, DEFAULT_OPTIONAL, type Lock, type Rules } from './types.ts';

export { payRate } from './pay-rate.ts';

export interface ScheduleInput {
  /** Local dates of the period. */
  dates: string[];
  timeZone: string;
  /** required[skillGroup][d][i] */
  required: Record<string, number[][]>;
  agents: AgentInput[];
  rules: Rules;
  timeLimitSeconds: number;
  /** Assignments the planner locked: kept, and the rest re-optimised around them. */
  locks?: Lock[];
  /** Offered calls and AHT per group, day and interval, for the predicted service level of understaffed intervals. */
  traffic?: Record<string, { calls: number; ahtSeconds: number }[][]>;
  /** Largest model accepted, in columns (HiGHS in WebAssembly has a 2 GiB ceiling). */
  maxColumns?: number;
  /**
   * Shifts worked before the period — the previous schedule's last days, dayIndex < 0 (−1 = the day before the
   * first; `neighbourEntries` makes them from stored or printed assignments): rest between shifts, working days in
   * a row and nights are kept across the boundary. Without it the scheduler assumes rest before the first day.
   */
  previous?: readonly RosterEntry[];
  /**
   * Shifts of the published schedule after the period (dayIndex ≥ dates.length), and `previous` reaching back to
   * the start of the month: hours and rest days of the calendar weeks and overtime of the calendar months the
   * period shares with them count them too.
   */
  next?: readonly RosterEntry[];
}

export interface StageFigures {
  objective: number;
  lowerBound: number;
  gap: number;
  status: string;
}

export interface ScheduleOutput {
  assignments: Assignment[];
  coverage: { intervalStart: string; skillGroup: string; required: number; scheduled: number }[];
  fit: number | null;
  underHours: number;
  overHours: number;
  paidHours: number;
  /** HiGHS's dual bound of the shift-design model: no schedule of these requirements costs less. */
  lowerBound: number;
  /** (cost of this schedule − lowerBound) / cost, the cost being paid hours + the under/overstaffing penalties. */
  gap: number;
  /** The cost of this schedule in the design objective's units. */
  cost: number;
  design: StageFigures;
  roster: StageFigures & { method: 'mip' | 'greedy' | 'mip+greedy'; repaired: number; filled: number };
  unfilledShifts: number;
  /** Intervals below requirement, with the Erlang C service level the scheduled agents would give (when traffic is known). */
  understaffed: {
    intervalStart: string;
    skillGroup: string;
    required: number;
    scheduled: number;
    predictedServiceLevel: number | null;
  }[];
  /** Per agent: night shifts, rest days worked and statutory holidays worked, with the spread (max − min). */
  fairness: { nights: [number, number]; restDaysWorked: [number, number]; holidaysWorked: [number, number] };
  violations: Violation[];
  /** Rules that contradict each other (a rotation that breaks a labour rule): why some shifts stay open. */
  warnings: string[];
  /** Each rotation crew's start in its cycle: day d of the period works pattern[(d + start) mod length]. */
  crewStarts: Record<string, number>;
}

/**
 * Shift design for all skill groups (HiGHS), rostering to named agents (HiGHS, rolling horizon for long
 * periods), then the independent rule check and the figures a planner is judged by: fit, under/overstaffed
 * hours, the solver's bound and the gap of this very schedule to it.
 */
export async function buildSchedule(input: ScheduleInput): Promise<ScheduleOutput> {
  const { rules, dates } = input;
  const step = rules.intervalMinutes;
  const perDay = 1440 / step;
  const limits = { maxColumns: input.maxColumns };
  const fixed = (input.locks ?? []).flatMap((l) => {
    const t = rules.shiftTemplates.find((x) => x.name === l.shift);
    const v = t && dates.includes(l.date) ? variantStartingAt(t, l.date, step, l.start) : undefined;
    return v ? [{ skillGroup: l.skillGroup, variant: v, agent: l.agent }] : [];
  });
  const previous = (input.previous ?? []).filter((e) => e.dayIndex < 0);
  const design = await designShifts(
    { dates, required: input.required, rules, agents: input.agents, fixed, previous },
    { ...limits, timeLimit: Math.max(1, input.timeLimitSeconds * 0.4) },
  );
  const demand = design.counts.map((c) => ({
    skillGroup: c.skillGroup,
    dayIndex: dates.indexOf(c.variant.date),
    variant: c.variant,
    count: c.count,
  }));
  const r = await rosterShifts(
    {
      dates,
      demand,
      agents: input.agents,
      rules,
      locks: input.locks,
      previous,
      next: input.next,
      crewOffsets: design.crewOffsets,
    },
    // Rostering gets what the design left of the time limit (at least 60 % of it).
    { ...limits, timeLimit: Math.max(1, input.timeLimitSeconds - Math.min(design.seconds, input.timeLimitSeconds * 0.4)) },
  );
  const at = (date: string, minute: number) => isoAt(date, minute, input.timeZone);
  const lockKey = new Set((input.locks ?? []).map((l) => `${l.agent}|${l.date}`));
  const assignments: Assignment[] = r.roster
    .map((e) => ({
      agent: e.agent,
      date: e.variant.date,
      shift: e.variant.template,
      skillGroup: e.skillGroup,
      segments: e.variant.segments.map((s) => ({ start: at(e.variant.date, s.start), end: at(e.variant.date, s.end) })),
      breaks: e.variant.breaks.map((b) => ({ start: at(e.variant.date, b.start), end: at(e.variant.date, b.end), paid: b.paid })),
      payRate: payRate(e.variant.date),
      ...(lockKey.has(`${e.agent}|${e.variant.date}`) ? { locked: true } : {}),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent));
  const coverage: ScheduleOutput['coverage'] = [];
  const understaffed: ScheduleOutput['understaffed'] = [];
  const allS: number[] = [];
  const allR: number[] = [];
  const scheduled = scheduledCounts(r.roster, Object.keys(input.required), dates.length, step);
  for (const g of Object.keys(input.required)) {
    dates.forEach((date, d) => {
      for (let i = 0; i < perDay; i++) {
        const req = input.required[g]![d]?.[i] ?? 0;
        const s = scheduled.get(g)![d * perDay + i]!;
        const intervalStart = at(date, i * step);
        coverage.push({ intervalStart, skillGroup: g, required: req, scheduled: s });
        allS.push(s);
        allR.push(req);
        if (s < req)
          understaffed.push({
            intervalStart,
            skillGroup: g,
            required: req,
            scheduled: s,
            predictedServiceLevel: predictedSl(
              input.traffic?.[g]?.[d]?.[i],
              s,
              step,
              rules.slSeconds ?? DEFAULT_OPTIONAL.slSeconds,
            ),
          });
      }
    });
  }
  const fit = scheduleFit(allS, allR, step);
  const paidHours = r.roster.reduce((sum, e) => sum + e.variant.paidMinutes / 60, 0);
  const unitsUnder = fit.underHours / (step / 60);
  const unitsOver = fit.overHours / (step / 60);
  const cost =
    paidHours +
    (rules.underPenalty ?? DEFAULT_OPTIONAL.underPenalty) * unitsUnder +
    (rules.overPenalty ?? DEFAULT_OPTIONAL.overPenalty) * unitsOver;
  return {
    assignments,
    coverage,
    ...fit,
    paidHours,
    lowerBound: design.lowerBound,
    gap: cost > 0 ? Math.max(0, (cost - design.lowerBound) / cost) : 0,
    cost,
    design: { objective: design.objective, lowerBound: design.lowerBound, gap: design.gap, status: design.status },
    roster: {
      objective: r.objective,
      lowerBound: r.lowerBound,
      gap: r.gap,
      status: r.status,
      method: r.method,
      repaired: r.repaired,
      filled: r.filled,
    },
    unfilledShifts: r.unfilled.length,
    understaffed,
    fairness: fairness(r.roster, input.agents, rules, dates),
    violations: checkRoster(r.roster, input.agents, rules, {
      dates,
      templates: rules.shiftTemplates,
      locks: input.locks,
      neighbours: [...previous, ...(input.next ?? []).filter((e) => e.dayIndex >= dates.length)],
    }),
    warnings: [
      ...rotationConflicts(rules, rules.shiftTemplates),
      ...(r.offsetsChanged ? ["no roster could follow the crews' starts the shift design chose; rostering chose its own"] : []),
    ],
    crewStarts: Object.fromEntries(r.crewOffsets),
  };
}

/** Agents counted per group and interval of the period (whole interval worked, not on a break). */
export function scheduledCounts(
  roster: readonly RosterEntry[],
  groups: readonly string[],
  days: number,
  intervalMinutes: number,
): Map<string, number[]> {
  const perDay = 1440 / intervalMinutes;
  const out = new Map(groups.map((g) => [g, Array(days * perDay).fill(0) as number[]]));
  for (const e of roster) {
    const s = out.get(e.skillGroup);
    if (!s) continue;
    for (const i of coveredIntervals(e.variant, intervalMinutes)) {
      const k = e.dayIndex * perDay + i;
      if (k < s.length) s[k]!++;
    }
  }
  return out;
}

/** Erlang C service level in T that `agents` give at the interval's traffic; 0 when they cannot carry it (n ≤ A). */
export function predictedSl(
  t: { calls: number; ahtSeconds: number } | undefined,
  agents: number,
  intervalMinutes: number,
  slSeconds: number,
): number | null {
  if (!t || !(t.ahtSeconds > 0)) return null;
  const traffic = (t.calls * t.ahtSeconds) / (intervalMinutes * 60);
  if (traffic === 0) return 1;
  const m = erlangCMetrics(agents, traffic, t.ahtSeconds, slSeconds);
  return m.defined ? m.serviceLevel : 0;
}

function fairness(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: Rules,
  dates: readonly string[],
): ScheduleOutput['fairness'] {
  const tmpl = new Map(rules.shiftTemplates.map((t) => [t.name, t]));
  const count = (pick: (e: RosterEntry) => boolean): [number, number] => {
    const n = new Map(agents.map((a) => [a.agent, 0]));
    for (const e of roster) if (pick(e)) n.set(e.agent, (n.get(e.agent) ?? 0) + 1);
    const v = [...n.values()];
    return v.length ? [Math.min(...v), Math.max(...v)] : [0, 0];
  };
  return {
    nights: count((e) => isNightShift(e.variant, tmpl.get(e.variant.template))),
    restDaysWorked: count((e) => isRestDay(dates[e.dayIndex]!)),
    holidaysWorked: count((e) => isStatutoryHoliday(dates[e.dayIndex]!)),
  };
}

/**
 * The stored coverage of a schedule recounted from its roster as it is now (after swaps, leave, edits and
 * emergency overtime), with the fit figures of the recount; intervals whose date is outside `dates` are kept.
 */
export function recountCoverage(
  coverage: readonly ScheduleOutput['coverage'][number][],
  roster: readonly RosterEntry[],
  dates: readonly string[],
  intervalMinutes: number,
) {
  const perDay = 1440 / intervalMinutes;
  const counts = scheduledCounts(roster, [...new Set(coverage.map((c) => c.skillGroup))], dates.length, intervalMinutes);
  const out = coverage.map((c) => {
    const d = dates.indexOf(c.intervalStart.slice(0, 10));
    const i = Math.floor(toMinutes(c.intervalStart.slice(11, 16)) / intervalMinutes);
    return d < 0 ? c : { ...c, scheduled: counts.get(c.skillGroup)![d * perDay + i]! };
  });
  const fit = scheduleFit(
    out.map((c) => c.scheduled),
    out.map((c) => c.required),
    intervalMinutes,
  );
  return { coverage: out, ...fit };
}
