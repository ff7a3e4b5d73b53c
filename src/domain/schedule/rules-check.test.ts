import { describe, expect, test } from 'vitest';
import type { RosterEntry } from './roster.ts';
import { checkRoster, rotationConflicts } from './rules-check.ts';
import { agent, days, E, L, N, testRules, variant } from './test-support.ts';
import { DEFAULT_RULES, type ShiftTemplate } from './types.ts';

const dates = days(28);
const entry = (a: string, d: number, t: ShiftTemplate = E, skillGroup = 'p'): RosterEntry => ({
  agent: a,
  skillGroup,
  dayIndex: d,
  variant: variant(t, dates[d]!),
});
const rulesOf = (roster: RosterEntry[], over = {}, agents = [agent('a')], ctx = {}) =>
  checkRoster(roster, agents, testRules(over), { dates, templates: [E, L, N], ...ctx }).map((v) => v.rule);

// Each hard rule: a roster that just keeps it passes, one step over is caught.
describe('the independent rule checker', () => {
  test('skill and one shift a day', () => {
    expect(rulesOf([entry('a', 0, E, 'x')])).toEqual(['skill']);
    expect(rulesOf([entry('a', 0, E), entry('a', 0, L)])).toContain('one_shift_a_day');
  });
  test('rest between shifts: 15:00–23:00 then 08:00 is 9 h < 11 h; then 10:00 would be 11 h', () => {
    expect(rulesOf([entry('a', 0, L), entry('a', 1, E)])).toEqual(['min_rest']);
    expect(rulesOf([entry('a', 0, L), entry('a', 1, E)], { minRestHours: 9 })).toEqual([]);
  });
  test('working days in a row: 6 pass, 7 are caught', () => {
    const run = (n: number) => Array.from({ length: n }, (_, d) => entry('a', d + 3));
    expect(rulesOf(run(6), { minRestDaysPerWeek: 0, maxHoursPerWeek: 60 })).toEqual([]);
    expect(rulesOf(run(7), { minRestDaysPerWeek: 0, maxHoursPerWeek: 60 })).toEqual(['max_consecutive_days']);
  });
  test('rest days and hours per week (7-day blocks from the start)', () => {
    const six = Array.from({ length: 6 }, (_, d) => entry('a', d));
    expect(rulesOf(six, { maxHoursPerWeek: 48 })).toEqual([]);
    expect(rulesOf(six, { maxHoursPerWeek: 44 })).toEqual(['max_hours_per_week']);
    expect(rulesOf(six, { maxHoursPerWeek: 48, minRestDaysPerWeek: 2 })).toEqual(['min_rest_days_per_week']);
  });
  test('overtime per month: contract 30 h, 40 h in each of 4 November weeks = 40 h overtime > 36', () => {
    const month = [0, 1, 2, 3].flatMap((w) => [0, 1, 2, 3, 4].map((d) => entry('a', w * 7 + d)));
    expect(rulesOf(month, {}, [agent('a', { contractHoursPerWeek: 30 })])).toEqual(['max_overtime_per_month']);
    expect(rulesOf(month, {}, [agent('a', { contractHoursPerWeek: 31 })])).toEqual([]); // 4 × 9 = 36
  });
  test('night shifts: at most 3 in any 7 days', () => {
    expect(rulesOf([0, 2, 4].map((d) => entry('a', d, N)))).toEqual([]);
    expect(rulesOf([0, 2, 4, 6].map((d) => entry('a', d, N)))).toEqual(['max_night_shifts']);
    expect(rulesOf([0, 2, 4, 7].map((d) => entry('a', d, N)))).toEqual([]);
  });
  test('leave, locks, seats', () => {
    expect(rulesOf([entry('a', 1)], {}, [agent('a', { unavailable: [dates[1]!] })])).toEqual(['unavailable']);
    expect(
      rulesOf([entry('a', 1)], {}, [agent('a')], { locks: [{ agent: 'a', date: dates[1]!, shift: 'L', skillGroup: 'p' }] }),
    ).toEqual(['lock']);
    expect(
      rulesOf([entry('a', 1, L)], {}, [agent('a')], {
        locks: [{ agent: 'a', date: dates[1]!, shift: 'L', skillGroup: 'p', start: '15:00' }],
      }),
    ).toEqual([]);
    const two = [agent('a'), agent('b')];
    expect(rulesOf([entry('a', 0), entry('b', 0)], { seats: 2 }, two)).toEqual([]);
    expect(rulesOf([entry('a', 0), entry('b', 0)], { seats: 1 }, two).every((r) => r === 'seats')).toBe(true);
  });
  test('team rule: a member on a shift type with no leader or senior of the team on it', () => {
    const team = [agent('lead', { role: 'leader' }), agent('m')];
    expect(rulesOf([entry('lead', 0, E), entry('m', 0, E)], { teamRule: 'leaderOnDuty' }, team)).toEqual([]);
    expect(rulesOf([entry('lead', 0, E), entry('m', 0, L)], { teamRule: 'leaderOnDuty' }, team)).toEqual(['team']);
    expect(rulesOf([entry('m', 0, L)], { teamRule: 'none' }, team)).toEqual([]);
  });
  test('rotation: a crew follows E-L-休 from one start', () => {
    const crew = [agent('a', { crew: 'A' }), agent('b', { crew: 'A' })];
    const rot = { rotations: [{ name: 'r', pattern: ['E', 'L', '休'], crews: ['A'] }] };
    const follow = (who: string, k: number) =>
      [0, 1, 2, 3, 4, 5].flatMap((d) =>
        ['E', 'L', '休'][(d + k) % 3] === '休' ? [] : [entry(who, d, ['E', 'L', '休'][(d + k) % 3] === 'E' ? E : L)],
      );
    const ctx = { dates: dates.slice(0, 6) };
    expect(rulesOf([...follow('a', 1), ...follow('b', 1)], rot, crew, ctx)).toEqual([]);
    expect(rulesOf([...follow('a', 1), ...follow('b', 2)], rot, crew, ctx)).toEqual(['rotation']);
  });
});

describe('rotations that contradict the labour rules', () => {
  const night = { name: '夜', earliestStart: '22:00', latestStart: '22:00', startStepMinutes: 60, lengthMinutes: 600 };
  const rot = (pattern: string[]) => [{ name: 'r', pattern, crews: ['A'] }];
  test('夜-夜-休-休 has 4 nights in some 7 days: broken with at most 3, kept with 4', () => {
    expect(
      rotationConflicts({ ...DEFAULT_RULES, rotations: rot(['夜', '夜', '休', '休']), maxNightShifts: 3, nightPeriodDays: 7 }, [
        night,
      ]),
    ).toEqual(['r: 4 nights in 7 days > maxNightShifts 3']);
    expect(
      rotationConflicts({ ...DEFAULT_RULES, rotations: rot(['夜', '夜', '休', '休']), maxNightShifts: 4, nightPeriodDays: 7 }, [
        night,
      ]),
    ).toEqual([]);
  });
  test('a cycle of 7 working days and 1 rest day runs 7 days in a row (max 6)', () => {
    const early = { name: '早', earliestStart: '08:00', latestStart: '08:00', startStepMinutes: 60, lengthMinutes: 480 };
    expect(rotationConflicts({ ...DEFAULT_RULES, rotations: rot([...Array(7).fill('早'), '休']) }, [early])).toEqual([
      'r: 7 working days in a row > maxConsecutiveDays 6',
    ]);
  });
});
