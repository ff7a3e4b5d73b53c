import { dateAt, weekStart } from './calendar-week.ts';
import type { RosterEntry } from './roster.ts';
import { isNightShift, occupiedIntervals } from './shift-variants.ts';
import type { AgentInput, LabourRules, Lock, ShiftTemplate } from './types.ts';
import { DEFAULT_OPTIONAL } from './types.ts';

export { scheduleFit } from './schedule-fit.ts';

export type RuleName =
  | 'skill'
  | 'one_shift_a_day'
  | 'min_rest'
  | 'max_consecutive_days'
  | 'max_hours_per_week'
  | 'min_rest_days_per_week'
  | 'max_overtime_per_month'
  | 'max_night_shifts'
  | 'unavailable'
  | 'team'
  | 'seats'
  | 'lock'
  | 'rotation';

export interface Violation {
  agent: string;
  rule: RuleName;
  detail: string;
  /** The day of the assignment that breaks the rule (the later one of a pair); absent for a crew-wide break. */
  dayIndex?: number;
}

export interface CheckContext {
  /** dates[dayIndex], YYYY-MM-DD: needed for leave, calendar months and locks. */
  dates?: readonly string[];
  templates?: readonly ShiftTemplate[];
  locks?: readonly Lock[];
  /**
   * Shifts of the neighbouring schedules, dayIndex relative to this one: before it (−1 = the day before the first)
   * and after it (≥ dates.length). Read for the rules that run across the boundary — rest between shifts, working
   * days in a row, nights per window, hours and rest days of a calendar week, overtime of a calendar month (give
   * every shift of the months the period touches) — and never reported for themselves: a violation is listed
   * only when one of its shifts is in this period.
   */
  neighbours?: readonly RosterEntry[];
}

const first = (e: RosterEntry) => e.dayIndex * 1440 + Math.min(...e.variant.segments.map((s) => s.start));
const last = (e: RosterEntry) => e.dayIndex * 1440 + Math.max(...e.variant.segments.map((s) => s.end));

/**
 * Every hard-rule violation of a roster, checked independently of the rostering code (so tests can prove the
 * scheduler never produces one). Weeks are calendar weeks, Monday to Sunday (7-day blocks from day 0 without
 * dates); overtime (weekly hours beyond the contract) counts in the calendar month of the week's Monday; nights
 * in every window of `nightPeriodDays`. The neighbours' shifts count in the weeks and months they share with
 * this period.
 */
