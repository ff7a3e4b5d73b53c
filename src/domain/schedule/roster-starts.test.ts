import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shiftTypes, typeOfVariant } from './roster-model.ts';
import { rosterShifts } from './roster-optimal.ts';
import { checkRoster } from './rules-check.ts';
import { shiftVariants } from './shift-variants.ts';
import { agent, days, testRules } from './test-support.ts';
import type { ShiftTemplate } from './types.ts';

// 早班 starts 07:00–09:00 and 中班 10:00–13:00, 9 h each: 中班 ends 19:00–22:00. By the templates' extremes
// (to 22:00, from 07:00: 9 h) the pair never keeps 11 h; by the actual starts it does when 中班 ends by 20:00 before
// an 早班 from 07:00, or by 22:00 before one from 09:00.
const EARLY: ShiftTemplate = {
  name: '早班',
  earliestStart: '07:00',
  latestStart: '09:00',
  startStepMinutes: 30,
  lengthMinutes: 540,
};
const MID: ShiftTemplate = {
  name: '中班',
  earliestStart: '10:00',
  latestStart: '13:00',
  startStepMinutes: 30,
  lengthMinutes: 540,
};
const rules = testRules({ shiftTemplates: [EARLY, MID] });
const at = (t: ShiftTemplate, date: string, start: string) =>
  shiftVariants(t, date, 30).find((v) => v.segments[0]!.start === Number(start.slice(0, 2)) * 60 + Number(start.slice(3)))!;

describe('rostering judges rest on the actual start times', () => {
  test('one type per start: 早班@07:00 … 早班@09:00, 中班@10:00 (to 19:00) … 中班@13:00 (to 22:00)', () => {
    const types = shiftTypes(rules, '2026-11-02');
    expect(types.map((t) => t.name)).toEqual([
      ...['07:00', '07:30', '08:00', '08:30', '09:00'].map((h) => `早班@${h}`),
      ...['10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00'].map((h) => `中班@${h}`),
    ]);
    expect(types.filter((t) => t.template === '中班').map((t) => [t.minStart / 60, t.maxEnd / 60])).toContainEqual([13, 22]);
    expect(typeOfVariant(types, at(MID, '2026-11-02', '11:00'))).toBe('中班@11:00');
    // A template with one start keeps its name.
    expect(shiftTypes(testRules(), '2026-11-02').map((t) => t.name)).toEqual(['E', 'L', 'N']);
  });
  test('中班 to 20:00 then 早班 from 09:00 (13 h) go to one agent; to 22:00 then from 07:00 (9 h) never', async () => {
    const dates = days(2);
    const one = async (mid: string, early: string) => {
      const demand = [
        { skillGroup: 'p', dayIndex: 0, variant: at(MID, dates[0]!, mid), count: 1 },
        { skillGroup: 'p', dayIndex: 1, variant: at(EARLY, dates[1]!, early), count: 1 },
      ];
      const r = await rosterShifts({ dates, demand, agents: [agent('a')], rules }, { timeLimit: 5 });
      expect(checkRoster(r.roster, [agent('a')], rules, { dates, templates: rules.shiftTemplates })).toEqual([]);
      return r;
    };
    const kept = await one('11:00', '09:00');
    expect(kept.unfilled).toEqual([]);
    expect(kept.roster.map((e) => e.variant.id)).toEqual([at(MID, dates[0]!, '11:00').id, at(EARLY, dates[1]!, '09:00').id]);
    expect(kept.repaired).toBe(0);
    const short = await one('13:00', '07:00');
    expect(short.roster).toHaveLength(1);
    expect(short.unfilled).toHaveLength(1);
    // To 20:00, then 07:00: exactly 11 h.
    expect((await one('11:00', '07:00')).roster).toHaveLength(2);
  }, 30_000);
  test('property: any designed starts over three days for two agents are rostered without a violation or a repair', async () => {
    const dates = days(3);
    const agents = [agent('a'), agent('b')];
    const starts = (t: ShiftTemplate) => shiftVariants(t, dates[0]!, 30).map((v) => v.segments[0]!.start);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.nat(6)), { minLength: 1, maxLength: 6 }),
        async (items) => {
          const demand = items.map(([d, mid, k]) => {
            const t = mid ? MID : EARLY;
            const s = starts(t)[k % starts(t).length]!;
            return {
              skillGroup: 'p',
              dayIndex: d,
              variant: shiftVariants(t, dates[d]!, 30).find((v) => v.segments[0]!.start === s)!,
              count: 1,
            };
          });
          const r = await rosterShifts({ dates, demand, agents, rules }, { timeLimit: 5 });
          expect(checkRoster(r.roster, agents, rules, { dates, templates: rules.shiftTemplates })).toEqual([]);
          expect(r.repaired).toBe(0);
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);
});
