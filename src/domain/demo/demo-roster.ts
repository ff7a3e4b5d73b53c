/** A logged-in span, seconds from the start of the history. */
export interface RosterShift {
  startSeconds: number;
  endSeconds: number;
}

export interface DemoRosterOptions {
  intervalSeconds: number;
  intervalsPerDay: number;
  /** How many people the skill group has. */
  people: number;
  /** ISO weekday (1 = Monday) of the history's first day: weeks run Monday to Sunday. */
  firstWeekday: number;
  /** Shift length in intervals (default 16: 8 hours at 30 minutes). */
  shiftIntervals?: number;
  /** Rest between two shifts of one person, in intervals (default 22: 11 hours). */
  minRestIntervals?: number;
  /** Working days a week a person is given before anyone works a sixth (default 5). */
  maxDaysPerWeek?: number;
}

interface Person {
  /** Interval index where the current or last shift ends; -Infinity before the first. */
  lastEnd: number;
  lastStartDay: number;
  /** Slot of the day the person last started at: people keep to similar hours. */
  lastStartSlot: number;
  daysInWeek: Map<number, number>;
}

/**
 * The demo's people on staggered 8-hour shifts that give each interval at least the agents it needs, the way a
 * floor is staffed: in time order, whenever fewer people are logged in than the interval needs, the missing ones
 * start a shift there. The one chosen to start is free (not on shift, rested `minRestIntervals` since the last
 * shift, not yet started today), has worked the fewest days this week (at most `maxDaysPerWeek`, one more only when
 * nobody else can), then keeps nearest to the hour they last started at. When nobody can start, the interval stays
 * short, as a real floor would. Returns each person's shifts.
 *
 * @example need [1, 1, 2, 1] with 8-hour shifts → person 0 from interval 0, person 1 from interval 2
 */
export function demoRoster(need: readonly number[], options: DemoRosterOptions): RosterShift[][] {
  const len = options.shiftIntervals ?? 16;
  const rest = options.minRestIntervals ?? 22;
  const maxDays = options.maxDaysPerWeek ?? 5;
  const perDay = options.intervalsPerDay;
  const people: Person[] = Array.from({ length: options.people }, () => ({
    lastEnd: Number.NEGATIVE_INFINITY,
    lastStartDay: -1,
    lastStartSlot: -1,
    daysInWeek: new Map(),
  }));
  const shifts: RosterShift[][] = people.map(() => []);
  const ending = new Array<number>(need.length + len + 1).fill(0);
  let active = 0;
  for (let i = 0; i < need.length; i++) {
    active -= ending[i] ?? 0;
    const day = Math.floor(i / perDay);
    const week = Math.floor((day + options.firstWeekday - 1) / 7);
    while (active < (need[i] ?? 0)) {
      const p =
        pick(people, { i, day, week, slot: i % perDay, rest, maxDays }) ??
        pick(people, { i, day, week, slot: i % perDay, rest, maxDays: maxDays + 1 });
      if (p === null) break;
      const person = people[p] as Person;
      const end = Math.min(i + len, need.length);
      person.lastEnd = end;
      person.lastStartDay = day;
      person.lastStartSlot = i % perDay;
      person.daysInWeek.set(week, (person.daysInWeek.get(week) ?? 0) + 1);
      shifts[p]?.push({ startSeconds: i * options.intervalSeconds, endSeconds: end * options.intervalSeconds });
      ending[end] = (ending[end] ?? 0) + 1;
      active++;
    }
  }
  return shifts;
}

function pick(
  people: readonly Person[],
  at: { i: number; day: number; week: number; slot: number; rest: number; maxDays: number },
): number | null {
  let best: number | null = null;
  let bestKey: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  people.forEach((p, k) => {
    const days = p.daysInWeek.get(at.week) ?? 0;
    if (p.lastEnd > at.i || at.i - p.lastEnd < at.rest || p.lastStartDay === at.day || days >= at.maxDays) return;
    const habit = p.lastStartSlot < 0 ? 0 : Math.abs(p.lastStartSlot - at.slot);
    if (days < bestKey[0] || (days === bestKey[0] && habit < bestKey[1])) {
      best = k;
      bestKey = [days, habit];
    }
  });
  return best;
}
