import { DateTime, IANAZone } from 'luxon';
import { type DayOverride, isWorkingDay } from './day-kind.ts';
import { minutesOfDay, type OpeningWindow, validateHours } from './opening-hours.ts';
import { localDayNumber, localIsoDate } from './zone-offset.ts';

/**
 * A business calendar (营业日历): opening hours on working days, in a time zone. Working days are weekdays that are
 * no public holiday, plus make-up workdays (调休上班), from {@link isWorkingDay} (chinese-days + the overrides).
 * Instants are UTC epoch milliseconds; days and opening times are local to `timeZone`, so a zone with daylight
 * saving keeps its local opening hours.
 */
export interface BusinessCalendar {
  timeZone: string;
  hours: readonly OpeningWindow[];
  overrides?: ReadonlyMap<string, DayOverride>;
}

/** An opening window of one date as instants, [start, end). */
export interface OpenInterval {
  start: number;
  end: number;
}

// Safety stop: a calendar whose overrides close every day for ten years is a configuration error.
const MAX_DAYS = 3660;

// Windows per local date, per calendar object, keyed by day number (days since 1970-01-01): chinese-days and luxon
// are the slow part, and a due list over a backlog walks the same dates again and again.
const cache = new WeakMap<BusinessCalendar, Map<number, OpenInterval[]>>();
const DAY_MS = 86_400_000;

function cacheOf(cal: BusinessCalendar): Map<number, OpenInterval[]> {
  let c = cache.get(cal);
  if (!c) {
    if (!IANAZone.isValidZone(cal.timeZone)) throw new RangeError(`unknown IANA time zone "${cal.timeZone}"`);
    validateHours(cal.hours);
    c = new Map();
    cache.set(cal, c);
  }
  return c;
}

/** The local date 'YYYY-MM-DD' of an instant in the calendar's zone. */
export function localDate(cal: BusinessCalendar, ms: number): string {
  return localIsoDate(ms, cal.timeZone);
}

/** The date after `iso` (plain calendar arithmetic). */
export function nextDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function localInstant(zone: string, iso: string, minutes: number): number {
  // 24:00 is the next midnight; a local time skipped by a DST change moves forward (luxon's rule).
  const day = minutes === 1440 ? nextDate(iso) : iso;
  const m = minutes % 1440;
  const [y, mo, d] = day.split('-').map(Number);
  return DateTime.fromObject({ year: y, month: mo, day: d, hour: Math.floor(m / 60), minute: m % 60 }, { zone }).toMillis();
}

/** The local day number (days since 1970-01-01) of an instant in the calendar's zone. */
function localDay(cal: BusinessCalendar, ms: number): number {
  return localDayNumber(ms, cal.timeZone);
}

