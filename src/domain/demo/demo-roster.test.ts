import fc from 'fast-check';
import { expect, test } from 'vitest';
import { demoRoster, type RosterShift } from './demo-roster.ts';

const HALF_HOUR = 1800;
const opts = (people: number) => ({ intervalSeconds: HALF_HOUR, intervalsPerDay: 48, people, firstWeekday: 3 }); // day 0 a Wednesday

test('whenever fewer are logged in than needed, another starts an 8-hour shift there', () => {
  const need = [1, 1, 2, 1, ...new Array<number>(14).fill(1), 0, 2];
  const shifts = demoRoster(need, opts(3));
  expect(shifts).toEqual([
    [{ startSeconds: 0, endSeconds: 16 * HALF_HOUR }],
    [{ startSeconds: 2 * HALF_HOUR, endSeconds: 18 * HALF_HOUR }],
    // At interval 19 two are needed, but the first two have rested only 1.5 h and 0.5 h: only the third can start.
    [{ startSeconds: 19 * HALF_HOUR, endSeconds: 20 * HALF_HOUR }],
  ]);
});

/** Per person: starts as interval indices, ends likewise. */
const spans = (s: readonly RosterShift[]) => s.map((x) => [x.startSeconds / HALF_HOUR, x.endSeconds / HALF_HOUR] as const);
const weekOf = (interval: number) => Math.floor((Math.floor(interval / 48) + 3 - 1) / 7);

test('any need: one shift a day of at most 8 hours, 11 hours of rest between, a rest day every week; nobody idle while short', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 48, maxLength: 48 * 15 }),
      fc.integer({ min: 1, max: 30 }),
      (need, people) => {
        const roster = demoRoster(need, opts(people));
        const on = new Array<number>(need.length).fill(0);
        for (const s of roster) {
          const sp = spans(s);
          const days = new Map<number, Set<number>>();
          sp.forEach(([a, b], k) => {
            expect(b - a).toBeGreaterThan(0);
            expect(b - a).toBeLessThanOrEqual(16);
            for (let i = a; i < b; i++) on[i] = (on[i] ?? 0) + 1;
            const prev = sp[k - 1];
            if (prev) {
              expect(a - prev[1]).toBeGreaterThanOrEqual(22);
              expect(Math.floor(a / 48)).toBeGreaterThan(Math.floor(prev[0] / 48));
            }
            const w = days.get(weekOf(a)) ?? new Set<number>();
            w.add(Math.floor(a / 48));
            days.set(weekOf(a), w);
          });
          for (const d of days.values()) expect(d.size).toBeLessThanOrEqual(6);
        }
        // Short at an interval only when nobody could have started there.
        need.forEach((n, i) => {
          if ((on[i] ?? 0) >= n) return;
          for (const s of roster) {
            const sp = spans(s);
            const startedToday = sp.some(([a]) => Math.floor(a / 48) === Math.floor(i / 48) && a <= i);
            const lastEnd = Math.max(Number.NEGATIVE_INFINITY, ...sp.filter(([a]) => a <= i).map(([, b]) => b));
            const daysThisWeek = new Set(sp.filter(([a]) => a <= i && weekOf(a) === weekOf(i)).map(([a]) => Math.floor(a / 48)))
              .size;
            expect(startedToday || i - lastEnd < 22 || daysThisWeek >= 6).toBe(true);
          }
        });
      },
    ),
    { numRuns: 60 },
  );
});

test('with people enough, every interval is covered and nobody works a sixth day', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 48 * 7, maxLength: 48 * 14 }), (need) => {
      const roster = demoRoster(need, opts(40));
      const on = new Array<number>(need.length).fill(0);
      for (const s of roster) for (const [a, b] of spans(s)) for (let i = a; i < b; i++) on[i] = (on[i] ?? 0) + 1;
      for (const [i, n] of need.entries()) expect(on[i]).toBeGreaterThanOrEqual(n);
      for (const s of roster) {
        const perWeek = new Map<number, number>();
        for (const [a] of spans(s)) perWeek.set(weekOf(a), (perWeek.get(weekOf(a)) ?? 0) + 1);
        for (const n of perWeek.values()) expect(n).toBeLessThanOrEqual(5);
      }
    }),
    { numRuns: 40 },
  );
});
