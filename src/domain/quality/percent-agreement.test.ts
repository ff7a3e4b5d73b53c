import { describe, expect, test } from 'vitest';
import { percentAgreement } from './percent-agreement.ts';

describe('percentAgreement', () => {
  test('the doc example: 2 of 4 pairs agree, 1 of 2 units unanimous', () => {
    expect(
      percentAgreement([
        [5, 5, 4],
        [3, 3],
      ]),
    ).toEqual({ agreement: 0.5, unanimous: 0.5, units: 2, pairs: 4 });
  });
  test('missing values and single-score units are left out; tolerance widens agreement', () => {
    const data = [
      [5, null, 4],
      [2, null, null],
      [null, 1, 3],
    ];
    expect(percentAgreement(data)).toEqual({ agreement: 0, unanimous: 0, units: 2, pairs: 2 });
    // |5 − 4| = 1 ≤ 1 agrees, |1 − 3| = 2 does not.
    expect(percentAgreement(data, 1)).toEqual({ agreement: 0.5, unanimous: 0.5, units: 2, pairs: 2 });
  });
  test('no pairs: null, not 0 or 1', () => {
    expect(percentAgreement([[1, null]])).toEqual({ agreement: null, unanimous: null, units: 0, pairs: 0 });
  });
});
