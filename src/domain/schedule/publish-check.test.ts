import { describe, expect, test } from 'vitest';
import { publishViolations } from './publish-check.ts';
import type { RosterEntry } from './roster.ts';
import { agent, days, E, L, N, testRules, variant } from './test-support.ts';
import type { ShiftTemplate } from './types.ts';

// A one-week draft from Mon 11-02; the published week before it is dayIndex −7 … −1.
const dates = days(7);
const before = days(7, '2026-10-26');
const at = (a: string, d: number, t: ShiftTemplate = E): RosterEntry => ({
  agent: a,
  skillGroup: 'p',
  dayIndex: d,
  variant: variant(t, d < 0 ? before[7 + d]! : dates[d]!),
});
const check = (roster: RosterEntry[], neighbours: RosterEntry[] = [], people = [agent('a'), agent('b')]) =>
  publishViolations(roster, people, testRules(), { dates, templates: [E, L, N], neighbours });
const shown = (vs: ReturnType<typeof check>) => vs.map((v) => [v.dayIndex, v.agent, v.rule]);

describe('what keeps a draft from being published', () => {
  test('a draft that keeps every rule, within it and with the week before, has nothing', () => {
    expect(check([at('a', 0, L), at('a', 1, L), at('b', 0), at('b', 2)], [at('a', -1, L)])).toEqual([]);
  });

  test('rest within the draft itself: 15:00–23:00 on Tuesday, then 08:00 on Wednesday is 9 h', () => {
    const v = check([at('a', 1, L), at('a', 2)]);
    expect(v).toEqual([{ agent: 'a', rule: 'min_rest', dayIndex: 2, detail: '9.0 h rest before day 2' }]);
  });

  test('seven days in a row within the draft: the run, the week’s hours and its rest day, on the day they break', () => {
    // 7 × 8 h = 56 h > 44 h, no rest day, a run of 7 > 6: each named on Sunday (day 6).
    const v = check([0, 1, 2, 3, 4, 5, 6].map((d) => at('b', d)));
    expect(shown(v)).toEqual([
      [6, 'b', 'max_consecutive_days'],
      [6, 'b', 'max_hours_per_week'],
      [6, 'b', 'min_rest_days_per_week'],
    ]);
  });

  test('leave approved after the build, a lost skill: the draft’s shift on that day is named', () => {
    const people = [agent('a', { unavailable: [dates[3]!] }), agent('b', { skills: ['q'] })];
    const v = check([at('a', 3), at('b', 1)], [], people);
    expect(shown(v)).toEqual([
      [1, 'b', 'skill'],
      [3, 'a', 'unavailable'],
    ]);
  });

  test('within the draft and across the week before together, by day and then agent', () => {
    // b first in the roster; a's break across the boundary (late Sunday before, 08:00 Monday) is on day 0.
    const roster = [at('b', 4, L), at('b', 5), at('a', 0)];
    const v = check(roster, [at('a', -1, L)]);
    expect(shown(v)).toEqual([
      [0, 'a', 'min_rest'],
      [5, 'b', 'min_rest'],
    ]);
    expect(v[0]!.detail).toMatch(/the schedule before/);
  });
});
