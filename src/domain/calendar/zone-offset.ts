import { DateTime } from 'luxon';

const HOUR = 3_600_000;

/**
 * A zone's UTC offset in each UTC hour, as ms and as `+08:00`, cached for the process: a luxon look-up costs
 * ~10 µs, and reports, deadlines and order numbers ask for the same hours again and again. Deterministic, so a
 * cache is safe; offsets change only on whole hours in the zones a center uses. Unknown zones give NaN.
 */
const OFFSETS = new Map<string, Map<number, { ms: number; text: string }>>();

export function offsetInHour(h: number, timeZone: string): { ms: number; text: string } {
  let zone = OFFSETS.get(timeZone);
  if (!zone) {
    zone = new Map();
    OFFSETS.set(timeZone, zone);
  }
  let o = zone.get(h);
  if (!o) {
    const dt = DateTime.fromMillis(h * HOUR, { zone: timeZone });
    o = { ms: dt.offset * 60_000, text: dt.toFormat('ZZ') };
    zone.set(h, o);
  }
  return o;
}

/**
 * The local day number (days since 1970-01-01) of an instant in a zone.
 * @example localDayNumber(Date.UTC(2026, 10, 23, 16, 30), 'Asia/Shanghai') === Date.UTC(2026, 10, 24) / 86_400_000
 */
export function localDayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetInHour(Math.floor(ms / HOUR), timeZone).ms) / 86_400_000);
}

/** The local date 'YYYY-MM-DD' of an instant in a zone. */
export function localIsoDate(ms: number, timeZone: string): string {
  return new Date(localDayNumber(ms, timeZone) * 86_400_000).toISOString().slice(0, 10);
}
