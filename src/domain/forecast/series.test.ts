import { describe, expect, test } from 'vitest';
import { type HistoryError, headDays, horizonDates, slotStart, toDaySeries } from './series.ts';

const sh = (iso: string) => Date.parse(iso);

describe('toDaySeries', () => {
  test('lays intervals out by local day; missing intervals are zero calls', () => {
    const s = toDaySeries(
      [
        { intervalStart: sh('2025-10-09T00:00:00+08:00'), offered: 3, ahtSeconds: 200 },
        { intervalStart: sh('2025-10-10T23:00:00+08:00'), offered: 7 },
      ],
      60,
      'Asia/Shanghai',
    );
    expect(s.dates).toEqual(['2025-10-09', '2025-10-10']);
    expect(s.slotsPerDay).toBe(24);
    expect(s.calls[0]![0]).toBe(3);
    expect(s.aht[0]![0]).toBe(200);
    expect(s.calls[1]![23]).toBe(7);
    expect(s.calls[0]!.reduce((a, b) => a + b, 0) + s.calls[1]!.reduce((a, b) => a + b, 0)).toBe(10);
    expect(horizonDates(s, 2)).toEqual(['2025-10-11', '2025-10-12']);
    expect(slotStart(s, '2025-10-11', 10)).toBe(sh('2025-10-11T10:00:00+08:00'));
    expect(headDays(s, 1).dates).toEqual(['2025-10-09']);
  });
  test('refuses what would make a forecast silently wrong, naming the row', () => {
    const t0 = sh('2025-11-03T00:00:00+08:00');
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as HistoryError;
      }
      throw new Error('no error');
    };
    const dup = err(() =>
      toDaySeries(
        [
          { intervalStart: t0, offered: 1 },
          { intervalStart: t0 + 1_800_000, offered: 1 },
          { intervalStart: t0, offered: 2 },
        ],
        30,
        'Asia/Shanghai',
      ),
    );
    expect(dup.message).toMatch(/twice/);
    expect(dup.index).toBe(2);
    expect(err(() => toDaySeries([{ intervalStart: t0, offered: -1 }], 30, 'Asia/Shanghai')).message).toMatch(/≥ 0/);
    expect(err(() => toDaySeries([{ intervalStart: t0, offered: Number.NaN }], 30, 'Asia/Shanghai')).message).toMatch(/≥ 0/);
    expect(err(() => toDaySeries([{ intervalStart: t0 + 60_000, offered: 1 }], 30, 'Asia/Shanghai')).message).toMatch(/grid/);
    expect(err(() => toDaySeries([{ intervalStart: t0, offered: 1 }], 25, 'Asia/Shanghai')).message).toMatch(/divide a day/);
    expect(err(() => toDaySeries([], 30, 'Asia/Shanghai')).message).toMatch(/empty/);
  });
  test('a zone with daylight saving is refused on the day the clocks change', () => {
    // Berlin: 2025-03-30 has 23 hours.
    const pts = [
      { intervalStart: sh('2025-03-29T00:00:00+01:00'), offered: 1 },
      { intervalStart: sh('2025-03-31T00:00:00+02:00'), offered: 1 },
    ];
    expect(() => toDaySeries(pts, 30, 'Europe/Berlin')).toThrow(/2025-03-30 is not 24 hours/);
    // The same zone in a month without a change is fine.
    expect(toDaySeries([{ intervalStart: sh('2025-06-02T00:00:00+02:00'), offered: 1 }], 30, 'Europe/Berlin').dates).toEqual([
      '2025-06-02',
    ]);
  });
});
