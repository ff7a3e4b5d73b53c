import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMs,
  type BusinessCalendar,
  businessCalendar,
  isOpen,
  nextOpening,
  workingMsBetween,
} from './business-calendar.ts';
import { isWorkingDay } from './day-kind.ts';
import { parseHours } from './opening-hours.ts';

const cal: BusinessCalendar = { timeZone: 'Asia/Shanghai', hours: parseHours('09:00-18:00') };
const lunch: BusinessCalendar = { timeZone: 'Asia/Shanghai', hours: parseHours('09:00-12:00,13:30-18:00') };
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const show = (ms: number, zone = 'Asia/Shanghai') => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
const H = 3_600_000;

describe('working days across National Day', () => {
  test('2026, the issue example: from Wed Sep 30 10:00, 3 working days → Sat Oct 10 18:00', () => {
    // By hand from chinese-days 2026: Sep 30 itself does not count; Oct 1–7 are the National Day holiday (off);
    // Thu Oct 8 = 1st, Fri Oct 9 = 2nd, Sat Oct 10 is a make-up workday (调休上班) = 3rd → close of business 18:00.
    expect(show(addWorkingDays(cal, at('2026-09-30T10:00:00+08:00'), 3))).toBe('2026-10-10T18:00:00+08:00');
    // The 4th is Mon Oct 12 (Sun Oct 11 is an ordinary weekend day).
    expect(show(addWorkingDays(cal, at('2026-09-30T10:00:00+08:00'), 4))).toBe('2026-10-12T18:00:00+08:00');
  });
  test('2025: Oct 1–8 off, Sat Oct 11 worked', () => {
    // After Tue Sep 30: Thu Oct 9, Fri Oct 10, Sat Oct 11 (make-up), Mon Oct 13.
    const from = at('2025-09-30T10:00:00+08:00');
    expect([1, 3, 4].map((n) => show(addWorkingDays(cal, from, n)))).toEqual([
      '2025-10-09T18:00:00+08:00',
      '2025-10-11T18:00:00+08:00',
      '2025-10-13T18:00:00+08:00',
    ]);
    // Sun Sep 28 2025 is a make-up workday too: from Sat Sep 27, the 1st working day is that Sunday.
    expect(show(addWorkingDays(cal, at('2025-09-27T12:00:00+08:00'), 1))).toBe('2025-09-28T18:00:00+08:00');
  });
  test('working hours skip the holiday and count the make-up Saturday', () => {
    // From Sep 30 2025 17:00: 1 h that day, then 9 h on Thu Oct 9, 9 h on Fri Oct 10; the 20th hour is on Sat Oct 11.
    const from = at('2025-09-30T17:00:00+08:00');
    expect(show(addWorkingHours(cal, from, 10))).toBe('2025-10-09T18:00:00+08:00');
    expect(show(addWorkingHours(cal, from, 20))).toBe('2025-10-11T10:00:00+08:00');
    expect(workingMsBetween(cal, from, at('2025-10-11T10:00:00+08:00'))).toBe(20 * H);
  });
});

describe('working hours', () => {
  test('before opening counts from the opening; the lunch break and the weekend are skipped', () => {
    // 09:00–12:00 (3 h) + 1 h after 13:30 → 14:30.
    expect(show(addWorkingHours(lunch, at('2025-11-24T07:00:00+08:00'), 4))).toBe('2025-11-24T14:30:00+08:00');
    expect(show(addWorkingHours(cal, at('2025-11-21T17:00:00+08:00'), 2))).toBe('2025-11-24T10:00:00+08:00'); // Fri → Mon
    expect(workingMsBetween(cal, at('2025-11-21T17:00:00+08:00'), at('2025-11-24T10:00:00+08:00'))).toBe(2 * H);
    expect(workingMsBetween(cal, at('2025-11-24T10:00:00+08:00'), at('2025-11-21T17:00:00+08:00'))).toBe(-2 * H);
    // A deadline exactly at closing stays at closing.
    expect(show(addWorkingHours(lunch, at('2025-11-24T09:00:00+08:00'), 3))).toBe('2025-11-24T12:00:00+08:00');
  });
  test('isOpen is [opening, closing); nextOpening', () => {
    expect(isOpen(lunch, at('2025-11-24T09:00:00+08:00'))).toBe(true);
    expect(isOpen(lunch, at('2025-11-24T12:00:00+08:00'))).toBe(false);
    expect(isOpen(lunch, at('2025-11-24T18:00:00+08:00'))).toBe(false);
    expect(isOpen(lunch, at('2025-10-02T10:00:00+08:00'))).toBe(false); // National Day
    expect(show(nextOpening(lunch, at('2025-11-24T12:10:00+08:00')))).toBe('2025-11-24T13:30:00+08:00');
    expect(show(nextOpening(lunch, at('2025-09-30T18:00:00+08:00')))).toBe('2025-10-09T09:00:00+08:00');
  });
  test('bad input is refused', () => {
    expect(() => addWorkingDays(cal, 0, 0)).toThrow(RangeError);
    expect(() => addWorkingHours(cal, 0, -1)).toThrow(RangeError);
    expect(() => businessCalendar({ timeZone: 'Mars/Base', hours: cal.hours })).toThrow('time zone');
    expect(() => businessCalendar({ timeZone: 'UTC', hours: [{ start: '18:00', end: '09:00' }] })).toThrow('ends before');
    const closed: BusinessCalendar = {
      timeZone: 'UTC',
      hours: cal.hours,
      overrides: { get: (date: string) => ({ date, kind: 'public_holiday' as const }) } as unknown as ReadonlyMap<string, never>,
    };
    expect(() => addWorkingDays(closed, 0, 1)).toThrow('ten years');
  });
  test('the bound object gives the same answers', () => {
    const wc = businessCalendar(lunch);
    const from = at('2026-09-30T10:00:00+08:00');
    expect(wc.addWorkingDays(from, 3)).toBe(addWorkingDays(lunch, from, 3));
    expect(wc.workingMsBetween(from, wc.addWorkingHours(from, 12.5))).toBe(12.5 * H);
    expect(wc.isOpen(from)).toBe(true);
  });
});

