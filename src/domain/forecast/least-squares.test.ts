import { expect, test } from 'vitest';
import { ols } from './least-squares.ts';

test('a straight line through four points, against the textbook formulas', () => {
  // x = 0..3, y = 1, 2, 2, 4: x̄ = 1.5, ȳ = 2.25, Sxy = 4.5, Sxx = 5 → slope 0.9, intercept 2.25 − 0.9·1.5 = 0.9.
  const b = ols(
    [
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ],
    [1, 2, 2, 4],
  );
  expect(b[0]).toBeCloseTo(0.9, 8);
  expect(b[1]).toBeCloseTo(0.9, 8);
});

test('recovers the coefficients of an exact linear relation with correlated columns', () => {
  const truth = [2, -1.5, 0.25, 3];
  const x = Array.from({ length: 30 }, (_, i) => [1, i / 7, Math.sin(i) + i / 10, i % 7 === 0 ? 1 : 0]);
  const y = x.map((row) => row.reduce((acc, v, j) => acc + v * truth[j]!, 0));
  for (const [j, b] of ols(x, y).entries()) expect(b).toBeCloseTo(truth[j]!, 5);
});

test('a column that never varies gets a zero coefficient instead of a singular matrix', () => {
  const b = ols(
    [
      [1, 0, 0],
      [1, 1, 0],
      [1, 2, 0],
      [1, 3, 0],
    ],
    [1, 3, 5, 7],
  );
  expect(b.map((v) => Number(v.toFixed(6)))).toEqual([1, 2, 0]);
});
