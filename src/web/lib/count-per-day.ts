import { DateTime } from 'luxon';

/**
 * How many instants fall on each local day of `timeZone`, days in ascending order; days without any are
 * left out. An instant at 2026-01-01T17:00Z is 2026-01-02 01:00 in Asia/Shanghai, so it counts on the 2nd.
 * @example countPerDay(['2026-01-01T15:00:00Z', '2026-01-01T17:00:00Z'], 'Asia/Shanghai')
 *   // [{ day: '2026-01-01', count: 1 }, { day: '2026-01-02', count: 1 }]
 */
export function countPerDay(instants: readonly string[], timeZone: string): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const at of instants) {
    const day = DateTime.fromISO(at, { zone: timeZone }).toISODate();
    if (day) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count }));
}