export function checkRoster(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: LabourRules,
  ctx: CheckContext = {},
): Violation[] {
  const out: Violation[] = [];
  const info = new Map(agents.map((a) => [a.agent, a]));
  const byAgent = new Map<string, RosterEntry[]>();
  for (const r of roster) {
    const list = byAgent.get(r.agent);
    if (list) list.push(r);
    else byAgent.set(r.agent, [r]);
  }
  const tmpl = new Map((ctx.templates ?? []).map((t) => [t.name, t]));
  const maxOt = rules.maxOvertimeHoursPerMonth ?? DEFAULT_OPTIONAL.maxOvertimeHoursPerMonth;
  const maxNights = rules.maxNightShifts ?? DEFAULT_OPTIONAL.maxNightShifts;
  const nightDays = rules.nightPeriodDays ?? DEFAULT_OPTIONAL.nightPeriodDays;
  const n = ctx.dates?.length ?? Number.POSITIVE_INFINITY;
  const inPeriod = (d: number) => d >= 0 && d < n;
  const around = new Map<string, RosterEntry[]>();
  for (const r of ctx.neighbours ?? []) {
    if (inPeriod(r.dayIndex)) continue;
    const list = around.get(r.agent);
    if (list) list.push(r);
    else around.set(r.agent, [r]);
  }
  for (const [agent, list] of byAgent) {
    const a = info.get(agent);
    list.sort((x, y) => first(x) - first(y));
    // The agent's shifts with those of the schedules before and after: rest, runs and nights are read across.
    const seq = [...list, ...(around.get(agent) ?? [])].sort((x, y) => first(x) - first(y));
    const days = new Map(seq.map((r) => [r.dayIndex, r]));
    for (const r of list) {
      if (!a?.skills.includes(r.skillGroup))
        out.push({ agent, rule: 'skill', detail: `${r.skillGroup} on day ${r.dayIndex}`, dayIndex: r.dayIndex });
      const date = ctx.dates?.[r.dayIndex];
      if (date && a?.unavailable?.includes(date))
        out.push({ agent, rule: 'unavailable', detail: `works on ${date} (leave or unavailable)`, dayIndex: r.dayIndex });
    }
    for (let i = 1; i < seq.length; i++) {
      const p = seq[i - 1]!;
      const r = seq[i]!;
      if (!inPeriod(p.dayIndex) && !inPeriod(r.dayIndex)) continue;
      if (p.dayIndex === r.dayIndex)
        out.push({ agent, rule: 'one_shift_a_day', detail: `day ${r.dayIndex}`, dayIndex: r.dayIndex });
      const rest = first(r) - last(p);
      if (rest < rules.minRestHours * 60) {
        const across = !inPeriod(p.dayIndex)
          ? ` (after ${p.variant.template} on ${p.variant.date}, the schedule before)`
          : !inPeriod(r.dayIndex)
            ? ` (${r.variant.template} on ${r.variant.date}, the schedule after)`
            : '';
        out.push({
          agent,
          rule: 'min_rest',
          detail: `${(rest / 60).toFixed(1)} h rest before day ${r.dayIndex}${across}`,
          dayIndex: inPeriod(r.dayIndex) ? r.dayIndex : p.dayIndex,
        });
      }
    }
    for (const d of days.keys()) {
      if (days.has(d - 1)) continue;
      let run = 1;
      while (days.has(d + run)) run++;
      // A run counts when it holds a day of this period; the day named is its first day over the limit, kept inside.
      const from = Math.max(d, 0);
      const to = Math.min(d + run - 1, n - 1);
      if (run > rules.maxConsecutiveDays && from <= to)
        out.push({
          agent,
          rule: 'max_consecutive_days',
          detail: `${run} days from day ${d}`,
          dayIndex: Math.min(Math.max(d + rules.maxConsecutiveDays, from), to),
        });
    }
    // Calendar weeks (Monday–Sunday) with the neighbouring schedules' shifts in them: hours and rest days of a
    // week that holds a shift of this period; overtime by the calendar month of each week's Monday, counting the
    // weeks wholly in the neighbours too (a month's 36 h are shared by every schedule in it).
    const firstDate = ctx.dates?.[0];
    const weeks = new Map<number, { minutes: number; days: Set<number>; lastDay: number; around: number }>();
    for (const r of seq) {
      const ws = weekStart(firstDate, r.dayIndex);
      const w = weeks.get(ws) ?? { minutes: 0, days: new Set<number>(), lastDay: Number.NEGATIVE_INFINITY, around: 0 };
      w.minutes += r.variant.paidMinutes;
      w.days.add(r.dayIndex);
      if (inPeriod(r.dayIndex)) w.lastDay = Math.max(w.lastDay, r.dayIndex);
      else w.around += r.variant.paidMinutes;
      weeks.set(ws, w);
    }
    const overtime = new Map<string, { hours: number; lastDay: number; around: number; without: number }>();
    for (const [ws, v] of [...weeks].sort((x, y) => x[0] - y[0])) {
      const mine = v.lastDay >= 0;
      const label = firstDate ? `the week of ${dateAt(firstDate, ws)}` : `week ${ws / 7 + 1}`;
      const across = v.around ? ` (${(v.around / 60).toFixed(1)} h of it in the neighbouring schedules)` : '';
      if (mine && v.minutes > rules.maxHoursPerWeek * 60 + 1e-9)
        out.push({
          agent,
          rule: 'max_hours_per_week',
          detail: `${(v.minutes / 60).toFixed(1)} h in ${label}${across}`,
          dayIndex: v.lastDay,
        });
      if (mine && 7 - v.days.size < rules.minRestDaysPerWeek)
        out.push({
          agent,
          rule: 'min_rest_days_per_week',
          detail: `${7 - v.days.size} rest day(s) in ${label}${across}`,
          dayIndex: v.lastDay,
        });
      const contract = a?.contractHoursPerWeek ?? 40;
      const ot = Math.max(0, v.minutes / 60 - contract);
      const month = firstDate ? dateAt(firstDate, ws).slice(0, 7) : 'period';
      const m = overtime.get(month) ?? { hours: 0, lastDay: Number.NEGATIVE_INFINITY, around: 0, without: 0 };
      m.hours += ot;
      m.lastDay = Math.max(m.lastDay, v.lastDay);
      if (!mine) m.around += ot;
      m.without += Math.max(0, v.around / 60 - contract);
      overtime.set(month, m);
    }
    for (const [month, m] of overtime) {
      // This period's: it has shifts in the month that add overtime to what the neighbours alone make.
      if (m.lastDay >= 0 && m.hours > maxOt + 1e-9 && m.hours > m.without + 1e-9)
        out.push({
          agent,
          rule: 'max_overtime_per_month',
          detail: `${m.hours.toFixed(1)} h overtime in ${month}${m.around ? ` (${m.around.toFixed(1)} h in the neighbouring schedules)` : ''}`,
          dayIndex: m.lastDay,
        });
    }
    const nights = seq.filter((r) => isNightShift(r.variant, tmpl.get(r.variant.template))).map((r) => r.dayIndex);
    for (let i = 0; i + maxNights < nights.length; i++) {
      const mine = nights.slice(i, i + maxNights + 1).filter(inPeriod);
      if (nights[i + maxNights]! - nights[i]! < nightDays && mine.length) {
        out.push({
          agent,
          rule: 'max_night_shifts',
          detail: `${maxNights + 1} night shifts within ${nightDays} days from day ${nights[i]}`,
          dayIndex: mine.at(-1),
        });
      }
    }
  }
  out.push(
    ...checkTeams(byAgent, agents, rules),
    ...checkSeats(roster, rules),
    ...checkLocks(roster, ctx),
    ...checkRotations(byAgent, agents, rules, ctx),
  );
  return out;
}

