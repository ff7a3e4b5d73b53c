import { describe, expect, test } from 'vitest';
import { deviationSeries, reliability } from './calibration-view.ts';

describe('reading a calibration', () => {
  test("Krippendorff's thresholds, on his own example's values", () => {
    expect(reliability(0.849107)).toBe('reliable'); // interval
    expect(reliability(0.8)).toBe('reliable');
    expect(reliability(0.743421)).toBe('tentative'); // nominal
    expect(reliability(0.667)).toBe('tentative');
    expect(reliability(0.5)).toBe('unreliable');
    expect(reliability(null)).toBe('undefined');
  });

  test('deviation series line up with the sessions, gaps where an evaluator was absent', () => {
    const s = deviationSeries({
      threshold: 5,
      lastK: 3,
      minN: 3,
      flagged: ['b'],
      sessions: [1, 2, 3].map((id) => ({
        sessionId: id,
        name: `s${id}`,
        closedAt: '',
        alpha: { alpha: 0.8, pairable: 10, units: 5, coders: 2 },
      })),
      evaluators: [
        {
          evaluator: 'a',
          flagged: false,
          series: [
            { sessionId: 1, n: 5, meanAbsoluteDeviation: 2 },
            { sessionId: 3, n: 4, meanAbsoluteDeviation: 1 },
          ],
        },
        { evaluator: 'b', flagged: true, series: [{ sessionId: 2, n: 5, meanAbsoluteDeviation: 7 }] },
      ],
    });
    expect(s[0]).toEqual({ evaluator: 'a', flagged: false, values: [2, null, 1], n: [5, null, 4] });
    expect(s[1]!.values).toEqual([null, 7, null]);
  });
});
