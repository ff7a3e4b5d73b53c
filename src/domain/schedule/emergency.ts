import { scheduledCounts } from './build-schedule.ts';
import type { RosterEntry } from './roster.ts';
import { type CheckContext, checkRoster } from './rules-check.ts';
import { coveredIntervals } from './shift-variants.ts';
import type { AgentInput, LabourRules, ShiftVariant } from './types.ts';

export interface EmergencyInput {
  roster: readonly RosterEntry[];
  agents: readonly AgentInput[];
  rules: LabourRules & { intervalMinutes: number };
  ctx: CheckContext & { dates: readonly string[] };
  dayIndex: number;
  skillGroup: string;
  /** Minutes from the day's midnight now: only later intervals are planned. */
  nowMinute: number;
  /** Revised requirement for every interval of the day (agents), e.g. from the intraday reforecast. */
  required: readonly number[];
  /** Overtime block lengths to offer, minutes (default 2, 3 and 4 hours). */
  lengths?: readonly number[];
}

export interface EmergencyPlan {
  /** Shortfall per interval of the rest of the day before and after the proposals. */
  shortfallBefore: number[];
  shortfallAfter: number[];
  proposals: { agent: string; variant: ShiftVariant }[];
}

/**
 * Emergency re-planning (应急排班): when calls run above forecast, the shortfall for the rest of the day
 * (required − scheduled, from the next interval on) and overtime blocks for agents off duty that day, picked
 * greedily by the shortfall each block covers, each accepted only if the independent checker finds no new
 * violation for that agent (rest, weekly hours, monthly overtime, consecutive days, rest days, nights, leave).
 */
export function emergencyPlan(input: EmergencyInput): EmergencyPlan {
  const step = input.rules.intervalMinutes;
  const perDay = 1440 / step;
  const first = Math.ceil(input.nowMinute / step);
  const counts = scheduledCounts(input.roster, [input.skillGroup], input.ctx.dates.length, step).get(input.skillGroup)!;
  const shortfall = Array.from({ length: perDay }, (_, i) =>
    i < first ? 0 : Math.max(0, (input.required[i] ?? 0) - counts[input.dayIndex * perDay + i]!),
  );
  const before = shortfall.slice(first);
  const date = input.ctx.dates[input.dayIndex]!;
  let roster = [...input.roster];
  const proposals: EmergencyPlan['proposals'] = [];
  const baseline = new Set(
    checkRoster(roster, input.agents, input.rules, input.ctx).map((v) => `${v.agent}|${v.rule}|${v.detail}`),
  );
  for (;;) {
    let best: { agent: string; variant: ShiftVariant; gain: number } | null = null;
    const off = input.agents.filter(
      (a) => a.skills.includes(input.skillGroup) && !roster.some((r) => r.agent === a.agent && r.dayIndex === input.dayIndex),
    );
    for (let s = first; s < perDay; s++) {
      if (shortfall[s]! <= 0) continue;
      for (const len of input.lengths ?? [120, 180, 240]) {
        const start = s * step;
        if (start + len > 1440) continue;
        const variant: ShiftVariant = {
          id: `加班@${date}@${start}-${start + len}`,
          template: '加班',
          date,
          segments: [{ start, end: start + len }],
          breaks: [],
          paidMinutes: len,
        };
        const gain = coveredIntervals(variant, step).filter((i) => shortfall[i]! > 0).length;
        if (!best || gain > best.gain || (gain === best.gain && len < best.variant.paidMinutes)) {
          for (const a of off) {
            const trial = [...roster, { agent: a.agent, skillGroup: input.skillGroup, dayIndex: input.dayIndex, variant }];
            const added = checkRoster(trial, input.agents, input.rules, input.ctx).filter(
              (v) => v.agent === a.agent && !baseline.has(`${v.agent}|${v.rule}|${v.detail}`),
            );
            if (added.length === 0) {
              best = { agent: a.agent, variant, gain };
              break;
            }
          }
        }
      }
    }
    if (!best || best.gain === 0) break;
    roster = [...roster, { agent: best.agent, skillGroup: input.skillGroup, dayIndex: input.dayIndex, variant: best.variant }];
    for (const i of coveredIntervals(best.variant, step)) if (shortfall[i]! > 0) shortfall[i]!--;
    proposals.push({ agent: best.agent, variant: best.variant });
  }
  return { shortfallBefore: before, shortfallAfter: shortfall.slice(first), proposals };
}
