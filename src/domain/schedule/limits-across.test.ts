import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dateAt, weekStart, weeksOf } from './calendar-week.ts';
import { emergencyPlan } from './emergency.ts';
import { checkChange } from './requests.ts';
import type { RosterEntry } from './roster.ts';
import { rosterShifts } from './roster-optimal.ts';
import { checkRoster } from './rules-check.ts';
import { agent, buildAfter, days, E, testRules, variant, want } from './test-support.ts';
import type { AgentInput, Rules } from './types.ts';

// Weekly hours, rest days per week and overtime per month counted over calendar weeks (Monday–Sunday) and months
// with the neighbouring schedules' shifts in them. Part-time contracts (20 h) make the 36 h a month reachable:
// a 40 h week is 20 h of overtime.
const part = (name: string, over: Partial<AgentInput> = {}) => agent(name, { contractHoursPerWeek: 20, ...over });
/** A shift of E (8 h) on `date`, as dayIndex of the period starting on `first`. */
const shift = (a: string, first: string, date: string): RosterEntry => {
  const d = Math.round((Date.parse(date) - Date.parse(first)) / 86_400_000);
  return { agent: a, skillGroup: 'p', dayIndex: d, variant: variant(E, date) };
};
/** Overtime hours of agent a in a calendar month, from all its shifts (period and neighbours). */
const monthOvertime = (entries: RosterEntry[], first: string, month: string, contract: number) => {
  const weeks = new Map<number, number>();
  for (const e of entries) {
    const ws = weekStart(first, e.dayIndex);
    weeks.set(ws, (weeks.get(ws) ?? 0) + e.variant.paidMinutes / 60);
  }
  let total = 0;
  for (const [ws, h] of weeks) if (dateAt(first, ws).startsWith(month)) total += Math.max(0, h - contract);
  return total;
};
describe('calendar weeks', () => {
  test('a period from a Wednesday: its first week began on the Monday before', () => {
    expect(weekStart('2026-12-02', 0)).toBe(-2);
    expect(weekStart('2026-12-02', 5)).toBe(5);
    expect(weekStart('2026-12-02', -3)).toBe(-9);
    expect(weeksOf('2026-12-02', 0, 14)).toEqual([-2, 5, 12]);
    expect(weekStart(undefined, 13)).toBe(7);
  });
});

describe('the checker counts the neighbouring schedules in the calendar week and month', () => {
  // Wed 11-04 … Sun 11-08: the week of Mon 11-02 began in the schedule before; the next starts Mon 11-09.
  const first = '2026-11-04';
  const dates = days(5, first);
  const check = (roster: RosterEntry[], neighbours: RosterEntry[], a: AgentInput = agent('a'), over: Partial<Rules> = {}) =>
    checkRoster(roster, [a], testRules(over), { dates, templates: [E], neighbours });

  test('hours per week: Mon and Tue in the schedule before + four days now = 48 h > 44 in the week of 11-02', () => {
    expect(dates.at(-1)).toBe('2026-11-08');
    const before = ['2026-11-02', '2026-11-03'].map((d) => shift('a', first, d));
    const now = ['2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07'].map((d) => shift('a', first, d));
    const v = check(now, before);
    expect(v.map((x) => [x.rule, x.dayIndex])).toEqual([['max_hours_per_week', 3]]);
    expect(v[0]!.detail).toMatch(/week of 2026-11-02.*16\.0 h of it in the neighbouring schedules/);
    // Alone, the four days are 32 h.
    expect(check(now, [])).toEqual([]);
  });
  test('rest days per week: Mon and Tue before and Wed–Sun now leave no rest day in the week', () => {
    const before = ['2026-11-02', '2026-11-03'].map((d) => shift('a', first, d));
    const now = [0, 1, 2, 3, 4].map((d) => shift('a', first, dates[d]!));
    const rules = check(now, before, agent('a'), { maxHoursPerWeek: 60, maxConsecutiveDays: 7 }).map((x) => x.rule);
    expect(rules).toContain('min_rest_days_per_week');
    expect(check(now, [], agent('a'), { maxHoursPerWeek: 60, maxConsecutiveDays: 7 })).toEqual([]);
  });
  test('overtime per month: 32 h used in November before leaves 4; a week of 28 h (8 over) now breaks it', () => {
    // Weeks of 10-26 (October) and 11-02: 40 h then 32 h before = 20 + 12 = 32 h of November… only 11-02's counts.
    const nov = ['2026-11-02', '2026-11-03'].map((d) => shift('a', first, d)); // 16 h in the week of 11-02
    const before = [
      ...['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30'].map((d) => shift('a', first, d)),
      ...nov,
    ];
    // Before: October's week 40 h (20 h overtime in October), the week of 11-02 16 h so far.
    const a = part('a');
    expect(check([shift('a', first, '2026-11-04')], before, a)).toEqual([]);
    // The week of 11-09 wholly after this schedule, 40 h: 20 h of November's overtime.
    const after = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'].map((d) => shift('a', first, d));
    // Now Wed–Fri: the week of 11-02 is 40 h = 20 h overtime, with the week after 40 h of November > 36.
    const now = ['2026-11-04', '2026-11-05', '2026-11-06'].map((d) => shift('a', first, d));
    const v = check(now, [...before, ...after], a, { maxHoursPerWeek: 44 });
    expect(v.map((x) => x.rule)).toEqual(['max_overtime_per_month']);
    expect(v[0]!.detail).toMatch(/40\.0 h overtime in 2026-11 \(20\.0 h in the neighbouring schedules\)/);
    // The same without the week after: 20 h, within 36.
    expect(check(now, before, a)).toEqual([]);
  });
  test('a month broken by the neighbours alone is not this schedule’s, until its weeks add overtime', () => {
    const after = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17']
      .concat(['2026-11-18', '2026-11-19', '2026-11-20'])
      .map((d) => shift('a', first, d)); // 40 h of overtime in November
    expect(check([], after, part('a'))).toEqual([]);
    // 8 h in the week of 11-02: within the 20 h contract, no overtime added.
    expect(check([shift('a', first, '2026-11-04')], after, part('a'))).toEqual([]);
    const three = ['2026-11-04', '2026-11-05', '2026-11-06'].map((d) => shift('a', first, d)); // 24 h: 4 h over
    expect(check(three, after, part('a')).map((x) => x.rule)).toEqual(['max_overtime_per_month']);
  });
  test('an edit that would break the month is refused with max_overtime_per_month', () => {
    const a = part('a');
    const before = ['2026-11-02', '2026-11-03'].map((d) => shift('a', first, d));
    const after = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'].map((d) => shift('a', first, d));
    const roster = ['2026-11-04', '2026-11-05'].map((d) => shift('a', first, d)); // week of 11-02: 32 h, 12 h over
    const ctx = { dates, templates: [E], neighbours: [...before, ...after] };
    expect(checkRoster(roster, [a], testRules(), ctx)).toEqual([]);
    const r = checkChange(
      roster,
      [a],
      testRules(),
      { kind: 'set', agent: 'a', dayIndex: 2, entry: shift('a', first, dates[2]!) },
      ctx,
    );
    // 40 h in the week of 11-02 (20 over) + 20 in the week of 11-09 = 40 > 36.
    expect(r.eligible).toBe(false);
    expect(r.violations.map((x) => x.rule)).toEqual(['max_overtime_per_month']);
  });
});

