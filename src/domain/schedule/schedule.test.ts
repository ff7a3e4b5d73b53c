import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expectedCalls } from '../demo/demo-traffic.ts';
import { staffingPlan } from '../erlang/staffing-plan.ts';
import { assignShifts } from './roster.ts';
import { checkRoster, scheduleFit } from './rules-check.ts';
import { designShifts } from './shift-design.ts';
import { coveredIntervals, isNightShift, occupiedIntervals, shiftVariants } from './shift-variants.ts';
import { DEFAULT_RULES, DEFAULT_TEMPLATES, type Rules } from './types.ts';

const rules: Rules = { ...DEFAULT_RULES, shiftTemplates: DEFAULT_TEMPLATES };

describe('shift variants', () => {
  test('a 9-hour shift with a 1-hour unpaid lunch pays 8 h and covers 16 half hours', () => {
    const vs = shiftVariants(DEFAULT_TEMPLATES[0]!, '2026-12-07', 30);
    // starts 07:00–09:00 by 30 min (5) × lunch placements 210–300 min by 30 (4)
    expect(vs).toHaveLength(20);
    expect(vs[0]!.paidMinutes).toBe(480);
    expect(coveredIntervals(vs[0]!, 30)).toHaveLength(16);
  });
  test('a split shift has two segments within its gap', () => {
    const vs = shiftVariants(
      {
        name: '两头班',
        earliestStart: '08:00',
        latestStart: '08:00',
        startStepMinutes: 60,
        segments: [{ lengthMinutes: 240 }, { lengthMinutes: 240 }],
        minGapMinutes: 240,
        maxGapMinutes: 300,
      },
      '2026-12-07',
      30,
    );
    expect(vs.map((v) => v.segments)).toEqual([
      [
        { start: 480, end: 720 },
        { start: 960, end: 1200 },
      ],
      [
        { start: 480, end: 720 },
        { start: 1020, end: 1260 },
      ],
    ]);
  });
});

describe('schedule fit and rules', () => {
  test('fit by hand', () => {
    expect(scheduleFit([2, 3, 1], [2, 2, 2], 30)).toEqual({ fit: 1 - 2 / 6, underHours: 0.5, overHours: 0.5 });
  });
  test('property: the roster never breaks a hard rule, whatever the demand', () => {
    const v = shiftVariants(DEFAULT_TEMPLATES[0]!, 'x', 30)[0]!;
    const late = shiftVariants(DEFAULT_TEMPLATES[2]!, 'x', 30)[0]!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 4 }), fc.boolean()), { maxLength: 40 }),
        (demand) => {
          const agents = Array.from({ length: 6 }, (_, i) => ({
            agent: `a${i}`,
            team: 't',
            skills: i % 2 ? ['p', 'c'] : ['p'],
            contractHoursPerWeek: i === 5 ? 24 : 40,
          }));
          const { roster } = assignShifts(
            demand.map(([d, n, l]) => ({ skillGroup: l ? 'c' : 'p', dayIndex: d, variant: l ? late : v, count: n })),
            agents,
            rules,
          );
          expect(checkRoster(roster, agents, rules)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
  test('the checker itself catches a violation', () => {
    const v = shiftVariants(DEFAULT_TEMPLATES[2]!, 'x', 30)[0]!; // 14:00–23:00
    const early = shiftVariants(DEFAULT_TEMPLATES[0]!, 'x', 30)[0]!; // 07:00–16:00
    const bad = [
      { agent: 'a', skillGroup: 'p', dayIndex: 0, variant: v },
      { agent: 'a', skillGroup: 'p', dayIndex: 1, variant: early },
    ];
    expect(
      checkRoster(bad, [{ agent: 'a', team: 't', skills: ['p'], contractHoursPerWeek: 40 }], rules).map((x) => x.rule),
    ).toEqual(['min_rest']);
  });
});

