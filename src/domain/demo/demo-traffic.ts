import { dayInfo, dayOfWeek } from '../calendar/day-kind.ts';

/**
 * The demo center's expected calls: a double-peak (M-shaped) intraday curve — morning peak around 10:15,
 * lunch dip, afternoon peak around 15:15, evening shoulder — times a day factor for the weekday and for
 * Chinese public holidays (low), make-up workdays (a normal weekday) and the first workday after a holiday (high).
 */
const gauss = (t: number, mu: number, sigma: number) => Math.exp(-((t - mu) ** 2) / (2 * sigma * sigma));

/** Share of a day's calls in each interval of `intervalMinutes`; sums to 1. */
export function intradayShares(intervalMinutes: number): number[] {
  const n = Math.round((24 * 60) / intervalMinutes);
  const w = Array.from({ length: n }, (_, i) => {
    const t = ((i + 0.5) * intervalMinutes) / 60;
    return 0.02 + gauss(t, 10.25, 1.25) + 0.85 * gauss(t, 15.25, 1.5) + 0.28 * gauss(t, 20, 1.3);
  });
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

const WEEKDAY_FACTOR = [0.5, 1.12, 1.05, 1.0, 0.98, 0.95, 0.55]; // Sunday … Saturday

/** Calls on `date` relative to an ordinary Wednesday. */
export function dayFactor(date: string): number {
  const info = dayInfo(date);
  if (info.kind === 'public_holiday') return 0.38;
  if (info.kind === 'makeup_workday') return 1.05;
  const prev = previousDate(date);
  const prevKind = dayInfo(prev).kind;
  // The first working day after a holiday brings the calls that waited.
  if (info.kind === 'workday' && prevKind === 'public_holiday') return 1.3;
  return WEEKDAY_FACTOR[dayOfWeek(date)] ?? 1;
}

export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Expected calls per interval of one day for a queue with `weekdayCalls` on an ordinary weekday. */
export function expectedCalls(date: string, weekdayCalls: number, intervalMinutes: number): number[] {
  const f = dayFactor(date) * weekdayCalls;
  return intradayShares(intervalMinutes).map((s) => s * f);
}
