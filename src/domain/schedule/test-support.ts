// Small fixtures for the scheduler's tests: exact shift types without breaks, dates, agents.
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