describe('rostering counts the overtime the schedules before used in the month', () => {
  // The schedule before covered 11-02 … 11-15: 40 h and 32 h weeks for a 20 h contract = 20 + 12 = 32 h of
  // November's 36. This one (11-16 … 11-29) may add 4 h: at most 24 h in one of its weeks and 20 h in the other.
  const first = '2026-11-16';
  const dates = days(14, first);
  const used = [
    ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'],
    ...['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12'],
  ];
  const run = async (previous: RosterEntry[], next: RosterEntry[] = [], rules = testRules({ shiftTemplates: [E] })) => {
    const agents = [part('a')];
    const demand = want(dates, E, [...dates.keys()]);
    const r = await rosterShifts({ dates, demand, agents, rules, previous, next }, { timeLimit: 5 });
    const violations = checkRoster(r.roster, agents, rules, {
      dates,
      templates: rules.shiftTemplates,
      neighbours: [...previous, ...next],
    });
    return { ...r, violations, all: [...previous, ...next, ...r.roster] };
  };

  test('a schedule built right after one that used 32 h of November never goes past 36 h in it', async () => {
    const previous = used.map((d) => shift('a', first, d));
    const r = await run(previous);
    expect(r.violations).toEqual([]);
    expect(monthOvertime(r.all, first, '2026-11', 20)).toBeLessThanOrEqual(36 + 1e-9);
    // 20 + 20 + 4 h: five shifts of 8 h, four of them in one week.
    expect(r.roster.length).toBe(5);
    // Without the schedule before, the same demand takes 32 h of overtime here (40 h and 32 h weeks: 20 + 12;
    // a tenth shift would make 40): nine shifts.
    const alone = await run([]);
    expect(alone.violations).toEqual([]);
    expect(alone.roster.length).toBe(9);
  }, 30_000);
  test('the schedule after counts too: its week of 11-30 is November’s', async () => {
    // 11-30 is a Monday in November's last week: 40 h there (20 over) leaves 16 h for this fortnight.
    const next = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) => shift('a', first, d));
    const r = await run([], next);
    expect(r.violations).toEqual([]);
    expect(monthOvertime(r.all, first, '2026-11', 20)).toBeLessThanOrEqual(36 + 1e-9);
    expect(r.roster.length).toBe(7); // 56 h: 16 h of overtime, not the 32 h of nine shifts
  }, 30_000);
  test('a schedule from a Wednesday counts the Monday and Tuesday worked before in the week’s 44 h', async () => {
    const wed = days(5, '2026-11-04');
    const agents = [agent('a')];
    const rules = testRules({ shiftTemplates: [E] });
    const previous = ['2026-11-02', '2026-11-03'].map((d) => shift('a', '2026-11-04', d));
    const demand = want(wed, E, [0, 1, 2, 3, 4]);
    const r = await rosterShifts({ dates: wed, demand, agents, rules, previous }, { timeLimit: 5 });
    expect(checkRoster(r.roster, agents, rules, { dates: wed, templates: [E], neighbours: previous })).toEqual([]);
    expect(r.roster.length).toBe(3); // 16 h + 3 × 8 = 40; a fourth would be 48 > 44
    const alone = await rosterShifts({ dates: wed, demand, agents, rules }, { timeLimit: 5 });
    expect(alone.roster.length).toBe(5);
  }, 30_000);
  test('property: whatever the schedule before used, the month never passes 36 h', async () => {
    const pool = days(14, '2026-11-02');
    await fc.assert(
      fc.asyncProperty(fc.subarray(pool), async (worked) => {
        const previous = worked.map((d) => shift('a', first, d));
        const r = await run(previous, [], testRules({ shiftTemplates: [E], maxHoursPerWeek: 60, maxConsecutiveDays: 7 }));
        expect(r.violations).toEqual([]);
        const prior = monthOvertime(previous, first, '2026-11', 20);
        expect(monthOvertime(r.all, first, '2026-11', 20)).toBeLessThanOrEqual(Math.max(36, prior) + 1e-9);
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});

describe('emergency overtime counts the month in the neighbouring schedules', () => {
  // A week from Mon 11-16 in which b works Mon–Thu (32 h, 12 over a 20 h contract); November before it: 24 h over.
  const first = '2026-11-16';
  const dates = days(7, first);
  const required = Array(48).fill(0) as number[];
  for (let i = 36; i < 40; i++) required[i] = 1; // 18:00–20:00 on Friday
  const plan = (neighbours: RosterEntry[]) =>
    emergencyPlan({
      roster: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'].map((d) => shift('b', first, d)),
      agents: [part('b')],
      rules: { ...testRules({ shiftTemplates: [E] }), intervalMinutes: 30 },
      ctx: { dates, templates: [E], neighbours },
      dayIndex: 4,
      skillGroup: 'p',
      nowMinute: 12 * 60,
      required,
    });
  test('36 h reached with the schedule before: no block is proposed; without it, one is', () => {
    // Weeks of 11-02 (40 h: 20 over) and 11-09 (24 h: 4 over) before: 24 h, + 12 now = 36.
    const before = [
      ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'],
      ...['2026-11-09', '2026-11-10', '2026-11-11'],
    ].map((d) => shift('b', first, d));
    expect(plan(before).proposals).toEqual([]);
    expect(plan([]).proposals.map((p) => p.agent)).toEqual(['b']);
  });
});

test('buildSchedule from a Wednesday: calendar weeks in the design and the roster, the week before counted, the bound below the cost', async () => {
  const first = '2026-11-04';
  // Wed 11-04 … Thu 11-12: two partial calendar weeks. a worked Mon and Tue of the first (16 h): 3 shifts more at most.
  const previous = ['2026-11-02', '2026-11-03'].map((d) => shift('a', first, d));
  const out = await buildAfter(days(9, first), previous, 16, 32, 2);
  expect(out.assignments.filter((x) => x.agent === 'a' && x.date <= '2026-11-08').length).toBeLessThanOrEqual(3);
}, 30_000);

test('buildSchedule right after a schedule that used 32 h of November’s overtime keeps the month within 36 h', async () => {
  const first = '2026-11-16';
  const dates = days(14, first);
  // Two agents on 20 h contracts, asked for 2 agents 08:00–16:00 every day: each would work 44 h weeks.
  const agents = [part('a'), part('b')];
  const used = ['02', '03', '04', '05', '06', '09', '10', '11', '12'].map((d) => `2026-11-${d}`);
  const previous = [...used.map((d) => shift('a', first, d)), ...used.map((d) => shift('b', first, d))];
  const build = (prev: RosterEntry[]) => buildAfter(dates, prev, 16, 32, 2, agents);
  const out = await build(previous);
  for (const a of ['a', 'b']) {
    const mine = out.assignments.filter((x) => x.agent === a).map((x) => shift(a, first, x.date));
    expect(monthOvertime([...previous.filter((e) => e.agent === a), ...mine], first, '2026-11', 20)).toBeLessThanOrEqual(36);
    expect(mine.length).toBe(5); // 4 h of overtime left: 24 h one week, 16 h the other
  }
  // Without the schedule before, each works 72 h of the fortnight (32 h of overtime).
  const alone = await build([]);
  expect(alone.assignments.filter((x) => x.agent === 'a')).toHaveLength(9);
}, 60_000);