/** Team rule (班组规则) at the level of shift type and day: see TeamRule. */
function checkTeams(byAgent: Map<string, RosterEntry[]>, agents: readonly AgentInput[], rules: LabourRules): Violation[] {
  const rule = rules.teamRule ?? 'none';
  if (rule === 'none') return [];
  const out: Violation[] = [];
  const on = (agent: string, day: number) => byAgent.get(agent)?.find((r) => r.dayIndex === day)?.variant.template;
  for (const a of agents) {
    if (a.role === 'leader' || (rule === 'leaderOnDuty' && a.role === 'senior')) continue;
    const team = agents.filter((b) => b.team === a.team && b.agent !== a.agent);
    const leads = team.filter((b) => b.role === 'leader' || (rule === 'leaderOnDuty' && b.role === 'senior'));
    for (const r of byAgent.get(a.agent) ?? []) {
      if (!leads.some((l) => on(l.agent, r.dayIndex) === r.variant.template)) {
        out.push({
          agent: a.agent,
          rule: 'team',
          detail: `${r.variant.template} on day ${r.dayIndex} without a ${rule === 'leaderOnDuty' ? 'leader or senior' : 'leader'} of team ${a.team} on it`,
          dayIndex: r.dayIndex,
        });
      }
    }
  }
  return out;
}

/** Seats: agents at a seat (working any part of the interval, not on a break) never exceed the site's seats. */
function checkSeats(roster: readonly RosterEntry[], rules: LabourRules): Violation[] {
  if (rules.seats === undefined) return [];
  const step = rules.intervalMinutes ?? 30;
  const perDay = 1440 / step;
  const at = new Map<number, RosterEntry[]>();
  for (const r of roster) {
    for (const i of occupiedIntervals(r.variant, step)) {
      const g = r.dayIndex * perDay + i;
      const list = at.get(g);
      if (list) list.push(r);
      else at.set(g, [r]);
    }
  }
  const out: Violation[] = [];
  for (const [g, list] of at) {
    if (list.length > rules.seats) {
      const r = list.at(-1)!;
      out.push({
        agent: r.agent,
        rule: 'seats',
        detail: `${list.length} agents at ${rules.seats} seats in interval ${g % perDay} of day ${Math.floor(g / perDay)}`,
        dayIndex: r.dayIndex,
      });
    }
  }
  return out;
}

