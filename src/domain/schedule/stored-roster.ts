import { DateTime } from 'luxon';
import type { RosterEntry } from './roster.ts';
import type { ShiftVariant } from './types.ts';

/** A schedule assignment as stored: shift 'template·skillGroup', segments and breaks as ISO times with offset. */
export interface StoredShift {
  agent: string;
  date: string;
  shift: string;
  segments: { start: string; end: string }[];
  breaks: { start: string; end: string; paid: boolean }[];
}

/** Minutes of an ISO time from the local midnight of `date` (past 1440 for a shift that crosses midnight). */
const minuteOf = (iso: string, date: string, zone: string) =>
  Math.round(DateTime.fromISO(iso, { zone }).diff(DateTime.fromISO(date, { zone }), 'minutes').minutes);

/** The ISO time `minute` minutes after the local midnight of `date`. */
export const isoAt = (date: string, minute: number, zone: string) =>
  DateTime.fromISO(date, { zone }).plus({ minutes: minute }).toISO({ suppressMilliseconds: true }) ?? '';

/** A stored assignment back as a roster entry the rule checker reads; null when its date is outside `dates`. */
export function entryFromStored(s: StoredShift, dates: readonly string[], zone: string): RosterEntry | null {
  const dayIndex = dates.indexOf(s.date);
  return dayIndex < 0 ? null : entryOnDay(s, dayIndex, zone);
}

/** Whole days from `from` to `to` (YYYY-MM-DD): negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Stored assignments of a neighbouring schedule as entries of the period starting on `firstDate`: dayIndex −1 is
 * the day before it, dates.length the day after its last (for CheckContext.neighbours and the builder's `previous`).
 */
export function neighbourEntries(stored: readonly StoredShift[], firstDate: string, zone: string): RosterEntry[] {
  return stored.map((s) => entryOnDay(s, daysBetween(firstDate, s.date), zone));
}

/** A stored assignment as the entry of day `dayIndex` (its own date's minutes). */
function entryOnDay(s: StoredShift, dayIndex: number, zone: string): RosterEntry {
  const [template = s.shift, skillGroup = ''] = s.shift.split('·');
  const segments = s.segments.map((g) => ({ start: minuteOf(g.start, s.date, zone), end: minuteOf(g.end, s.date, zone) }));
  const breaks = s.breaks.map((b) => ({
    start: minuteOf(b.start, s.date, zone),
    end: minuteOf(b.end, s.date, zone),
    paid: b.paid,
  }));
  const worked = segments.reduce((n, g) => n + g.end - g.start, 0);
  const unpaid = breaks.filter((b) => !b.paid).reduce((n, b) => n + b.end - b.start, 0);
  const variant: ShiftVariant = {
    id: `${template}@${s.date}@${segments[0]?.start ?? 0}`,
    template,
    date: s.date,
    segments,
    breaks,
    paidMinutes: worked - unpaid,
  };
  return { agent: s.agent, skillGroup, dayIndex, variant };
}

/** A roster entry as stored. */
export function storedFromEntry(e: RosterEntry, zone: string): StoredShift {
  const d = e.variant.date;
  return {
    agent: e.agent,
    date: d,
    shift: `${e.variant.template}·${e.skillGroup}`,
    segments: e.variant.segments.map((g) => ({ start: isoAt(d, g.start, zone), end: isoAt(d, g.end, zone) })),
    breaks: e.variant.breaks.map((b) => ({ start: isoAt(d, b.start, zone), end: isoAt(d, b.end, zone), paid: b.paid })),
  };
}
