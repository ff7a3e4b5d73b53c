import { describe, expect, test } from 'vitest';
import { firstFreeMonday, lastDay, publishedOverlaps } from './schedule-periods.ts';

const fortnight = { name: '2026-11-30 起 2 周', start: '2026-11-30', weeks: 2 }; // Mon 11-30 … Sun 12-13

describe('a period against the published schedules', () => {
  test('the last day is included: two weeks from Monday end on the second Sunday', () => {
    expect(lastDay(fortnight)).toBe('2026-12-13');
  });

  test('adjacent on either side is no overlap: the week before and the week after', () => {
    expect(publishedOverlaps({ start: '2026-12-14', weeks: 1 }, [fortnight])).toEqual([]);
    expect(publishedOverlaps({ start: '2026-11-23', weeks: 1 }, [fortnight])).toEqual([]);
  });

  test('one shared day overlaps, at either end', () => {
    // From Sunday 12-13, the fortnight's last day.
    expect(publishedOverlaps({ start: '2026-12-13', weeks: 1 }, [fortnight])).toEqual([
      { name: fortnight.name, from: '2026-12-13', to: '2026-12-13', days: 1 },
    ]);
    // Tue 11-24 … Mon 11-30: its last day is the fortnight's first.
    expect(publishedOverlaps({ start: '2026-11-24', weeks: 1 }, [fortnight])).toEqual([
      { name: fortnight.name, from: '2026-11-30', to: '2026-11-30', days: 1 },
    ]);
  });

  test('a period inside one and across two: the shared days of each, by first shared day', () => {
    expect(publishedOverlaps({ start: '2026-12-07', weeks: 1 }, [fortnight])).toEqual([
      { name: fortnight.name, from: '2026-12-07', to: '2026-12-13', days: 7 },
    ]);
    const after = { name: 'B', start: '2026-12-14', weeks: 1 };
    // Wed 12-09 … Tue 12-22 across the fortnight's end and all of B.
    expect(publishedOverlaps({ start: '2026-12-09', weeks: 2 }, [after, fortnight])).toEqual([
      { name: fortnight.name, from: '2026-12-09', to: '2026-12-13', days: 5 },
      { name: 'B', from: '2026-12-14', to: '2026-12-20', days: 7 },
    ]);
  });
});

describe('the start a new schedule is offered', () => {
  test('nothing published: the next Monday (a week on when today is a Monday)', () => {
    expect(firstFreeMonday([], '2026-12-02')).toBe('2026-12-07');
    expect(firstFreeMonday([], '2026-12-06')).toBe('2026-12-07');
    expect(firstFreeMonday([], '2026-12-07')).toBe('2026-12-14');
  });

  test('the Monday after the last published day: after the demo’s fortnight of this week and the next', () => {
    expect(firstFreeMonday([fortnight], '2026-12-02')).toBe('2026-12-14');
    // The latest end counts, whatever the order; one ending mid-week gives the Monday after it.
    expect(firstFreeMonday([{ start: '2026-12-10', weeks: 1 }, fortnight], '2026-12-02')).toBe('2026-12-21');
  });

  test('published schedules that end before the next Monday: the next Monday', () => {
    expect(firstFreeMonday([{ start: '2026-11-23', weeks: 1 }], '2026-12-02')).toBe('2026-12-07');
  });
});
