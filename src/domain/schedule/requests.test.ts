import { describe, expect, test } from 'vitest';
import { checkChange } from './requests.ts';
import type { RosterEntry } from './roster.ts';
import { entryFromStored, storedFromEntry } from './stored-roster.ts';
import { agent, days, E, L, N, testRules, variant } from './test-support.ts';

const dates = days(7);
const ctx = { dates, templates: [E, L, N] };
const at = (a: string, d: number, t = E): RosterEntry => ({
  agent: a,
  skillGroup: 'p',
  dayIndex: d,
  variant: variant(t, dates[d]!),
});

describe('schedule changes checked with the labour rules', () => {
  test('leave removes the shift and marks the day; the same day cannot then be worked', () => {
    const r = checkChange(
      [at('a', 1), at('b', 1)],
      [agent('a'), agent('b')],
      testRules(),
      { kind: 'leave', agent: 'a', dayIndex: 1 },
      ctx,
    );
    expect(r.eligible).toBe(true);
    expect(r.roster.map((e) => e.agent)).toEqual(['b']);
    expect(r.agents.find((a) => a.agent === 'a')?.unavailable).toEqual([dates[1]]);
  });
  test("a leader's day off breaks the team rule of the member working that day", () => {
    const agents = [agent('lead', { role: 'leader' }), agent('m')];
    const r = checkChange(
      [at('lead', 2), at('m', 2)],
      agents,
      testRules({ teamRule: 'leaderOnDuty' }),
      { kind: 'day_off', agent: 'lead', dayIndex: 2 },
      ctx,
    );
    expect(r.eligible).toBe(false);
    expect(r.violations.map((v) => [v.agent, v.rule])).toEqual([['m', 'team']]);
  });
  test('a planner edit: a night shift before an early one breaks the 11-hour rest; a late shift after an early one does not', () => {
    const roster = [at('a', 0), at('a', 1)];
    const night = checkChange(
      roster,
      [agent('a')],
      testRules(),
      { kind: 'set', agent: 'a', dayIndex: 0, entry: at('a', 0, N) },
      ctx,
    );
    expect(night.violations.map((v) => v.rule)).toEqual(['min_rest']);
    const late = checkChange(
      roster,
      [agent('a')],
      testRules(),
      { kind: 'set', agent: 'a', dayIndex: 1, entry: at('a', 1, L) },
      ctx,
    );
    expect(late.eligible).toBe(true);
    expect(late.roster.find((e) => e.dayIndex === 1)?.variant.template).toBe('L');
  });
  test('a seventh working day in a row is refused (max 6 consecutive days)', () => {
    const roster = [0, 1, 2, 3, 4, 5].map((d) => at('a', d));
    const r = checkChange(
      roster,
      [agent('a', { contractHoursPerWeek: 60 })],
      testRules({ maxHoursPerWeek: 60, minRestDaysPerWeek: 0 }),
      { kind: 'set', agent: 'a', dayIndex: 6, entry: at('a', 6) },
      ctx,
    );
    expect(r.violations.map((v) => v.rule)).toContain('max_consecutive_days');
  });
  test('swapping a shift that does not exist is refused', () => {
    const r = checkChange(
      [at('a', 0)],
      [agent('a'), agent('b')],
      testRules(),
      { kind: 'swap', agent: 'a', dayIndex: 0, withAgent: 'b', withDay: 3 },
      ctx,
    );
    expect(r).toMatchObject({ eligible: false, violations: [{ agent: 'b', detail: 'no such shift' }] });
  });
});

test('stored assignments round-trip to roster entries (a night shift crossing midnight, in Asia/Shanghai)', () => {
  const e = {
    ...at('a', 3, N),
    variant: { ...variant(N, dates[3]!), breaks: [{ start: 1680, end: 1710, paid: false }], paidMinutes: 450 },
  };
  const s = storedFromEntry(e, 'Asia/Shanghai');
  expect(s.segments).toEqual([{ start: '2026-11-05T23:00:00+08:00', end: '2026-11-06T07:00:00+08:00' }]);
  expect(s.shift).toBe('N·p');
  const back = entryFromStored(s, dates, 'Asia/Shanghai')!;
  expect(back.dayIndex).toBe(3);
  expect(back.variant.segments).toEqual([{ start: 1380, end: 1860 }]);
  expect(back.variant.paidMinutes).toBe(450);
  expect(entryFromStored({ ...s, date: '2026-12-31' }, dates, 'Asia/Shanghai')).toBeNull();
});