/** The opening windows of one local date as instants; empty on a day off. */
export function windowsOn(cal: BusinessCalendar, iso: string): OpenInterval[] {
  return windowsOnDay(cal, Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function windowsOnDay(cal: BusinessCalendar, day: number): OpenInterval[] {
  const c = cacheOf(cal);
  let w = c.get(day);
  if (!w) {
    const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    w = !isWorkingDay(iso, cal.overrides)
      ? []
      : cal.hours
          .map((h) => ({
            start: localInstant(cal.timeZone, iso, minutesOfDay(h.start)),
            end: localInstant(cal.timeZone, iso, minutesOfDay(h.end)),
          }))
          .filter((x) => x.end > x.start);
    c.set(day, w);
  }
  return w;
}

/**
 * Deadline N working days after `fromMs`: the close of business on the N-th working day after the local day of
 * `fromMs` (that day itself does not count, whatever the time).
 * @example From Wed 2026-09-30 10:00 +08:00, 3 working days, 09:00–18:00: Oct 1–7 are the National Day holiday,
 * Thu Oct 8 and Fri Oct 9 are working days, Sat Oct 10 is a make-up workday → due 2026-10-10 18:00 +08:00.
 */
export function addWorkingDays(cal: BusinessCalendar, fromMs: number, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  const first = localDay(cal, fromMs);
  let counted = 0;
  for (let day = first + 1; day <= first + MAX_DAYS; day++) {
    const w = windowsOnDay(cal, day);
    if (w.length > 0 && ++counted === n) return w[w.length - 1]!.end;
  }
  throw new RangeError('no working day found within ten years: check the calendar overrides');
}

/**
 * The instant after `hours` of business time counted from `fromMs`; time before opening, in a break or after
 * closing counts from the next opening. A deadline that falls exactly on a closing time stays there.
 * @example From Friday 17:00 with 09:00–18:00 and 2 h: 1 h on Friday, 1 h on Monday → Monday 10:00.
 */
export function addWorkingHours(cal: BusinessCalendar, fromMs: number, hours: number): number {
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError(`working hours must be a positive number, got ${hours}`);
  return addWorkingMs(cal, fromMs, Math.round(hours * 3_600_000));
}

/** {@link addWorkingHours} in milliseconds (0 is allowed and returns `fromMs`). */
export function addWorkingMs(cal: BusinessCalendar, fromMs: number, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`working time must be ≥ 0, got ${ms}`);
  if (ms === 0) return fromMs;
  let remaining = ms;
  const first = localDay(cal, fromMs);
  for (let day = first; day <= first + MAX_DAYS; day++) {
    for (const w of windowsOnDay(cal, day)) {
      const start = Math.max(w.start, fromMs);
      if (start >= w.end) continue;
      const available = w.end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
  throw new RangeError('no working time found within ten years: check the calendar overrides');
}

/**
 * Business time between two instants in milliseconds: the remaining time to a deadline, or how far past it an
 * order is. Negative when `b` is before `a`.
 * @example 09:00–18:00, from Friday 17:00 to Monday 10:00 → 2 h = 7 200 000 ms.
 */
export function workingMsBetween(cal: BusinessCalendar, a: number, b: number): number {
  if (b < a) return 0 - workingMsBetween(cal, b, a); // 0 − x, not −x: no −0 for an empty span
  let total = 0;
  const last = localDay(cal, b);
  for (let day = localDay(cal, a); day <= last; day++) {
    for (const w of windowsOnDay(cal, day)) total += Math.max(0, Math.min(w.end, b) - Math.max(w.start, a));
  }
  return total;
}

/** Is the center open at this instant? (windows are [start, end): open at 09:00, closed at 18:00) */
export function isOpen(cal: BusinessCalendar, ms: number): boolean {
  return windowsOnDay(cal, localDay(cal, ms)).some((w) => ms >= w.start && ms < w.end);
}

/** The next instant at or after `ms` when the center is open. */
export function nextOpening(cal: BusinessCalendar, ms: number): number {
  const first = localDay(cal, ms);
  for (let day = first; day <= first + MAX_DAYS; day++) {
    for (const w of windowsOnDay(cal, day)) if (w.end > ms) return Math.max(w.start, ms);
  }
  throw new RangeError('no opening found within ten years: check the calendar overrides');
}

/** The calendar as an object with the calendar bound, for code that passes one calendar around. */
export interface WorkingCalendar extends BusinessCalendar {
  addWorkingDays(fromMs: number, n: number): number;
  addWorkingHours(fromMs: number, hours: number): number;
  workingMsBetween(aMs: number, bMs: number): number;
  isOpen(ms: number): boolean;
  nextOpening(ms: number): number;
}

/**
 * Builds a {@link WorkingCalendar}; checks the zone and hours at once (RangeError).
 * @example businessCalendar({ timeZone: 'Asia/Shanghai', hours: parseHours('09:00-18:00') }).addWorkingDays(from, 3)
 */
export function businessCalendar(spec: BusinessCalendar): WorkingCalendar {
  const cal: BusinessCalendar = { timeZone: spec.timeZone, hours: [...spec.hours], overrides: spec.overrides };
  cacheOf(cal);
  return {
    ...cal,
    addWorkingDays: (fromMs, n) => addWorkingDays(cal, fromMs, n),
    addWorkingHours: (fromMs, hours) => addWorkingHours(cal, fromMs, hours),
    workingMsBetween: (a, b) => workingMsBetween(cal, a, b),
    isOpen: (ms) => isOpen(cal, ms),
    nextOpening: (ms) => nextOpening(cal, ms),
  };
}
