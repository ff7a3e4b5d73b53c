import type { Satisfaction } from './types.ts';

/**
 * Work-order rates (definitions in docs/work-orders.md). Each is a ratio; with nothing to divide by it is null,
 * never 0. The caller chooses the orders (e.g. registered in a month); merged orders count in no rate.
 * - 按时办结率 on-time closure = closed orders with a deadline closed at or before it / closed orders with a deadline;
 * - 一次办结率 closed first time = closed orders never returned and never redone / closed orders;
 * - 满意率 satisfaction = (满意 + 基本满意) / callback answers — every callback counts, so an order redone after
 *   不满意 and then 满意 contributes one of each (the 12345 practice of rating each 回访);
 * - 退单率 return rate = dispatched orders returned at least once / dispatched orders;
 * - 重办率 redo rate = dispatched orders redone at least once / dispatched orders.
 */
export interface OrderFacts {
  status: string;
  dispatched: boolean;
  dueAt: number | null;
  closedAt: number | null;
  returnCount: number;
  redoCount: number;
  /** The latest callback answer. */
  satisfaction: Satisfaction | string | null;
  /** Every callback answer in order; when absent, the latest one stands for them. */
  callbacks?: readonly (Satisfaction | string)[];
  createdAt: number;
}

export interface OrderRates {
  orders: number;
  closed: number;
  dispatched: number;
  callbacks: number;
  onTimeClosureRate: number | null;
  firstTimeClosureRate: number | null;
  satisfactionRate: number | null;
  returnRate: number | null;
  redoRate: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const SATISFIED = new Set(['satisfied', 'basically_satisfied']);

/**
 * @example 3 closed (2 by their deadline, 1 first time), callbacks 满意, 基本满意, 不满意, 4 dispatched with 1
 * returned and 1 redone → on-time 2/3, first time 1/3, satisfaction 2/3, return 1/4, redo 1/4.
 */
export function orderRates(all: readonly OrderFacts[]): OrderRates {
  const orders = all.filter((o) => o.status !== 'merged');
  const closed = orders.filter((o) => o.status === 'closed' && o.closedAt != null);
  const withDue = closed.filter((o) => o.dueAt != null);
  const dispatched = orders.filter((o) => o.dispatched);
  const answers = orders.flatMap((o) => o.callbacks ?? (o.satisfaction != null ? [o.satisfaction] : []));
  return {
    orders: orders.length,
    closed: closed.length,
    dispatched: dispatched.length,
    callbacks: answers.length,
    onTimeClosureRate: ratio(withDue.filter((o) => (o.closedAt as number) <= (o.dueAt as number)).length, withDue.length),
    firstTimeClosureRate: ratio(closed.filter((o) => o.returnCount === 0 && o.redoCount === 0).length, closed.length),
    satisfactionRate: ratio(answers.filter((s) => SATISFIED.has(s)).length, answers.length),
    returnRate: ratio(dispatched.filter((o) => o.returnCount > 0).length, dispatched.length),
    redoRate: ratio(dispatched.filter((o) => o.redoCount > 0).length, dispatched.length),
  };
}

/** Age buckets of the backlog, in days since registration: [0,1), [1,3), [3,7), [7,15), [15,∞). */
export const AGE_EDGES_DAYS = [1, 3, 7, 15] as const;

/**
 * Backlog ageing (积压账龄) at `now`: orders registered by then and not closed by then, by age. Closed orders
 * count as open before their closing instant, so the same function gives a past day's backlog.
 * @example created 2 days before now → bucket '1-3'
 */
export function backlogAgeing(
  orders: readonly OrderFacts[],
  now: number,
  edges: readonly number[] = AGE_EDGES_DAYS,
): { bucket: string; count: number }[] {
  const labels = edges.map((e, i) => `${i === 0 ? 0 : edges[i - 1]}-${e}`).concat(`${edges[edges.length - 1]}+`);
  const counts = labels.map(() => 0);
  for (const o of orders) {
    if (o.status === 'merged' || o.createdAt > now) continue;
    if (o.closedAt != null && o.closedAt <= now) continue;
    // A closed status without its instant is closed (data from before closedAt was kept).
    if (o.status === 'closed' && o.closedAt == null) continue;
    const days = (now - o.createdAt) / 86_400_000;
    const i = edges.findIndex((e) => days < e);
    counts[i === -1 ? edges.length : i]!++;
  }
  return labels.map((bucket, i) => ({ bucket, count: counts[i]! }));
}

/** Volume by a key (category, unit, location…), largest first, ties by key. */
export function volumeBy<T>(orders: readonly T[], key: (o: T) => string | null): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const o of orders) {
    const k = key(o) ?? '(none)';
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
