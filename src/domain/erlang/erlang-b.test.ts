import { describe, expect, test } from 'vitest';
import { ErlangBLadder, erlangB } from './erlang-b.ts';
import { erlangBExact } from './exact-reference.test-support.ts';

/** The textbook definition with factorials — only safe for small n, which is why the code uses the recursion. */
function erlangBByDefinition(n: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= n; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

describe('Erlang B', () => {
  test('hand-computed small cases', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15); // 1 / (1 + 1)
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15); // (1/2) / (1 + 1 + 1/2)
  });

  test('agrees with the factorial definition for small n', () => {
    for (const a of [0.3, 2, 7.5, 20]) {
      for (let n = 0; n <= 40; n++) expect(erlangB(n, a)).toBeCloseTo(erlangBByDefinition(n, a), 14);
    }
  });

  test('stays finite and exact far past 170 agents (exact rational arithmetic as reference)', () => {
    for (const [n, a] of [
      [1000, 950],
      [5000, 4900],
    ] as const) {
      const b = erlangB(n, a);
      expect(Math.abs(b / erlangBExact(n, a) - 1)).toBeLessThan(1e-12);
    }
  });

  test('the ladder returns the same values in any order of asking', () => {
    const ladder = new ErlangBLadder(123.4);
    for (const n of [130, 5, 400, 129, 131, 0, 2000]) expect(ladder.at(n)).toBe(erlangB(n, 123.4));
  });

  test('rejects a fractional or negative number of agents', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(3, Number.NaN)).toThrow(RangeError);
  });
});
