import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { intervalStarter, isoFormatter, isoInZone } from './interval-bucket.ts';

describe('intervalStarter', () => {
  it('cuts 15-minute intervals on the Beijing clock', () => {
    const start = intervalStarter(15, 'Asia/Shanghai');
    // 09:14:59+08:00 belongs to 09:00, 09:15:00 to 09:15.
    expect(isoInZone(start(Date.UTC(2026, 0, 5, 1, 14, 59)), 'Asia/Shanghai')).toBe('2026-01-05T09:00:00+08:00');
    expect(isoInZone(start(Date.UTC(2026, 0, 5, 1, 15, 0)), 'Asia/Shanghai')).toBe('2026-01-05T09:15:00+08:00');
  });
  it('starts days at local midnight, weeks on Monday, months on the 1st', () => {
    const t = Date.UTC(2026, 0, 7, 17, 30); // Thu 2026-01-08 01:30+08:00
    expect(isoInZone(intervalStarter('day', 'Asia/Shanghai')(t), 'Asia/Shanghai')).toBe('2026-01-08T00:00:00+08:00');
    expect(isoInZone(intervalStarter('week', 'Asia/Shanghai')(t), 'Asia/Shanghai')).toBe('2026-01-05T00:00:00+08:00');
    expect(isoInZone(intervalStarter('month', 'Asia/Shanghai')(t), 'Asia/Shanghai')).toBe('2026-01-01T00:00:00+08:00');
  });
  it('agrees with luxon for any instant, also across a DST change (Europe/Berlin)', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
      const s30 = intervalStarter(30, zone);
      const day = intervalStarter('day', zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }), (ms) => {
          const dt = DateTime.fromMillis(ms, { zone });
          const ref = dt.set({ minute: dt.minute - (dt.minute % 30), second: 0, millisecond: 0 }).toMillis();
          expect(s30(ms)).toBe(ref);
          expect(day(ms)).toBe(dt.startOf('day').toMillis());
        }),
        { numRuns: 300 },
      );
    }
  });
  it('the fast formatter writes what luxon writes', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'UTC']) {
      const f = isoFormatter(zone);
      fc.assert(
        fc.property(fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }), (s) => {
          expect(f(s * 1000)).toBe(isoInZone(s * 1000, zone).replace('Z', '+00:00'));
        }),
        { numRuns: 200 },
      );
    }
  });
});
