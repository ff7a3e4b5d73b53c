import { expect, test } from 'vitest';
import { aggregateIntervals } from '../metrics/intervals.ts';
import { createRandom } from '../simulation/random.ts';
import { DEMO_SKILL_GROUPS, demoAgents } from './demo-center.ts';
import { demoHistory, demoPools } from './demo-history.ts';
import { dayFactor } from './demo-traffic.ts';

const start = Date.UTC(2025, 8, 28, -8); // 2025-09-28 00:00 +08:00, a make-up workday before National Day
const pools = demoPools(demoAgents(createRandom(2)));

test('demo history: deterministic, calendar-shaped volume, service level near the target', () => {
  const a = demoHistory(createRandom(1), { startMs: start, startDate: '2025-09-28', days: 7, groups: DEMO_SKILL_GROUPS, pools });
  const b = demoHistory(createRandom(1), { startMs: start, startDate: '2025-09-28', days: 7, groups: DEMO_SKILL_GROUPS, pools });
  expect(a.contacts.length).toBe(b.contacts.length);
  expect(a.contacts[1000]).toEqual(b.contacts[1000]);
  const days = aggregateIntervals(a.contacts, { interval: 'day', timeZone: 'Asia/Shanghai', by: 'queue' }).filter(
    (r) => r.queue === 'policy',
  );
  // Expected policy calls per day = 2400 × day factor; Poisson noise is a few percent.
  for (const r of days) {
    const date = r.intervalStart.slice(0, 10);
    expect(r.offered / (2400 * dayFactor(date))).toBeGreaterThan(0.9);
    expect(r.offered / (2400 * dayFactor(date))).toBeLessThan(1.1);
  }
  const sept28 = days.find((r) => r.intervalStart.startsWith('2025-09-28'));
  const oct2 = days.find((r) => r.intervalStart.startsWith('2025-10-02'));
  expect(sept28!.offered).toBeGreaterThan(2 * oct2!.offered); // make-up workday vs holiday
  const week = aggregateIntervals(a.contacts, { interval: 'month', timeZone: 'Asia/Shanghai', by: 'queue' });
  for (const r of week) {
    expect(r.serviceLevel!).toBeGreaterThan(0.6);
    expect(r.serviceLevel!).toBeLessThan(0.97);
  }
  // People work shifts of at most 8 h, one a day, 11 h apart, at most six days in a week (Monday–Sunday; the
  // history starts on a Sunday) and 48 h; every agent of the pools works.
  const shifts = new Map<string, { start: number; end: number }[]>();
  for (const s of a.spans.filter((x) => x.state === 'logged_in')) {
    expect(s.end - s.start).toBeLessThanOrEqual(8 * 3_600_000);
    shifts.set(s.agent, [...(shifts.get(s.agent) ?? []), s]);
  }
  expect(shifts.size).toBe(Object.values(pools).flat().length);
  const day = (ms: number) => Math.floor((ms - start) / 86_400_000);
  for (const list of shifts.values()) {
    list.sort((x, y) => x.start - y.start);
    list.forEach((s, k) => {
      const prev = list[k - 1];
      if (prev) expect(s.start - prev.end).toBeGreaterThanOrEqual(11 * 3_600_000);
      if (prev) expect(day(s.start)).toBeGreaterThan(day(prev.start));
    });
    const week = list.filter((s) => day(s.start) >= 1); // Monday 2025-09-29 to Saturday
    expect(week.length).toBeLessThanOrEqual(6);
    expect(week.reduce((h, s) => h + (s.end - s.start) / 3_600_000, 0)).toBeLessThanOrEqual(48);
  }
});
