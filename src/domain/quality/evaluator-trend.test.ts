import { describe, expect, test } from 'vitest';
import type { EvaluatorDeviation } from './evaluator-deviation.ts';
import { evaluatorTrends, type SessionDeviations } from './evaluator-trend.ts';

const dev = (evaluator: string, mad: number, n = 5): EvaluatorDeviation => ({
  evaluator,
  n,
  meanDeviation: -mad,
  meanAbsoluteDeviation: mad,
  againstExpert: n,
});
// Given out of order on purpose: the trend is ordered by `at`.
const history: SessionDeviations[] = [
  { sessionId: 's3', at: 3000, deviations: [dev('ann', 6), dev('bob', 9)] },
  { sessionId: 's1', at: 1000, deviations: [dev('ann', 8), dev('bob', 9)] },
  { sessionId: 's4', at: 4000, deviations: [dev('ann', 7), dev('bob', 2), dev('cy', 20, 1)] },
  { sessionId: 's2', at: 2000, deviations: [dev('ann', 3), dev('bob', 9)] },
];

describe('evaluatorTrends', () => {
  test('the doc example: ann 8, 3, 6, 7 with k = 2 is flagged, with k = 3 is not', () => {
    const two = evaluatorTrends(history, { threshold: 5, lastK: 2 });
    const ann = two.find((t) => t.evaluator === 'ann')!;
    expect(ann.series.map((p) => p.meanAbsoluteDeviation)).toEqual([8, 3, 6, 7]);
    expect(ann.flagged).toBe(true);
    expect(evaluatorTrends(history, { threshold: 5, lastK: 3 }).find((t) => t.evaluator === 'ann')!.flagged).toBe(false);
  });
  test('a recent good session clears the flag; too few contacts do not count', () => {
    const t = evaluatorTrends(history, { threshold: 5, lastK: 2 });
    expect(t.find((x) => x.evaluator === 'bob')!.flagged).toBe(false);
    // cy's only session compared 1 contact (< minN 3): no points, not flagged.
    expect(t.find((x) => x.evaluator === 'cy')).toEqual({ evaluator: 'cy', series: [], flagged: false });
    expect(evaluatorTrends(history, { threshold: 5, lastK: 1, minN: 1 }).find((x) => x.evaluator === 'cy')!.flagged).toBe(true);
  });
  test('a threshold equal to the MAD is not above it', () => {
    expect(evaluatorTrends(history, { threshold: 7, lastK: 1 }).find((x) => x.evaluator === 'ann')!.flagged).toBe(false);
  });
});
