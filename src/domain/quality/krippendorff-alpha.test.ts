import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type AlphaLevel,
  coincidences,
  krippendorffAlpha,
  type ReliabilityData,
  reliabilityMatrix,
} from './krippendorff-alpha.ts';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers A–D, twelve
// units, "." = missing. Typed in from the published table (observers as rows there; transposed to units here).
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const paper: ReliabilityData = A.map((_, u) => [A[u], B[u], C[u], D[u]]);

describe('krippendorffAlpha on Krippendorff (2011) 4 coders × 12 units', () => {
  test.each([
    ['nominal', 0.743421],
    ['ordinal', 0.815388],
    ['interval', 0.849107],
    ['ratio', 0.797403],
  ] as const)('%s α = %f', (level, published) => {
    const r = krippendorffAlpha(paper, level);
    expect(r.alpha!).toBeCloseTo(published, 6);
  });
  test('counts: 12 units, 11 of them pairable, 4 coders, n = 40 pairable values (the paper’s n)', () => {
    expect(krippendorffAlpha(paper, 'nominal')).toMatchObject({ units: 12, pairableUnits: 11, coders: 4, pairable: 40 });
  });
  test('coincidence marginals match the paper: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3', () => {
    const co = coincidences(paper);
    expect(co.values).toEqual([1, 2, 3, 4, 5]);
    for (const [i, m] of co.marginals.entries()) expect(m).toBeCloseTo([9, 13, 10, 5, 3][i], 12);
    // o_12 by hand: unit 6 (1,2,3,4; m = 4) adds 1·1/3, unit 8 (1,1,2,1; m = 4) adds 3·1/3 → 4/3.
    expect(co.o[0][1]).toBeCloseTo(4 / 3, 12);
  });
});

/** A second method: α = 1 − D_o/D_e over all pairs of values directly, without the coincidence matrix. */
function pairwiseAlpha(data: ReliabilityData, level: AlphaLevel): number | null {
  const rows = data.map((r) => r.filter((v): v is number => v !== null)).filter((r) => r.length >= 2);
  const all = rows.flat();
  const n = all.length;
  const count = (v: number) => all.filter((x) => x === v).length;
  const d2 = (c: number, k: number): number => {
    if (level === 'nominal') return c === k ? 0 : 1;
    if (level === 'interval') return (c - k) ** 2;
    if (level === 'ratio') return c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
    const [lo, hi] = c <= k ? [c, k] : [k, c];
    const between = [...new Set(all)].filter((g) => g >= lo && g <= hi).reduce((s, g) => s + count(g), 0);
    return (between - (count(lo) + count(hi)) / 2) ** 2;
  };
  let dO = 0;
  for (const r of rows) {
    let s = 0;
    for (let i = 0; i < r.length; i++) for (let j = 0; j < r.length; j++) if (i !== j) s += d2(r[i], r[j]);
    dO += s / (r.length - 1);
  }
  let dE = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) dE += d2(all[i], all[j]);
  if (n < 2 || dE === 0) return null;
  return 1 - ((n - 1) * dO) / dE;
}

describe('krippendorffAlpha agrees with the direct pairwise computation', () => {
  const cell = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 4 });
  const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 });
  test.each(['nominal', 'ordinal', 'interval', 'ratio'] as const)('%s on random tables with missing values', (level) => {
    fc.assert(
      fc.property(table, (data) => {
        const a = krippendorffAlpha(data, level).alpha;
        const b = pairwiseAlpha(data, level);
        if (b === null) return a === null;
        return a !== null && Math.abs(a - b) < 1e-9;
      }),
      { numRuns: 150, seed: 20240601 },
    );
  });
});

describe('krippendorffAlpha edge cases', () => {
  test('the worked example in the doc comment: α = 0', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 2],
        ],
        'nominal',
      ).alpha,
    ).toBeCloseTo(0, 12);
  });
  test('perfect agreement with variation gives 1; no variation or no pairs gives null', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1, null],
          [2, 2, 2],
        ],
        'interval',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ).alpha,
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [3, null],
          [null, 4],
        ],
        'nominal',
      ),
    ).toMatchObject({ alpha: null, pairable: 0, pairableUnits: 0 });
  });
  test('reliabilityMatrix places records by unit and coder, missing where absent', () => {
    const m = reliabilityMatrix([
      { unit: 'u1', coder: 'a', value: 1 },
      { unit: 'u2', coder: 'b', value: 2 },
      { unit: 'u1', coder: 'b', value: null },
    ]);
    expect(m).toEqual({
      data: [
        [1, null],
        [null, 2],
      ],
      units: ['u1', 'u2'],
      coders: ['a', 'b'],
    });
  });
});
