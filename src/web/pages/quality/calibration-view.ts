/**
 * How the calibration page reads its numbers: Krippendorff's reading of α (2004, *Content Analysis* §12.2:
 * rely on α ≥ 0.800, draw only tentative conclusions for 0.667 ≤ α < 0.800), and the trend chart's series.
 */
export type Reliability = 'reliable' | 'tentative' | 'unreliable' | 'undefined';

/** @example reliability(0.743) // 'tentative' */
export function reliability(alpha: number | null): Reliability {
  if (alpha === null || !Number.isFinite(alpha)) return 'undefined';
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}

export interface TrendAnswer {
  threshold: number;
  lastK: number;
  minN: number;
  sessions: {
    sessionId: number;
    name: string;
    closedAt: string;
    alpha: { alpha: number | null; pairable: number; units: number; coders: number };
  }[];
  evaluators: {
    evaluator: string;
    series: { sessionId: number; n: number; meanAbsoluteDeviation: number | null }[];
    flagged: boolean;
  }[];
  flagged: string[];
}

/** Per evaluator, the mean absolute deviation in each session (null where they did not take part), in session order. */
export function deviationSeries(
  trend: TrendAnswer,
): { evaluator: string; flagged: boolean; values: (number | null)[]; n: (number | null)[] }[] {
  return trend.evaluators.map((e) => {
    const by = new Map(e.series.map((p) => [p.sessionId, p]));
    return {
      evaluator: e.evaluator,
      flagged: e.flagged,
      values: trend.sessions.map((s) => by.get(s.sessionId)?.meanAbsoluteDeviation ?? null),
      n: trend.sessions.map((s) => by.get(s.sessionId)?.n ?? null),
    };
  });
}
