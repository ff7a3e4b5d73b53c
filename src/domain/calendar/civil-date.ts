/**
 * Civil dates (YYYY-MM-DD) with no zone: a day's arithmetic is whole days, whatever the center's offset. Times of
 * day and zones belong to zone-offset.ts.
 */

const DAY_MS = 86_400_000;

/** The date `days` after `date` (negative: before). @example addDays('2026-09-30', 2) // '2026-10-02' */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `a` to `b`. @example dayDiff('2026-12-01', '2026-12-03') // 2 */
export const dayDiff = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** ISO weekday, 1 = Monday … 7 = Sunday. @example isoWeekday('2026-12-07') // 1 */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
