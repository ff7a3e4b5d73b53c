import { DateTime } from 'luxon';

/** The dashboard's windows in the center's zone: yesterday, and the 28 days up to and including it. */
export function dashboardWindows(nowMs: number, timeZone: string) {
  const today = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('day');
  const iso = (d: DateTime) => d.toISODate() ?? '';
  return {
    yesterday: { from: iso(today.minus({ days: 1 })), to: iso(today) },
    trend: { from: iso(today.minus({ days: 28 })), to: iso(today) },
  };
}
