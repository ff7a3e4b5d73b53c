import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fillOpenShifts, rosterShifts } from './roster-optimal.ts';
import { checkRoster } from './rules-check.ts';
import { agent, days, E, L, N, testRules, want } from './test-support.ts';
import type { AgentInput, Lock, Rules } from './types.ts';

const limits = { timeLimit: 5 };

/** Rosters the demand and returns it with the checker's verdict (which must be empty). */
async function roster(dates: string[], demand: ReturnType<typeof want>, agents: AgentInput[], rules: Rules, locks: Lock[] = []) {
  const r = await rosterShifts({ dates, demand, agents, rules, locks }, limits);
  const violations = checkRoster(r.roster, agents, rules, { dates, templates: rules.shiftTemplates, locks });
  const worked = (a: string) =>
    r.roster
      .filter((e) => e.agent === a)
      .map((e) => e.dayIndex)
      .sort((x, y) => x - y);
  return { ...r, violations, worked };
}

// Each test offers more work than the rule allows: the roster takes what it may and leaves the rest unfilled.
describe('rostering (HiGHS) never breaks a hard rule, however the demand tempts it', () => {
  test('rest: a late shift then an early one (9 h) goes to two agents, never to one', async () => {
    const dates = days(2);
    const demand = [...want(dates, L, [0]), ...want(dates, E, [1])];
    const one = await roster(dates, demand, [agent('a')], testRules());
    expect(one.violations).toEqual([]);
    expect(one.roster).toHaveLength(1);
    expect(one.unfilled).toHaveLength(1);
    const two = await roster(dates, demand, [agent('a'), agent('b')], testRules());
    expect(two.roster).toHaveLength(2);
    expect(two.method).toBe('mip');
  });
  test('consecutive days and rest days per week: 14 days of demand for one agent', async () => {
    const dates = days(14);
    const demand = want(dates, E, [...Array(14).keys()]);
    const r = await roster(dates, demand, [agent('a')], testRules({ maxHoursPerWeek: 60, maxConsecutiveDays: 4 }));
    expect(r.violations).toEqual([]);
    // 4 on, 1 off at best within 1 rest day a week: 12 of 14 days (e.g. 0–3, 5–8, 10–13).
    expect(r.worked('a')).toHaveLength(12);
  });
  test('hours per week: 44 h of 8-hour shifts is 5 shifts', async () => {
    const dates = days(7);
    const r = await roster(
      dates,
      want(dates, E, [...Array(7).keys()]),
      [agent('a')],
      testRules({ maxConsecutiveDays: 7, minRestDaysPerWeek: 0 }),
    );
    expect(r.violations).toEqual([]);
    expect(r.worked('a')).toHaveLength(5);
  });
  test('overtime per month: contract 30 h, 40 h weeks allowed, 36 h overtime in November → 36/8 → 4 extra shifts', async () => {
    const dates = days(28);
    const r = await roster(
      dates,
      want(dates, E, [...Array(28).keys()]),
      [agent('a', { contractHoursPerWeek: 30 })],
      testRules({ maxHoursPerWeek: 40 }),
    );
    expect(r.violations).toEqual([]);
    const hours = [0, 1, 2, 3].map((w) => r.worked('a').filter((d) => Math.floor(d / 7) === w).length * 8);
    expect(hours.reduce((s, h) => s + Math.max(0, h - 30), 0)).toBeLessThanOrEqual(36);
    // The most work the rule allows: weeks of 5, 5, 4, 4 shifts → overtime 10 + 10 + 2 + 2 = 24; 5, 5, 5, 4 → 32; 5 × 4 → 40 > 36.
    expect(r.worked('a')).toHaveLength(19);
  });
  test('nights: at most 3 in 7 days', async () => {
    const dates = days(7);
    const r = await roster(dates, want(dates, N, [...Array(7).keys()]), [agent('a')], testRules());
    expect(r.violations).toEqual([]);
    expect(r.worked('a')).toHaveLength(3);
  });
  test('leave: an agent on leave is not rostered that day; the other agent takes it', async () => {
    const dates = days(3);
    const r = await roster(
      dates,
      want(dates, E, [0, 1, 2]),
      [agent('a', { unavailable: [dates[1]!] }), agent('b', { skills: ['p'], unavailable: [dates[0]!, dates[2]!] })],
      testRules(),
    );
    expect(r.violations).toEqual([]);
    expect(r.worked('a')).toEqual([0, 2]);
    expect(r.worked('b')).toEqual([1]);
  });
  test('skills: an agent without the group is never given it', async () => {
    const dates = days(2);
    const r = await roster(
      dates,
      want(dates, E, [0, 1], 2, 'q'),
      [agent('a', { skills: ['p'] }), agent('b', { skills: ['q'] })],
      testRules(),
    );
    expect(r.violations).toEqual([]);
    expect(r.worked('a')).toEqual([]);
    expect(r.unfilled).toHaveLength(2);
  });
  test('team rule: members work only the shift type their leader works that day', async () => {
    const dates = days(1);
    const team = [agent('lead', { role: 'leader' }), agent('m1'), agent('m2'), agent('x', { team: 'u', role: 'senior' })];
    const demand = [...want(dates, E, [0], 2), ...want(dates, L, [0], 2)];
    const r = await roster(dates, demand, team, testRules({ teamRule: 'leaderOnDuty' }));
    expect(r.violations).toEqual([]);
    // The leader takes one type and one member joins (2 of it); the other type has no lead of team t, so only x
    // (a senior of team u) works it: 3 shifts, the fourth open.
    expect(r.roster).toHaveLength(3);
  });
  test('rotation: the crew starts where the demand is (E E L L 休 休, demand E on days 2–3, L on 4–5)', async () => {
    const dates = days(6);
    const crew = [agent('a', { crew: 'A' }), agent('b', { crew: 'A' })];
    const rules = testRules({ rotations: [{ name: '早早中中休休', pattern: ['E', 'E', 'L', 'L', '休', '休'], crews: ['A'] }] });
    const r = await roster(dates, [...want(dates, E, [2, 3], 2), ...want(dates, L, [4, 5], 2)], crew, rules);
    expect(r.violations).toEqual([]);
    expect(r.worked('a')).toEqual([2, 3, 4, 5]);
    expect(r.unfilled).toEqual([]);
  });
  test('locks are kept, and the rest is re-optimised around them', async () => {
    const dates = days(2);
    const locks: Lock[] = [{ agent: 'a', date: dates[0]!, shift: 'L', skillGroup: 'p', start: '15:00' }];
    const r = await roster(dates, [...want(dates, E, [0]), ...want(dates, E, [1])], [agent('a'), agent('b')], testRules(), locks);
    expect(r.violations).toEqual([]);
    expect(r.roster.find((e) => e.agent === 'a' && e.dayIndex === 0)?.variant.template).toBe('L');
    // a cannot take E on day 1 (9 h rest after L): b covers both E shifts.
    expect(r.worked('b')).toEqual([0, 1]);
  });
  test('property: random demand over a week for 3 agents never yields a violation', async () => {
    const dates = days(7);
    const rules = testRules({ maxNightShifts: 2, maxConsecutiveDays: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(E, L, N), fc.integer({ min: 1, max: 2 })), {
          minLength: 1,
          maxLength: 12,
        }),
        async (items) => {
          const demand = items.flatMap(([d, t, n]) => want(dates, t, [d], n));
          const agents = [agent('a'), agent('b', { contractHoursPerWeek: 24 }), agent('c', { unavailable: [dates[3]!] })];
          const r = await roster(dates, demand, agents, rules);
          expect(r.violations).toEqual([]);
        },
      ),
      { numRuns: 6 },
    );
  });
});

