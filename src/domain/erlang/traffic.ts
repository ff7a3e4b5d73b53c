/**
 * Offered traffic (话务量, in Erlangs): the mean number of calls in service if every call were answered at once.
 *
 * A = calls × AHT / interval length (all in the same time unit). Source: A. K. Erlang (1917); any
 * contact-center planning text, e.g. Koole, "Call Center Optimization" (2013), ch. 4.
 *
 * @example offeredTraffic(100, 180, 1800) // 100 calls of 180 s in 30 min → 10 Erlangs
 */
export function offeredTraffic(calls: number, ahtSeconds: number, intervalSeconds: number): number {
  if (!(calls >= 0) || !(ahtSeconds > 0) || !(intervalSeconds > 0)) {
    throw new RangeError(
      `offeredTraffic: need calls ≥ 0, AHT > 0, interval > 0 (got ${calls}, ${ahtSeconds}, ${intervalSeconds})`,
    );
  }
  return (calls * ahtSeconds) / intervalSeconds;
}

/**
 * The figures every queueing model here reports for n agents, so the CLI, API and UI show one shape.
 * All shares are of offered calls (see docs/staffing.md for each definition).
 */
export interface QueueMetrics {
  agents: number;
  /** Offered traffic A in Erlangs. */
  traffic: number;
  /** P(wait): share of calls that find every agent busy and queue. */
  pWait: number;
  /** P(abandon): share of offered calls that hang up before answer (0 in Erlang C). */
  pAbandon: number;
  /** SL(T): share of offered calls answered within T seconds. */
  serviceLevel: number;
  /** T, the service-level threshold in seconds. */
  slSeconds: number;
  /** Mean time in queue over all offered calls, seconds (Erlang C: all calls are answered). */
  asaSeconds: number;
  /** Share of agents' time spent handling calls: carried traffic / n. */
  occupancy: number;
}
