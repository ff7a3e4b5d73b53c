import { describe, expect, test } from 'vitest';
import { emergencyPlan } from './emergency.ts';
import type { RosterEntry } from './roster.ts';
import { swapCheck } from './swap.ts';
import { agent, days, E, L, testRules, variant } from './test-support.ts';

const dates = days(7);
const ctx = { dates, templates: [E, L] };
const at = (a: string, d: number, t = E): RosterEntry => ({
  agent: a,
  skillGroup: 'p',
  dayIndex: d,
  variant: variant(t, dates[d]!),
});

describe('swap eligibility (换班)', () => {
  test('a two-way swap on the same day is eligible; giving a late shift to someone on an early one next day is not', () => {
    const roster = [at('a', 0, L), at('b', 0, E), at('a', 1, L)];
    const agents = [agent('a'), agent('b')];
    expect(
      swapCheck(roster, agents, testRules(), { from: { agent: 'a', dayIndex: 0 }, to: { agent: 'b', dayIndex: 0 } }, ctx)
        .eligible,
    ).toBe(true);
    // b would then work L on day 0 (to 23:00) and E on day 1 (08:00): 9 h rest.
    const r = swapCheck(
      [at('a', 0, L), at('b', 1, E)],
      agents,
      testRules(),
      { from: { agent: 'a', dayIndex: 0 }, to: { agent: 'b' } },
      ctx,
    );
    expect(r.eligible).toBe(false);
    expect(r.violations.map((v) => v.rule)).toEqual(['min_rest']);
  });
  test('skills and leave are checked', () => {
    const roster = [at('a', 2)];
    expect(
      swapCheck(
        roster,
        [agent('a'), agent('b', { skills: ['q'] })],
        testRules(),
        { from: { agent: 'a', dayIndex: 2 }, to: { agent: 'b' } },
        ctx,
      ).violations.map((v) => v.rule),
    ).toEqual(['skill']);
    expect(
      swapCheck(
        roster,
        [agent('a'), agent('b', { unavailable: [dates[2]!] })],
        testRules(),
        { from: { agent: 'a', dayIndex: 2 }, to: { agent: 'b' } },
        ctx,
      ).violations.map((v) => v.rule),
    ).toEqual(['unavailable']);
  });
});

describe('emergency re-planning (应急排班)', () => {
  test('3 short from 16:00 to 18:00: a 2-hour block for each of three agents off duty, rest kept', () => {
    const required = Array(48).fill(0) as number[];
    for (let i = 32; i < 36; i++) required[i] = 3; // 16:00–18:00, 3 needed
    // a works E (08:00–16:00) that day; b and c are off; d is off, with L the day before and E the day after.
    const roster = [at('a', 3, E), at('d', 2, L), at('d', 4, E)];
    const agents = ['a', 'b', 'c', 'd'].map((n) => agent(n));
    const plan = emergencyPlan({
      roster,
      agents,
      rules: { ...testRules(), intervalMinutes: 30 },
      ctx,
      dayIndex: 3,
      skillGroup: 'p',
      nowMinute: 14 * 60 + 10,
      required,
    });
    // a's 08:00–16:00 covers intervals 16–31, so 3 are short from 16:00; 14:10 → planning starts at 14:30 (interval 29).
    expect(plan.shortfallBefore).toEqual([...Array(3).fill(0), 3, 3, 3, 3, ...Array(12).fill(0)]);
    expect(plan.proposals.map((p) => p.variant.segments)).toEqual(Array(3).fill([{ start: 960, end: 1080 }]));
    expect(plan.shortfallAfter.every((s) => s === 0)).toBe(true);
    // d may work 16:00–18:00 (rest from 23:00 the day before is 17 h; to 08:00 the next day 14 h) — all 3 blocks fit b, c, d.
    expect(new Set(plan.proposals.map((p) => p.agent))).toEqual(new Set(['b', 'c', 'd']));
  });
  test('with 11 h rest, a late-evening block before an early shift is refused', () => {
    const required = Array(48).fill(0) as number[];
    required[44] = 1; // 22:00–22:30
    const roster = [at('d', 4, E)];
    const plan = emergencyPlan({
      roster,
      agents: [agent('d')],
      rules: { ...testRules(), intervalMinutes: 30 },
      ctx,
      dayIndex: 3,
      skillGroup: 'p',
      nowMinute: 20 * 60,
      required,
    });
    expect(plan.proposals).toEqual([]);
    expect(plan.shortfallAfter).toContain(1);
  });
});
