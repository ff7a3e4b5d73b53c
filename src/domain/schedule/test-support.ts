// Small fixtures for the scheduler's tests: exact shift types without breaks, dates, agents.
import { expect } from 'vitest';
import { buildSchedule } from './build-schedule.ts';
import type { RosterEntry } from './roster.ts';
import { shiftVariants } from './shift-variants.ts';
import { type AgentInput, DEFAULT_RULES, type Rules, type ShiftTemplate, type ShiftVariant } from './types.ts';

export const E: ShiftTemplate = {
  name: 'E',
  earliestStart: '08:00',
  latestStart: '08:00',
  startStepMinutes: 60,
  lengthMinutes: 480,
};
export const L: ShiftTemplate = {
  name: 'L',
  earliestStart: '15:00',
  latestStart: '15:00',
  startStepMinutes: 60,
  lengthMinutes: 480,
};
export const N: ShiftTemplate = {
  name: 'N',
  earliestStart: '23:00',
  latestStart: '23:00',
  startStepMinutes: 60,
  lengthMinutes: 480,
};

export const testRules = (over: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, shiftTemplates: [E, L, N], ...over });

/** n consecutive dates from a Monday with no holiday (2026-11-02). */
export const days = (n: number, from = '2026-11-02'): string[] =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

export const variant = (t: ShiftTemplate, date: string): ShiftVariant => shiftVariants(t, date, 30)[0]!;

export const agent = (name: string, over: Partial<AgentInput> = {}): AgentInput => ({
  agent: name,
  team: 't',
  skills: ['p'],
  contractHoursPerWeek: 40,
  ...over,
});

/** Demand of one shift of template t for group p on each listed day. */
export const want = (dates: string[], t: ShiftTemplate, dayIndexes: number[], count = 1, skillGroup = 'p') =>
  dayIndexes.map((d) => ({ skillGroup, dayIndex: d, variant: variant(t, dates[d]!), count }));

/**
 * buildSchedule over `dates` for the agents (a, b and c) with the test rules, `perInterval` agents required in each
 * half hour [from, to) of every day, after the previous schedule's shifts; checked to break no rule and to keep
 * the design's bound below the cost.
 */
export async function buildAfter(
  dates: string[],
  previous: RosterEntry[],
  from: number,
  to: number,
  perInterval = 1,
  agents = [agent('a'), agent('b'), agent('c')],
) {
  const required = { p: dates.map(() => Array.from({ length: 48 }, (_, i) => (i >= from && i < to ? perInterval : 0))) };
  const out = await buildSchedule({
    dates,
    timeZone: 'Asia/Shanghai',
    required,
    agents,
    rules: testRules(),
    timeLimitSeconds: 10,
    previous,
  });
  expect(out.violations).toEqual([]);
  expect(out.lowerBound).toBeLessThanOrEqual(out.cost + 1e-6);
  return out;
}
