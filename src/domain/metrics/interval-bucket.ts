import { DateTime } from 'luxon';
import { offsetInHour } from '../calendar/zone-offset.ts';

/** Report interval: minutes within a day (15, 30, 60) or a calendar period of the center's zone. */
export type IntervalSpec = 15 | 30 | 60 | 'day' | 'week' | 'month';

const HOUR = 3_600_000;

/**
 * Maps an instant to the start (epoch ms) of its interval in `timeZone`. Minute intervals are cut on
 * the local clock (09:00, 09:15 … in Asia/Shanghai), days at local midnight, weeks on Monday (ISO 8601),
 * months on the 1st. The zone's UTC offset is looked up once per UTC hour and cached, because this runs
 * once per contact; offsets change only on whole hours in the zones a center uses.
 *
 * @example intervalStarter(15, 'Asia/Shanghai')(Date.UTC(2026, 0, 5, 1, 7)) // 09:07+08:00 → Date.UTC(2026, 0, 5, 1, 0)
 */
export function intervalStarter(interval: IntervalSpec, timeZone: string): (ms: number) => number {
  const offsetAt = (ms: number): number => offsetInHour(Math.floor(ms / HOUR), timeZone).ms;
  if (typeof interval === 'number') {
    const size = interval * 60_000;
    return (ms) => {
      const off = offsetAt(ms);
      return Math.floor((ms + off) / size) * size - off;
    };
  }
  const unit = interval;
  const periods = new Map<number, number>();
  return (ms) => {
    const localDay = Math.floor((ms + offsetAt(ms)) / 86_400_000);
    let start = periods.get(localDay);
    if (start === undefined) {
      start = DateTime.fromMillis(ms, { zone: timeZone })
        .startOf(unit === 'week' ? 'week' : unit)
        .toMillis();
      periods.set(localDay, start);
    }
    return start;
  };
}

/** ISO 8601 with the zone's offset, e.g. `2026-01-05T09:00:00+08:00`. */
export function isoInZone(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

/**
 * A fast {@link isoInZone} for whole seconds (report rows): the offset is looked up once per UTC hour
 * and the text built from the shifted instant, instead of a luxon object per row.
 */
export function isoFormatter(timeZone: string): (ms: number) => string {
  return (ms) => {
    const o = offsetInHour(Math.floor(ms / HOUR), timeZone);
    return `${new Date(ms + o.ms).toISOString().slice(0, 19)}${o.text}`;
  };
}

/** The start of the interval after the one starting at `start` (local calendar arithmetic for periods). */
export function nextIntervalStart(interval: IntervalSpec, timeZone: string): (start: number) => number {
  if (typeof interval === 'number') return (start) => start + interval * 60_000;
  const unit = interval === 'day' ? 'days' : interval === 'week' ? 'weeks' : 'months';
  return (start) =>
    DateTime.fromMillis(start, { zone: timeZone })
      .plus({ [unit]: 1 })
      .toMillis();
}
