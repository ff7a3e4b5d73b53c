import { expect, test } from 'vitest';
import { buildSchedule } from './build-schedule.ts';
import { designShifts } from './shift-design.ts';
import { agent, days, testRules } from './test-support.ts';

// One day needing 3 agents on E (08:00–16:00) and 3 on L (15:00–23:00); a team of one leader and five members.
const dates = days(1);
const required = {
  p: [Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 30 ? 3 : i >= 32 && i < 46 ? 3 : 0))],
};
const team = [agent('lead', { role: 'leader' }), ...[1, 2, 3, 4, 5].map((i) => agent(`m${i}`))];

test('team rule in the design: one lead on duty staffs one shift type a day, and the bound still holds for the schedule', async () => {
  const types = async (teamRule: 'none' | 'leaderOnDuty') => {
    const r = await designShifts({ dates, required, rules: testRules({ teamRule }), agents: team }, { timeLimit: 10 });
    return { r, types: new Set(r.counts.map((c) => c.variant.template)) };
  };
  expect((await types('none')).types).toEqual(new Set(['E', 'L']));
  const { r, types: withRule } = await types('leaderOnDuty');
  // The leader works one type; the members only that one: the other type cannot be staffed by any roster.
  expect(withRule.size).toBe(1);
  const out = await buildSchedule({
    dates,
    timeZone: 'Asia/Shanghai',
    required,
    agents: team,
    rules: testRules({ teamRule: 'leaderOnDuty' }),
    timeLimitSeconds: 10,
  });
  expect(out.violations).toEqual([]);
  expect(out.unfilledShifts).toBe(0);
  expect(r.lowerBound).toBeLessThanOrEqual(out.cost + 1e-6);
}, 30_000);
