import { DateTime } from 'luxon';

/** Quick picks of the report filters: 今天 昨天 本周 上周 本月 上月. */
export const DATE_PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** A report range of center-local dates: `from` is the first day, `to` the day after the last (exclusive), as the API takes them. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The day range of a quick pick, counted from `today` (YYYY-MM-DD on the center's calendar). Weeks start on
 * Monday (ISO 8601, as the API's week interval and Chinese practice do); "this week/month" run to the end
 * of today, since later days have no calls yet.
 * @example presetRange('lastWeek', '2026-11-25') // { from: '2026-11-16', to: '2026-11-23' } (Mon–Sun before Wed 25th's week)
 */
export function presetRange(preset: DatePreset, today: string): DayRange {
  const d = DateTime.fromISO(today, { zone: 'UTC' });
  if (!d.isValid) throw new RangeError(`not a date: ${today}`);
  const iso = (x: DateTime) => x.toISODate() as string;
  const tomorrow = d.plus({ days: 1 });
  const monday = d.startOf('week'); // luxon weeks are ISO weeks: Monday first
  const first = d.startOf('month');
  switch (preset) {
    case 'today':
      return { from: iso(d), to: iso(tomorrow) };
    case 'yesterday':
      return { from: iso(d.minus({ days: 1 })), to: iso(d) };
    case 'thisWeek':
      return { from: iso(monday), to: iso(tomorrow) };
    case 'lastWeek':
      return { from: iso(monday.minus({ weeks: 1 })), to: iso(monday) };
    case 'thisMonth':
      return { from: iso(first), to: iso(tomorrow) };
    case 'lastMonth':
      return { from: iso(first.minus({ months: 1 })), to: iso(first) };
  }
}

/** Today's date on the center's clock (the browser's own zone may differ). */
export function todayIn(timeZone: string, nowMs: number): string {
  return DateTime.fromMillis(nowMs, { zone: timeZone }).toISODate() as string;
}

/** `n` days ending yesterday: [today − n, today). */
export function lastDays(n: number, today: string): DayRange {
  const d = DateTime.fromISO(today, { zone: 'UTC' });
  return { from: d.minus({ days: n }).toISODate() as string, to: today };
}

/** The last day shown in the filter (people pick the last day they want) from the API's exclusive `to`. */
export function lastDayOf(to: string): string {
  return DateTime.fromISO(to, { zone: 'UTC' }).minus({ days: 1 }).toISODate() as string;
}

/** The API's exclusive `to` from the last day picked. */
export function dayAfter(lastDay: string): string {
  return DateTime.fromISO(lastDay, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as string;
}

/** Which quick pick (if any) a range equals, so its button shows as chosen. */
export function presetOf(range: DayRange, today: string): DatePreset | null {
  return (
    DATE_PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}