describe('the greedy fill after a failed or time-limited window', () => {
  test('gives open shifts only where the checker allows, fewest hours first', () => {
    const dates = days(7);
    const rules = testRules();
    const agents = [agent('a'), agent('b'), agent('c', { skills: ['q'] })];
    // a already works L on day 0; b works E on days 0–4 (40 h).
    const roster = [
      { agent: 'a', skillGroup: 'p', dayIndex: 0, variant: want(dates, L, [0])[0]!.variant },
      ...want(dates, E, [0, 1, 2, 3, 4]).map((w) => ({ agent: 'b', skillGroup: 'p', dayIndex: w.dayIndex, variant: w.variant })),
    ];
    const open = [...want(dates, E, [1]), ...want(dates, E, [5]), ...want(dates, E, [6])].map(({ count: _, ...u }) => u);
    const r = fillOpenShifts(roster, open, agents, rules, { dates, templates: rules.shiftTemplates });
    expect(checkRoster(r.roster, agents, rules, { dates, templates: rules.shiftTemplates })).toEqual([]);
    // Day 1 E: a rested only 9 h after L, b already works day 1 → open. Days 5 and 6: a has fewer hours than b.
    expect(r.unfilled.map((u) => u.dayIndex)).toEqual([1]);
    expect(r.roster.slice(roster.length).map((e) => `${e.agent}${e.dayIndex}`)).toEqual(['a5', 'a6']);
  });
});
