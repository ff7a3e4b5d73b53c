import { predictedSl, recountCoverage } from '../schedule/build-schedule.ts';
import type { RosterEntry } from '../schedule/roster.ts';
import { checkRoster, type Violation } from '../schedule/rules-check.ts';
import { isoAt } from '../schedule/stored-roster.ts';
import { type AgentInput, DEFAULT_OPTIONAL, type Rules } from '../schedule/types.ts';
import type { DemoRequirement } from './demo-requirement.ts';

export interface DemoScheduleResultInput extends DemoRequirement {
  roster: readonly RosterEntry[];
  dates: readonly string[];
  timeZone: string;
  agents: readonly AgentInput[];
  rules: Rules;
}

type Coverage = Parameters<typeof recountCoverage>[0][number];

/** What the schedule builder stores with a schedule (schedule.result_json of POST /api/v1/schedules). */
export interface DemoScheduleResult {
  fit: number | null;
  underHours: number;
  overHours: number;
  paidHours: number;
  /** No solver ran: there is no bound, and so no gap to it. */
  lowerBound: null;
  gap: null;
  unfilledShifts: number;
  violations: Violation[];
  coverage: Coverage[];
  understaffed: (Pick<Coverage, 'intervalStart' | 'skillGroup' | 'required' | 'scheduled'> & {
    predictedServiceLevel: number | null;
  })[];
  warnings: string[];
  crewStarts: Record<string, number>;
}

/**
 * The figures a built schedule is stored with, for a roster made without the builder (demo-schedule.ts), by the
 * product's own functions: coverage and fit recounted from the roster as the schedule page recounts them
 * (recountCoverage: agents working the whole interval, not on a break), the understaffed intervals with the
 * Erlang C service level the scheduled agents would give at the offered traffic (as the builder predicts it,
 * threshold `slSeconds`), paid hours, and the labour-rule check (checkRoster). The builder's HiGHS bound and the
 * gap to it are null: no solver ran; no shift was left open.
 */
export function demoScheduleResult(input: DemoScheduleResultInput): DemoScheduleResult {
  const { dates, rules } = input;
  const step = rules.intervalMinutes;
  const slSeconds = rules.slSeconds ?? DEFAULT_OPTIONAL.slSeconds;
  // Each interval's start once for all groups (a time-zone conversion is the slow part here).
  const starts = dates.map((date) => Array.from({ length: 1440 / step }, (_, i) => isoAt(date, i * step, input.timeZone)));
  // Intervals in the builder's order (group, day, interval); `traffic` at the same place.
  const cells = Object.entries(input.required).flatMap(([skillGroup, days]) =>
    dates.flatMap((_, d) =>
      (days[d] ?? []).map((required, i) => ({
        c: { intervalStart: starts[d]![i]!, skillGroup, required, scheduled: 0 },
        t: input.traffic[skillGroup]?.[d]?.[i],
      })),
    ),
  );
  const { coverage, fit, underHours, overHours } = recountCoverage(
    cells.map((x) => x.c),
    input.roster,
    dates,
    step,
  );
  const understaffed = coverage.flatMap((c, k) => {
    if (c.scheduled >= c.required) return [];
    const t = cells[k]?.t;
    return [{ ...c, predictedServiceLevel: predictedSl(t, c.scheduled, step, slSeconds) }];
  });
  return {
    fit,
    underHours,
    overHours,
    paidHours: input.roster.reduce((n, e) => n + e.variant.paidMinutes / 60, 0),
    lowerBound: null,
    gap: null,
    unfilledShifts: 0,
    violations: checkRoster(input.roster, input.agents, rules, { dates, templates: rules.shiftTemplates }),
    coverage,
    understaffed,
    warnings: [],
    crewStarts: {},
  };
}
