import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RosterEntry } from './roster.ts';
import { rosterShifts } from './roster-optimal.ts';
import { checkRoster } from './rules-check.ts';
import { agent, buildAfter, days, E, L, N, testRules, variant, want } from './test-support.ts';
import type { AgentInput, Rules, ShiftTemplate } from './types.ts';

// The previous schedule's last days are dayIndex −1, −2, … of this one; the next schedule's first is dates.length.
const before = days(7, '2026-10-26'); // Mon 10-26 … Sun 11-01: dayIndex −7 … −1 of a period from Mon 11-02
const earlier = (a: string, d: number, t: ShiftTemplate = E): RosterEntry => ({
  agent: a,
  skillGroup: 'p',
  dayIndex: d,
  variant: variant(t, before[7 + d]!),
});

describe('the checker across the boundary of two schedules', () => {
  const dates = days(7);
  const at = (a: string, d: number, t: ShiftTemplate = E): RosterEntry => ({
    agent: a,
    skillGroup: 'p',
    dayIndex: d,
    variant: variant(t, days(8)[d]!),
  });
  const rulesOf = (roster: RosterEntry[], neighbours: RosterEntry[], over: Partial<Rules> = {}) =>
    checkRoster(roster, [agent('a')], testRules(over), { dates, templates: [E, L, N], neighbours });

  test('rest: a late shift on the last day before (to 23:00) then 08:00 on the first day is 9 h', () => {
    const v = rulesOf([at('a', 0)], [earlier('a', -1, L)]);
    expect(v.map((x) => [x.rule, x.dayIndex])).toEqual([['min_rest', 0]]);
    expect(v[0]!.detail).toMatch(/the schedule before/);
    expect(rulesOf([at('a', 0, L)], [earlier('a', -1, L)])).toEqual([]);
  });
  test('rest: a late shift on the last day, then the next schedule starts 08:00', () => {
    const v = rulesOf([at('a', 6, L)], [at('a', 7)]);
    expect(v.map((x) => [x.rule, x.dayIndex])).toEqual([['min_rest', 6]]);
    expect(v[0]!.detail).toMatch(/the schedule after/);
  });
  test('working days in a row: 4 before and 3 now make 7 > 6; a run wholly before is not this schedule’s', () => {
    const four = [-4, -3, -2, -1].map((d) => earlier('a', d));
    const v = rulesOf(
      [0, 1, 2].map((d) => at('a', d)),
      four,
      { maxHoursPerWeek: 60 },
    );
    expect(v.map((x) => [x.rule, x.dayIndex])).toEqual([['max_consecutive_days', 2]]);
    expect(
      rulesOf(
        [0, 1].map((d) => at('a', d)),
        four,
      ),
    ).toEqual([]);
    const seven = [-7, -6, -5, -4, -3, -2, -1].map((d) => earlier('a', d));
    expect(rulesOf([at('a', 1)], seven)).toEqual([]);
  });
  test('nights: 2 before and 2 now within 7 days are 4 > 3', () => {
    const v = rulesOf([at('a', 0, N), at('a', 2, N)], [earlier('a', -4, N), earlier('a', -2, N)]);
    expect(v.map((x) => [x.rule, x.dayIndex])).toEqual([['max_night_shifts', 2]]);
    expect(rulesOf([at('a', 3, N)], [earlier('a', -4, N), earlier('a', -2, N)])).toEqual([]);
  });
});

// Each test tempts the rostering with work the previous schedule forbids: it is left open, never given.
describe('rostering keeps the rules across the boundary with the previous schedule', () => {
  const roster = async (
    dates: string[],
    demand: ReturnType<typeof want>,
    agents: AgentInput[],
    rules: Rules,
    previous: RosterEntry[],
  ) => {
    const r = await rosterShifts({ dates, demand, agents, rules, previous }, { timeLimit: 5 });
    const violations = checkRoster(r.roster, agents, rules, { dates, templates: rules.shiftTemplates, neighbours: previous });
    return { ...r, violations, worked: (a: string) => r.roster.filter((e) => e.agent === a).map((e) => e.dayIndex) };
  };
  test('rest: after a late shift the evening before, the early shift goes to the other agent', async () => {
    const dates = days(1);
    const r = await roster(dates, want(dates, E, [0]), [agent('a'), agent('b')], testRules(), [earlier('a', -1, L)]);
    expect(r.violations).toEqual([]);
    expect(r.worked('b')).toEqual([0]);
    const alone = await roster(dates, want(dates, E, [0]), [agent('a')], testRules(), [earlier('a', -1, L)]);
    expect(alone.roster).toEqual([]);
  });
  test('working days in a row: six days to the end of the previous schedule leave the first day free', async () => {
    const dates = days(3);
    const six = [-6, -5, -4, -3, -2, -1].map((d) => earlier('a', d));
    const r = await roster(dates, want(dates, E, [0, 1, 2]), [agent('a')], testRules(), six);
    expect(r.violations).toEqual([]);
    expect(r.worked('a')).toEqual([1, 2]);
  });
  test('nights: three in the last days before leave room for none until the window passes', async () => {
    const dates = days(7);
    const three = [-3, -2, -1].map((d) => earlier('a', d, N));
    const r = await roster(dates, want(dates, N, [0, 1, 2, 3, 4, 5, 6]), [agent('a')], testRules(), three);
    expect(r.violations).toEqual([]);
    // Nights −3, −2, −1: the next may be on day 4 (−3 + 7); then 3 in days 4–6.
    expect(r.worked('a')).toEqual([4, 5, 6]);
  });
  test('property: whatever the previous days and the demand, no violation across the boundary', async () => {
    const dates = days(5);
    const rules = testRules({ maxConsecutiveDays: 4, maxNightShifts: 2 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: -5, max: -1 }), fc.constantFrom(E, L, N)), {
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(E, L, N)), { minLength: 1, maxLength: 8 }),
        async (prev, items) => {
          const seen = new Set<string>();
          const previous = prev
            .filter(([a, d]) => !seen.has(`${a}${d}`) && seen.add(`${a}${d}`))
            .map(([a, d, t]) => earlier(a, d, t));
          const demand = items.flatMap(([d, t]) => want(dates, t, [d]));
          const r = await roster(dates, demand, [agent('a'), agent('b')], rules, previous);
          expect(r.violations).toEqual([]);
        },
      ),
      { numRuns: 6 },
    );
  });
});

test('buildSchedule reads the previous schedule: no violation across the boundary, the bound still below the cost', async () => {
  const dates = days(2);
  // a worked late the evening before (rest to 10:00); b six days to the end (day 0 must be rest).
  const previous = [earlier('a', -1, L), ...[-6, -5, -4, -3, -2, -1].map((d) => earlier('b', d))];
  const out = await buildAfter(dates, previous, 16, 46);
  const first = out.assignments.filter((x) => x.date === dates[0]);
  expect(first.some((x) => x.agent === 'b')).toBe(false);
  expect(first.some((x) => x.agent === 'a' && x.shift === 'E')).toBe(false);
}, 30_000);
