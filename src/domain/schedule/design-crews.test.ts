import { describe, expect, test } from 'vitest';
import { buildSchedule } from './build-schedule.ts';
import { crewModel } from './design-crews.ts';
import type { RosterEntry } from './roster.ts';
import { checkRoster } from './rules-check.ts';
import { designShifts } from './shift-design.ts';
import { agent, days, E, L, testRules, variant } from './test-support.ts';
import type { AgentInput, Rules } from './types.ts';

const nightly = (n: number, required = 1) => ({
  p: Array.from({ length: n }, () => Array.from({ length: 48 }, (_, i) => (i >= 46 ? required : 0))),
});
const nnRest = (crews: string[]): Partial<Rules> => ({
  rotations: [{ name: '夜夜休休', pattern: ['N', 'N', '休', '休'], crews }],
});
const nightsPerDay = (counts: { variant: { template: string; date: string }; count: number }[], dates: string[]) =>
  dates.map((d) => counts.filter((c) => c.variant.date === d && c.variant.template === 'N').reduce((s, c) => s + c.count, 0));

describe('shift design with rotations (大轮班): each crew’s start is chosen, and its shifts are counted', () => {
  /** Four days needing one agent at night: the design, and the schedule built, which keeps every rule and the bound. */
  const nights = async (rules: Rules, agents: AgentInput[]) => {
    const dates = days(4);
    const design = await designShifts({ dates, required: nightly(4), rules, agents }, { timeLimit: 10 });
    const out = await buildSchedule({
      dates,
      timeZone: 'Asia/Shanghai',
      required: nightly(4),
      agents,
      rules,
      timeLimitSeconds: 10,
    });
    expect(out.violations).toEqual([]);
    expect(out.lowerBound).toBeLessThanOrEqual(out.cost + 1e-6);
    return { dates, design, out };
  };

  test('two crews of one on 夜-夜-休-休 with one night needed each day: starts two apart, one night a day, rostered as designed', async () => {
    const agents = [agent('a', { crew: 'A' }), agent('b', { crew: 'B' })];
    const { dates, design, out } = await nights(testRules(nnRest(['A', 'B'])), agents);
    expect(nightsPerDay(design.counts, dates)).toEqual([1, 1, 1, 1]);
    const [a, b] = [design.crewOffsets.get('A')!, design.crewOffsets.get('B')!];
    expect((a - b + 4) % 4).toBe(2);
    expect(out.crewStarts).toEqual({ A: a, B: b });
    expect(out.unfilledShifts).toBe(0);
    expect(out.underHours).toBe(0);
  }, 30_000);

  test('a crew works its pattern whatever the requirement: its two members make two nights (one on a day of leave), and the bound counts them', async () => {
    const leaveDay = days(4)[1]!;
    const agents = [agent('a', { crew: 'A' }), agent('b', { crew: 'A', unavailable: [leaveDay] })];
    const { dates, design } = await nights(testRules(nnRest(['A'])), agents);
    const k = design.crewOffsets.get('A')!;
    const on = dates.map((_, d) => ['N', 'N', '休', '休'][(d + k) % 4] === 'N');
    expect(nightsPerDay(design.counts, dates)).toEqual(on.map((w, d) => (w ? (d === 1 ? 1 : 2) : 0)));
    // 4 crew nights of 8 h at least, whatever the start (one of them may be on the day of leave).
    expect(design.lowerBound).toBeGreaterThanOrEqual(3 * 8 - 1e-6);
  }, 30_000);

  test('a start the previous schedule rules out is never chosen: six days worked to the end, or a late shift the evening before', () => {
    const dates = days(4);
    const rules = testRules({ rotations: [{ name: '早早休休', pattern: ['E', 'E', '休', '休'], crews: ['A'] }] });
    const before = days(6, '2026-10-27');
    const prior =
      (t = E) =>
      (d: number): RosterEntry => ({ agent: 'a', skillGroup: 'p', dayIndex: d, variant: variant(t, before[6 + d]!) });
    const starts = (previous: RosterEntry[]) =>
      crewModel({ dates, rules, agents: [agent('a', { crew: 'A' })], groups: ['p'], locked: new Set(), previous })!.ys.map(
        (y) => y.offset,
      );
    expect(starts([])).toEqual([0, 1, 2, 3]);
    // Pattern E E 休 休 from start k: day 0 works E for k = 0 and 1.
    expect(starts([-6, -5, -4, -3, -2, -1].map(prior()))).toEqual([2, 3]);
    expect(starts([prior(L)(-1)])).toEqual([2, 3]);
    // Over 5 days every start works two days in a row: with at most 1 none is possible, so all are kept.
    const tight = testRules({ maxConsecutiveDays: 1, rotations: rules.rotations });
    const five = crewModel({
      dates: days(5),
      rules: tight,
      agents: [agent('a', { crew: 'A' })],
      groups: ['p'],
      locked: new Set(),
    });
    expect(five!.ys).toHaveLength(4);
  });

  test('the built schedule continues a crew from the previous schedule without breaking a rule', async () => {
    const dates = days(4);
    const rules = testRules({ rotations: [{ name: '早早休休', pattern: ['E', 'E', '休', '休'], crews: ['A'] }] });
    const before = days(6, '2026-10-27');
    const previous = [-6, -5, -4, -3, -2, -1].map(
      (d): RosterEntry => ({ agent: 'a', skillGroup: 'p', dayIndex: d, variant: variant(E, before[6 + d]!) }),
    );
    const agents: AgentInput[] = [agent('a', { crew: 'A' }), agent('b')];
    const required = { p: dates.map(() => Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 32 ? 1 : 0))) };
    const out = await buildSchedule({
      dates,
      timeZone: 'Asia/Shanghai',
      required,
      agents,
      rules,
      timeLimitSeconds: 10,
      previous,
    });
    expect(out.violations).toEqual([]);
    expect(out.assignments.some((x) => x.agent === 'a' && x.date === dates[0])).toBe(false);
    const roster = out.assignments.map((x) => ({
      agent: x.agent,
      skillGroup: x.skillGroup,
      dayIndex: dates.indexOf(x.date),
      variant: variant(E, x.date),
    }));
    expect(checkRoster(roster, agents, rules, { dates, templates: rules.shiftTemplates, neighbours: previous })).toEqual([]);
  }, 30_000);
});
