import { describe, expect, test } from 'vitest';
import { type CalibrationScore, summariseCalibration } from './calibration-session.ts';

// Three contacts, evaluators ann and bob, expert lead, two items.
const s = (contact: string, evaluator: string, item: string, value: number | null): CalibrationScore => ({
  contact,
  evaluator,
  item,
  value,
});
const scores = [
  s('c1', 'ann', 'greeting', 1),
  s('c1', 'bob', 'greeting', 1),
  s('c1', 'lead', 'greeting', 1),
  s('c2', 'ann', 'greeting', 0),
  s('c2', 'bob', 'greeting', 1),
  s('c2', 'lead', 'greeting', 0),
  s('c3', 'ann', 'greeting', 0),
  s('c3', 'bob', 'greeting', 0),
  s('c1', 'ann', 'verify', 5),
  s('c1', 'bob', 'verify', null),
  s('c1', 'lead', 'verify', 5),
];

describe('summariseCalibration', () => {
  const r = summariseCalibration(scores, { level: 'nominal', expert: 'lead' });
  test('one line per item, in order', () => {
    expect(r.map((x) => x.item)).toEqual(['greeting', 'verify']);
  });
  test('α and agreement among evaluators only, with their n', () => {
    // greeting: ann/bob pairs (1,1) (0,1) (0,0): 2 of 3 agree. Coincidences: o_00 = 2, o_11 = 2, o_01 = o_10 = 1,
    // n_0 = n_1 = 3, n = 6 → α = 1 − 5·2 / (2·3·3) = 4/9.
    expect(r[0].agreement).toMatchObject({ pairs: 3, units: 3 });
    expect(r[0].agreement.agreement).toBeCloseTo(2 / 3, 12);
    expect(r[0].alpha).toMatchObject({ units: 3, coders: 2, pairable: 6 });
    expect(r[0].alpha.alpha).toBeCloseTo(4 / 9, 12);
  });
  test('deviations against the expert where the expert scored, else the other evaluator', () => {
    // ann: c1 1−1, c2 0−0, c3 0−0(bob) → 0; bob: c1 0, c2 1−0 = +1, c3 0 → mean 1/3.
    const [ann, bob] = r[0].deviations;
    expect(ann).toMatchObject({ evaluator: 'ann', n: 3, meanDeviation: 0, againstExpert: 2 });
    expect(bob.evaluator).toBe('bob');
    expect(bob.meanDeviation).toBeCloseTo(1 / 3, 12);
  });
  test('an item scored by one evaluator has no α and no pairs', () => {
    expect(r[1].alpha).toMatchObject({ alpha: null, pairable: 0 });
    expect(r[1].agreement).toMatchObject({ agreement: null, pairs: 0 });
  });
});