function checkLocks(roster: readonly RosterEntry[], ctx: CheckContext): Violation[] {
  const out: Violation[] = [];
  for (const l of ctx.locks ?? []) {
    const d = ctx.dates?.indexOf(l.date) ?? -1;
    const hit = roster.find(
      (r) => r.agent === l.agent && r.dayIndex === d && r.variant.template === l.shift && r.skillGroup === l.skillGroup,
    );
    const startOk =
      hit &&
      (l.start === undefined ||
        Math.min(...hit.variant.segments.map((s) => s.start)) === Number(l.start.slice(0, 2)) * 60 + Number(l.start.slice(3, 5)));
    if (!startOk)
      out.push({
        agent: l.agent,
        rule: 'lock',
        detail: `locked ${l.shift}${l.start ? ` ${l.start}` : ''} on ${l.date} not kept`,
      });
  }
  return out;
}

/** A crew follows its rotation: one start in the cycle for all members; a member on leave does not work. */
function checkRotations(
  byAgent: Map<string, RosterEntry[]>,
  agents: readonly AgentInput[],
  rules: LabourRules,
  ctx: CheckContext,
): Violation[] {
  const out: Violation[] = [];
  const n = ctx.dates?.length ?? 0;
  for (const rot of rules.rotations ?? []) {
    for (const crew of rot.crews) {
      const members = agents.filter((a) => a.crew === crew);
      if (members.length === 0 || n === 0) continue;
      const len = rot.pattern.length;
      const follows = (k: number) =>
        members.every((a) => {
          const worked = new Map((byAgent.get(a.agent) ?? []).map((r) => [r.dayIndex, r.variant.template]));
          for (let d = 0; d < n; d++) {
            const want = rot.pattern[(d + k) % len]!;
            const off = a.unavailable?.includes(ctx.dates![d]!) ?? false;
            const expect = off || want === '休' ? undefined : want;
            if (worked.get(d) !== expect) return false;
          }
          return true;
        });
      if (!Array.from({ length: len }, (_, k) => k).some(follows))
        out.push({
          agent: members[0]!.agent,
          rule: 'rotation',
          detail: `crew ${crew} does not follow ${rot.name} (${rot.pattern.join('-')}) from any start`,
        });
    }
  }
  return out;
}

/**
 * Rotations whose own pattern breaks a labour rule, whatever the start: more nights in some `nightPeriodDays`
 * window of the repeated cycle than `maxNightShifts`, or a longer run of working days than `maxConsecutiveDays`.
 * A crew on such a rotation cannot both follow it and keep the rule, so its shifts are left open; this says why.
 * @example 夜-夜-休-休 with at most 3 nights in 7 days → nights 夜夜休休夜夜休 = 4 in 7.
 */
export function rotationConflicts(rules: LabourRules, templates: readonly ShiftTemplate[]): string[] {
  const out: string[] = [];
  const maxNights = rules.maxNightShifts ?? DEFAULT_OPTIONAL.maxNightShifts;
  const window = rules.nightPeriodDays ?? DEFAULT_OPTIONAL.nightPeriodDays;
  const tmpl = new Map(templates.map((t) => [t.name, t]));
  const isNight = (name: string) => {
    const t = tmpl.get(name);
    if (!t) return false;
    if (t.night !== undefined) return t.night;
    const start = Number(t.earliestStart.slice(0, 2)) * 60 + Number(t.earliestStart.slice(3, 5));
    const len = t.lengthMinutes ?? (t.segments ?? []).reduce((n, s) => n + s.lengthMinutes, 0);
    return start < 360 || start + len > 1440;
  };
  for (const rot of rules.rotations ?? []) {
    const p = rot.pattern;
    const len = p.length;
    if (len === 0) continue;
    let nights = 0;
    for (let k = 0; k < len; k++) {
      let n = 0;
      for (let d = 0; d < window; d++) if (isNight(p[(k + d) % len]!)) n++;
      nights = Math.max(nights, n);
    }
    if (nights > maxNights) out.push(`${rot.name}: ${nights} nights in ${window} days > maxNightShifts ${maxNights}`);
    if (p.every((x) => x !== '休')) out.push(`${rot.name}: no rest day in the cycle`);
    else {
      let run = 0;
      let longest = 0;
      for (let d = 0; d < 2 * len; d++) {
        run = p[d % len] === '休' ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
      if (longest > rules.maxConsecutiveDays)
        out.push(`${rot.name}: ${longest} working days in a row > maxConsecutiveDays ${rules.maxConsecutiveDays}`);
    }
  }
  return out;
}
