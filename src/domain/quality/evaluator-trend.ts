/**
 * Evaluator deviation over calibration sessions (校准趋势), and the flag for evaluators whose deviation
 * *stays* high: the mean absolute deviation (MAD) exceeded the threshold in each of that evaluator's last k
 * sessions. One bad session is noise (a hard contact, a new item); k in a row is a pattern worth coaching.
 * Sessions where the evaluator had fewer than `minN` compared contacts are skipped: a MAD on one contact
 * says little.
 *
 * @example
 * // threshold 5, k 2: ann's MADs by date 8, 3, 6, 7 → last two (6, 7) both > 5 → flagged
 */
import type { EvaluatorDeviation } from './evaluator-deviation.ts';

export interface SessionDeviations {
  sessionId: string;
  /** When the session was held (UTC epoch ms); sessions are ordered by it. */
  at: number;
  deviations: readonly EvaluatorDeviation[];
}

export interface TrendPoint {
  sessionId: string;
  at: number;
  n: number;
  meanDeviation: number;
  meanAbsoluteDeviation: number;
}

export interface EvaluatorTrend {
  evaluator: string;
  /** Sessions in time order where the evaluator had at least minN compared contacts. */
  series: TrendPoint[];
  flagged: boolean;
}

export interface FlagOptions {
  /** MAD above this (in score points) counts as high. */
  threshold: number;
  /** Consecutive latest sessions that must all be high (default 3). */
  lastK?: number;
  /** Fewest compared contacts for a session to count (default 3). */
  minN?: number;
}

/** Every evaluator's deviation series and whether it stays above the threshold over the last k sessions. */
export function evaluatorTrends(history: readonly SessionDeviations[], options: FlagOptions): EvaluatorTrend[] {
  const lastK = options.lastK ?? 3;
  const minN = options.minN ?? 3;
  if (!Number.isInteger(lastK) || lastK < 1) throw new RangeError(`lastK must be a whole number ≥ 1, got ${lastK}`);
  const sessions = [...history].sort((a, b) => a.at - b.at || a.sessionId.localeCompare(b.sessionId));
  const series = new Map<string, TrendPoint[]>();
  for (const s of sessions) {
    for (const d of s.deviations) {
      if (!series.has(d.evaluator)) series.set(d.evaluator, []);
      if (d.n < minN || d.meanDeviation === null || d.meanAbsoluteDeviation === null) continue;
      series.get(d.evaluator)!.push({
        sessionId: s.sessionId,
        at: s.at,
        n: d.n,
        meanDeviation: d.meanDeviation,
        meanAbsoluteDeviation: d.meanAbsoluteDeviation,
      });
    }
  }
  return [...series].map(([evaluator, points]) => ({
    evaluator,
    series: points,
    flagged: points.length >= lastK && points.slice(-lastK).every((p) => p.meanAbsoluteDeviation > options.threshold),
  }));
}
