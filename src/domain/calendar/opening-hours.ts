/**
 * Opening hours of a working day: one or more windows 'HH:MM'–'HH:MM' in the center's local time.
 * A lunch break is two windows (09:00–12:00, 13:30–18:00); '24:00' closes at the next midnight.
 */
export interface OpeningWindow {
  start: string;
  end: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after midnight of 'HH:MM' (00:00–24:00). @example minutesOfDay('13:30') === 810 */
export function minutesOfDay(hhmm: string): number {
  if (!HHMM.test(hhmm)) throw new RangeError(`not a time HH:MM (00:00–24:00): "${hhmm}"`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Checks the windows: well-formed, each start before its end, in time order and not overlapping. */
export function validateHours(hours: readonly OpeningWindow[]): void {
  if (hours.length === 0) throw new RangeError('at least one opening window is needed');
  let last = -1;
  for (const h of hours) {
    const s = minutesOfDay(h.start);
    const e = minutesOfDay(h.end);
    if (e <= s) throw new RangeError(`window ${h.start}-${h.end} ends before it starts`);
    if (s < last) throw new RangeError(`window ${h.start}-${h.end} overlaps the one before or is out of order`);
    last = e;
  }
}

/**
 * Parses '09:00-12:00,13:30-18:00' into windows and validates them.
 * @example parseHours('09:00-18:00') → [{ start: '09:00', end: '18:00' }]
 */
export function parseHours(text: string): OpeningWindow[] {
  const hours = text.split(',').map((part) => {
    const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m) throw new RangeError(`"${part.trim()}" is not a window HH:MM-HH:MM`);
    return { start: m[1]!.padStart(5, '0'), end: m[2]!.padStart(5, '0') };
  });
  validateHours(hours);
  return hours;
}

/** Business minutes in one working day of these windows. @example openMinutesPerDay(parseHours('09:00-12:00,13:30-18:00')) === 450 */
export function openMinutesPerDay(hours: readonly OpeningWindow[]): number {
  return hours.reduce((sum, h) => sum + minutesOfDay(h.end) - minutesOfDay(h.start), 0);
}
