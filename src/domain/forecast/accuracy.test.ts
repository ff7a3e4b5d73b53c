import { expect, test } from 'vitest';
import { bias, mape, wape } from './accuracy.ts';

test('WAPE, MAPE (intervals with calls only) and bias against hand-computed values', () => {
  // A = 10, 0, 30; F = 12, 1, 27: |A − F| = 2, 1, 3; ΣA = 40.
  expect(wape([10, 0, 30], [12, 1, 27])).toBeCloseTo(6 / 40, 12);
  expect(mape([10, 0, 30], [12, 1, 27])).toBeCloseTo((2 / 10 + 3 / 30) / 2, 12);
  expect(bias([10, 0, 30], [12, 1, 27])).toBeCloseTo((2 + 1 - 3) / 40, 12);
  expect(bias([10, 20], [15, 25])).toBeCloseTo(10 / 30, 12);
  expect(bias([10, 20], [5, 15])).toBeCloseTo(-10 / 30, 12);
});

test('no calls at all: the ratios are undefined (null), not zero', () => {
  expect(wape([0, 0], [1, 1])).toBeNull();
  expect(mape([0, 0], [1, 1])).toBeNull();
  expect(bias([0, 0], [1, 1])).toBeNull();
});
