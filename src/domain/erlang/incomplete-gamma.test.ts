import { describe, expect, test } from 'vitest';
import {
  logGamma,
  logRegularizedGammaP,
  logRegularizedGammaQ,
  regularizedGammaP,
  regularizedGammaQ,
} from './incomplete-gamma.ts';

/** ln n! by summing logarithms — a second method for ln Γ(n + 1). */
const logFactorial = (n: number) => {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
};

/** For whole a, Q(a, x) = P(Poisson(x) < a) = Σₖ₌₀^{a−1} e⁻ˣxᵏ/k!; its terms in log space. */
const poissonLogTerm = (k: number, x: number) => -x + k * Math.log(x) - logFactorial(k);
const logSumExp = (xs: number[]) => {
  const top = Math.max(...xs);
  return top + Math.log(xs.reduce((s, v) => s + Math.exp(v - top), 0));
};

describe('log-gamma', () => {
  test('whole numbers, half, and large arguments', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    for (const n of [11, 171, 1000, 20000]) expect(logGamma(n + 1) / logFactorial(n)).toBeCloseTo(1, 13);
  });
  test('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularised incomplete gamma', () => {
  test('a = 1 is the exponential distribution: P(1, x) = 1 − e⁻ˣ', () => {
    for (const x of [0.01, 0.5, 1.9, 2.1, 10, 40]) expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
  });

  test('a = ½ gives the error function: P(½, x) = erf(√x)', () => {
    // erf(0.5), erf(1), erf(2) from Abramowitz & Stegun table 7.1.
    expect(regularizedGammaP(0.5, 0.25)).toBeCloseTo(0.5204998778, 9);
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929, 9);
    expect(regularizedGammaQ(0.5, 4)).toBeCloseTo(1 - 0.995322265, 9);
  });

  test('whole a is a Poisson tail, on both sides of the series / continued-fraction split', () => {
    for (const [a, x] of [
      [10, 10],
      [10, 3],
      [50, 30],
      [50, 70],
      [400, 380],
      [400, 430],
    ] as const) {
      const logQ = logSumExp(Array.from({ length: a }, (_, k) => poissonLogTerm(k, x)));
      expect(logRegularizedGammaQ(a, x)).toBeCloseTo(logQ, 11);
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
  });

  test('log space survives values far below the smallest double', () => {
    // P(1000, 100) = P(Poisson(100) ≥ 1000) ≈ e^−1384: summed exactly in log space as reference.
    const logP = logSumExp(Array.from({ length: 400 }, (_, j) => poissonLogTerm(1000 + j, 100)));
    expect(logRegularizedGammaP(1000, 100) / logP).toBeCloseTo(1, 12);
    expect(regularizedGammaP(1000, 100)).toBe(0);
    const logQ = logSumExp(Array.from({ length: 30 }, (_, k) => poissonLogTerm(k, 2000)));
    expect(logRegularizedGammaQ(30, 2000) / logQ).toBeCloseTo(1, 12);
  });

  test('edges', () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaP(1, -1)).toThrow(RangeError);
  });
});