describe('shift design with HiGHS', () => {
  test('two weekdays of an M-shaped requirement: optimal within the gap of the LP bound, and rostered without violations', async () => {
    const dates = ['2026-12-07', '2026-12-08'];
    const required = dates.map((d) => {
      const calls = expectedCalls(d, 1200, 30);
      return staffingPlan(
        calls.map((c, i) => ({ skillGroup: 'p', start: i, calls: c, ahtSeconds: 240 })),
        { intervalSeconds: 1800, model: 'c', targets: { serviceLevel: 0.8 }, slSeconds: 20, shrinkage: 0 },
      ).map((r, i) => (i >= 14 && i < 46 ? r.agents : 0));
    });
    const r = await designShifts({ dates, required: { p: required }, rules }, { timeLimit: 20 });
    expect(['Optimal', 'Time limit reached']).toContain(r.status);
    expect(r.objective).toBeGreaterThanOrEqual(r.lowerBound - 1e-6);
    expect(r.gap).toBeLessThan(0.05);
    const demand = r.counts.map((c) => ({
      skillGroup: 'p',
      dayIndex: dates.indexOf(c.variant.date),
      variant: c.variant,
      count: c.count,
    }));
    const agents = Array.from({ length: 40 }, (_, i) => ({ agent: `a${i}`, team: 't', skills: ['p'], contractHoursPerWeek: 40 }));
    const { roster, unfilled } = assignShifts(demand, agents, rules);
    expect(unfilled).toEqual([]);
    expect(checkRoster(roster, agents, rules)).toEqual([]);
    const scheduled = dates.flatMap((date) => {
      const s = Array(48).fill(0) as number[];
      for (const e of roster.filter((x) => x.variant.date === date))
        for (const i of coveredIntervals(e.variant, 30)) if (i < 48) s[i]!++;
      return s;
    });
    const fit = scheduleFit(scheduled, required.flat(), 30);
    expect(fit.fit!).toBeGreaterThan(0.6);
  }, 60_000);
});

describe('shift design objective by hand', () => {
  const only = (t: (typeof DEFAULT_TEMPLATES)[number]) => ({ ...DEFAULT_RULES, shiftTemplates: [t] });
  const eight = { name: 'E', earliestStart: '08:00', latestStart: '08:00', startStepMinutes: 60, lengthMinutes: 480 };
  test('two agents 08:00–16:00: two 8-hour shifts, objective 16 = bound', async () => {
    const req = Array(48).fill(0) as number[];
    for (let i = 16; i < 32; i++) req[i] = 2;
    const r = await designShifts({ dates: ['2026-12-07'], required: { p: [req] }, rules: only(eight) }, { timeLimit: 5 });
    expect(r.counts.map((c) => c.count)).toEqual([2]);
    expect(r.objective).toBeCloseTo(16, 6);
    expect(r.lowerBound).toBeCloseTo(16, 6);
  });
  test('one agent for one half hour: 4 (penalty) beats 8 h + 15 × 0.25 overstaffing', async () => {
    const req = Array(48).fill(0) as number[];
    req[20] = 1;
    const r = await designShifts({ dates: ['2026-12-07'], required: { p: [req] }, rules: only(eight) }, { timeLimit: 5 });
    expect(r.counts).toEqual([]);
    expect(r.objective).toBeCloseTo(4, 6);
  });
  test('seats cap agents at seats over all groups together', async () => {
    const req = Array(48).fill(0) as number[];
    for (let i = 16; i < 32; i++) req[i] = 2;
    const r = await designShifts(
      { dates: ['2026-12-07'], required: { p: [req], q: [req] }, rules: { ...only(eight), seats: 3 } },
      { timeLimit: 5 },
    );
    expect(r.counts.reduce((s, c) => s + c.count, 0)).toBe(3);
  });
});

describe('seats and nights', () => {
  test('a 15-minute break takes its half hour out of coverage; the seat stays taken for the part worked', () => {
    const v = {
      id: 'v',
      template: 't',
      date: 'x',
      segments: [{ start: 480, end: 600 }],
      breaks: [{ start: 495, end: 510, paid: true }],
      paidMinutes: 120,
    };
    expect(coveredIntervals(v, 30)).toEqual([17, 18, 19]);
    expect(occupiedIntervals(v, 30)).toEqual([16, 17, 18, 19]);
  });
  test('night shift: 22:00–07:00 yes, 14:00–23:00 no, a template flag wins', () => {
    expect(isNightShift({ segments: [{ start: 1320, end: 1860 }] })).toBe(true);
    expect(isNightShift({ segments: [{ start: 840, end: 1380 }] })).toBe(false);
    expect(isNightShift({ segments: [{ start: 840, end: 1380 }] }, { night: true })).toBe(true);
  });
});
