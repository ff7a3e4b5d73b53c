import { DateTime } from 'luxon';
import type { DaySeries } from './series.ts';

/**
 * A planner's change on top of the model for a known event (大面积故障 an outage, 新业务出台 a new policy, a
 * campaign), recorded with who and why.
 * - `from`/`to` as local dates (YYYY-MM-DD): whole days, both inclusive; `absolute` is extra calls per day.
 * - `from`/`to` as instants (ISO 8601 with offset): the intervals starting in [from, to); `absolute` is extra
 *   calls over that whole span.
 * `percent`: +20 means 20 % more, −30 means 30 % fewer. Absolute changes are spread in proportion to the forecast
 * (evenly where the forecast is zero); no interval goes below zero calls.
 */
export interface Adjustment {
  from: string;
  to: string;
  kind: 'percent' | 'absolute';
  value: number;
  reason: string;
  author: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// An instant must carry its offset: a bare local time would be read in the machine's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

/** Which intervals of the horizon an adjustment covers: a list of groups (one per day, or one for an instant span). */
function coveredGroups(
  adj: Adjustment,
  dates: readonly string[],
  series: Pick<DaySeries, 'timeZone' | 'intervalMinutes' | 'slotsPerDay'>,
): [number, number][][] {
  if (DATE.test(adj.from) && DATE.test(adj.to)) {
    return dates.flatMap((date, d) =>
      date >= adj.from && date <= adj.to
        ? [Array.from({ length: series.slotsPerDay }, (_, s) => [d, s] as [number, number])]
        : [],
    );
  }
  const from = DateTime.fromISO(adj.from, { setZone: true });
  const to = DateTime.fromISO(adj.to, { setZone: true });
  if (!INSTANT.test(adj.from) || !INSTANT.test(adj.to) || !from.isValid || !to.isValid)
    throw new RangeError(
      `adjustment "${adj.reason}": from/to must both be dates (YYYY-MM-DD) or both instants (ISO 8601), got ${adj.from} – ${adj.to}`,
    );
  const group: [number, number][] = [];
  dates.forEach((date, d) => {
    const start = DateTime.fromISO(date, { zone: series.timeZone });
    for (let s = 0; s < series.slotsPerDay; s++) {
      const t = start.plus({ minutes: s * series.intervalMinutes }).toMillis();
      if (t >= from.toMillis() && t < to.toMillis()) group.push([d, s]);
    }
  });
  return group.length ? [group] : [];
}

/** The forecast `calls[day][slot]` with the adjustments applied in order (a new array; the input is not changed). */
export function applyAdjustments(
  calls: readonly (readonly number[])[],
  dates: readonly string[],
  series: Pick<DaySeries, 'timeZone' | 'intervalMinutes' | 'slotsPerDay'>,
  adjustments: readonly Adjustment[],
): number[][] {
  const out = calls.map((day) => [...day]);
  for (const adj of adjustments) {
    for (const group of coveredGroups(adj, dates, series)) {
      const total = group.reduce((acc, [d, s]) => acc + out[d]![s]!, 0);
      for (const [d, s] of group) {
        const v = out[d]![s]!;
        const share = total > 0 ? v / total : 1 / group.length;
        out[d]![s] = Math.max(0, adj.kind === 'percent' ? v * (1 + adj.value / 100) : v + adj.value * share);
      }
    }
  }
  return out;
}