describe('a zone with daylight saving (Europe/Berlin) keeps local opening hours', () => {
  const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', hours: parseHours('09:00-17:00') };
  test('Monday after the spring change opens 09:00 CEST = 07:00 UTC', () => {
    // Fri 2026-03-27 16:00 CET (15:00 UTC) + 2 h: 1 h Friday, then Mon 09:00 CEST (+02:00) + 1 h = 08:00 UTC.
    expect(new Date(addWorkingHours(berlin, Date.UTC(2026, 2, 27, 15, 0), 2)).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // Fri 2026-10-23 16:00 CEST (14:00 UTC) + 2 h: Mon Oct 26 09:00 CET = 08:00 UTC, + 1 h = 09:00 UTC.
    expect(new Date(addWorkingHours(berlin, Date.UTC(2026, 9, 23, 14, 0), 2)).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });
  test('on the change days a window spanning 02:00–03:00 has one hour less (spring) or more (autumn)', () => {
    // Overrides make the change Sundays working days; 00:00–06:00 local is 5 real hours in March, 7 in October.
    const overrides = new Map([
      ['2026-03-29', { date: '2026-03-29', kind: 'makeup_workday' as const }],
      ['2026-10-25', { date: '2026-10-25', kind: 'makeup_workday' as const }],
    ]);
    const night: BusinessCalendar = { timeZone: 'Europe/Berlin', hours: parseHours('00:00-06:00'), overrides };
    expect(workingMsBetween(night, Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 2, 29, 12))).toBe(5 * H);
    expect(workingMsBetween(night, Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 9, 25, 12))).toBe(7 * H);
    // 09:00 on the spring Sunday is 07:00 UTC (CEST), not 08:00 UTC.
    const day: BusinessCalendar = { timeZone: 'Europe/Berlin', hours: berlin.hours, overrides };
    expect(new Date(nextOpening(day, Date.UTC(2026, 2, 29, 0))).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('properties', () => {
  const start = at('2025-09-01T00:00:00+08:00');
  const instant = fc.integer({ min: 0, max: 200 * 24 * 60 }).map((m) => start + m * 60_000);
  const duration = fc.integer({ min: 0, max: 60 * 60 }).map((m) => m * 60_000);
  test('adding business time is associative, and workingMsBetween measures it back', () => {
    fc.assert(
      fc.property(instant, duration, duration, (a, x, y) => {
        const ax = addWorkingMs(lunch, a, x);
        expect(workingMsBetween(lunch, a, ax)).toBe(x);
        expect(addWorkingMs(lunch, ax, y)).toBe(addWorkingMs(lunch, a, x + y));
      }),
      { numRuns: 200 },
    );
  });
  test('workingMsBetween is additive over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(workingMsBetween(cal, a, b) + workingMsBetween(cal, b, c)).toBe(workingMsBetween(cal, a, c));
      }),
      { numRuns: 200 },
    );
  });
  test('second method: counting open minutes one by one with isOpen, in Shanghai and in Berlin over a DST change', () => {
    const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', hours: parseHours('08:30-12:00,12:45-17:15') };
    const berlinStart = Date.UTC(2026, 2, 25, 0, 0); // the week of the 2026-03-29 change
    for (const [c, base] of [
      [lunch, at('2025-09-26T00:00:00+08:00')],
      [berlin, berlinStart],
    ] as const) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 6 * 1440 }), fc.integer({ min: 0, max: 4 * 1440 }), (m, len) => {
          const a = base + m * 60_000;
          let open = 0;
          for (let t = a; t < a + len * 60_000; t += 60_000) if (isOpen(c, t)) open++;
          expect(workingMsBetween(c, a, a + len * 60_000)).toBe(open * 60_000);
        }),
        { numRuns: 25 },
      );
    }
  });
  test('addWorkingDays lands on a closing time with n − 1 working days strictly between', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 15 }), (a, n) => {
        const due = DateTime.fromMillis(addWorkingDays(cal, a, n), { zone: cal.timeZone });
        expect(due.toFormat('HH:mm')).toBe('18:00');
        let between = 0;
        for (
          let d = DateTime.fromMillis(a, { zone: cal.timeZone }).startOf('day').plus({ days: 1 });
          d < due.startOf('day');
          d = d.plus({ days: 1 })
        ) {
          if (isWorkingDay(d.toISODate() ?? '')) between++;
        }
        expect(between).toBe(n - 1);
        expect(isWorkingDay(due.toISODate() ?? '')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
