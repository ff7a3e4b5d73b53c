import { describe, expect, test } from 'vitest';
import { evaluatorDeviations } from './evaluator-deviation.ts';

describe('evaluatorDeviations', () => {
  test('the doc example: expert where present, leave-one-out consensus elsewhere', () => {
    const r = evaluatorDeviations(
      [
        { contact: 'c1', evaluator: 'expert', score: 80 },
        { contact: 'c1', evaluator: 'ann', score: 90 },
        { contact: 'c1', evaluator: 'bob', score: 70 },
        { contact: 'c2', evaluator: 'ann', score: 60 },
        { contact: 'c2', evaluator: 'bob', score: 70 },
      ],
      'expert',
    );
    expect(r).toEqual([
      { evaluator: 'ann', n: 2, meanDeviation: 0, meanAbsoluteDeviation: 10, againstExpert: 1 },
      { evaluator: 'bob', n: 2, meanDeviation: 0, meanAbsoluteDeviation: 10, againstExpert: 1 },
    ]);
  });
  test('consensus of three: each compared with the mean of the other two', () => {
    // c1: a 10, b 20, c 30 → a vs 25: −15; b vs 20: 0; c vs 15: +15
    const r = evaluatorDeviations([
      { contact: 'c1', evaluator: 'a', score: 10 },
      { contact: 'c1', evaluator: 'b', score: 20 },
      { contact: 'c1', evaluator: 'c', score: 30 },
    ]);
    expect(r.map((d) => [d.evaluator, d.meanDeviation, d.meanAbsoluteDeviation, d.n])).toEqual([
      ['a', -15, 15, 1],
      ['b', 0, 0, 1],
      ['c', 15, 15, 1],
    ]);
  });
  test('an evaluator alone on a contact, or with only null scores, has n = 0 and null statistics', () => {
    const r = evaluatorDeviations([
      { contact: 'c1', evaluator: 'a', score: 10 },
      { contact: 'c2', evaluator: 'b', score: null },
    ]);
    expect(r).toEqual([
      { evaluator: 'a', n: 0, meanDeviation: null, meanAbsoluteDeviation: null, againstExpert: 0 },
      { evaluator: 'b', n: 0, meanDeviation: null, meanAbsoluteDeviation: null, againstExpert: 0 },
    ]);
  });
});
