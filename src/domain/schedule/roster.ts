import { dateAt, weekStart } from './calendar-week.ts';
import type { AgentInput, Rules, ShiftVariant } from './types.ts';

export interface RosterEntry {
  agent: string;
  skillGroup: string;
  dayIndex: number;
  variant: ShiftVariant;
}

const endOf = (v: ShiftVariant) => Math.max(...v.segments.map((s) => s.end));
const startOf = (v: ShiftVariant) => Math.min(...v.segments.map((s) => s.start));
/** Absolute minutes from the schedule's first midnight (days are 1440 minutes in the zones we schedule). */
const abs = (day: number, m: number) => day * 1440 + m;

/**
 * Stage 2, rostering: gives the designed shifts to named agents, day by day, never breaking a hard rule —
 * skill, one shift a day, minimum rest between shifts, most consecutive working days, most hours and least
 * rest days per calendar week (Monday–Sunday). Among eligible agents the one with the
 * fewest hours so far takes the shift (fair shares); a shift nobody may take is left open and reported.
 */
export function assignShifts(
  demand: readonly { skillGroup: string; dayIndex: number; variant: ShiftVariant; count: number }[],
  agents: readonly AgentInput[],
  rules: Pick<Rules, 'minRestHours' | 'maxConsecutiveDays' | 'maxHoursPerWeek' | 'minRestDaysPerWeek'>,
): { roster: RosterEntry[]; unfilled: { skillGroup: string; dayIndex: number; variant: ShiftVariant }[] } {
  const state = new Map(
    agents.map((a) => [
      a.agent,
      { lastEnd: Number.NEGATIVE_INFINITY, days: new Set<number>(), weekMinutes: new Map<number, number>(), total: 0 },
    ]),
  );
  const roster: RosterEntry[] = [];
  const unfilled: { skillGroup: string; dayIndex: number; variant: ShiftVariant }[] = [];
  const items = demand
    .flatMap((d) => Array.from({ length: d.count }, () => d))
    .sort((a, b) => a.dayIndex - b.dayIndex || startOf(a.variant) - startOf(b.variant));
  for (const it of items) {
    // Calendar weeks: the period's first date from this shift's own (7-day blocks from day 0 without a date).
    const first = /^\d{4}-\d{2}-\d{2}$/.test(it.variant.date) ? dateAt(it.variant.date, -it.dayIndex) : undefined;
    const week = weekStart(first, it.dayIndex);
    const start = abs(it.dayIndex, startOf(it.variant));
    const minutes = it.variant.paidMinutes;
    let best: string | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const a of agents) {
      if (!a.skills.includes(it.skillGroup)) continue;
      const s = state.get(a.agent)!;
      if (s.days.has(it.dayIndex)) continue;
      if (start - s.lastEnd < rules.minRestHours * 60) continue;
      let run = 1;
      for (let d = it.dayIndex - 1; s.days.has(d); d--) run++;
      for (let d = it.dayIndex + 1; s.days.has(d); d++) run++;
      if (run > rules.maxConsecutiveDays) continue;
      const limit = Math.min(rules.maxHoursPerWeek, a.contractHoursPerWeek || rules.maxHoursPerWeek) * 60;
      if ((s.weekMinutes.get(week) ?? 0) + minutes > limit) continue;
      const workedThisWeek = [...s.days].filter((d) => weekStart(first, d) === week).length;
      if (workedThisWeek + 1 > 7 - rules.minRestDaysPerWeek) continue;
      if (s.total < bestScore) {
        bestScore = s.total;
        best = a.agent;
      }
    }
    if (!best) {
      unfilled.push(it);
      continue;
    }
    const s = state.get(best)!;
    s.days.add(it.dayIndex);
    s.lastEnd = Math.max(s.lastEnd, abs(it.dayIndex, endOf(it.variant)));
    s.weekMinutes.set(week, (s.weekMinutes.get(week) ?? 0) + minutes);
    s.total += minutes;
    roster.push({ agent: best, skillGroup: it.skillGroup, dayIndex: it.dayIndex, variant: it.variant });
  }
  return { roster, unfilled };
}
