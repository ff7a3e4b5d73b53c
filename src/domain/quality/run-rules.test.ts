import { describe, expect, test } from 'vitest';
import { runRules } from './run-rules.ts';

/** Points around centre 0 with σ = 1 and limits ±3 (standardised values). */
const z = (values: number[]) => values.map((value) => ({ value, center: 0, sigma: 1, lcl: -3, ucl: 3 }));

describe('runRules', () => {
  test('rule 1: a point beyond either limit', () => {
    expect(runRules(z([0, 3.1, -0.2, -3.5, 3]), { rules: [1] })).toEqual([
      { rule: 1, index: 1, indices: [1], side: 'above' },
      { rule: 1, index: 3, indices: [3], side: 'below' },
    ]);
  });
  test('rule 2: two of three beyond 2σ on one side, signalled at the completing point only', () => {
    // The doc example: 2.5 and 2.2 within indices 1..3.
    expect(runRules(z([0, 2.5, 0.5, 2.2, 0.1]), { rules: [2] })).toEqual([{ rule: 2, index: 3, indices: [1, 3], side: 'above' }]);
    // Opposite sides do not combine.
    expect(runRules(z([2.5, -2.5, 0]), { rules: [2] })).toEqual([]);
    // Three apart is outside the window of three.
    expect(runRules(z([2.5, 0, 0, 2.5]), { rules: [2] })).toEqual([]);
  });
  test('rule 3: four of five beyond 1σ on one side', () => {
    const s = runRules(z([-1.5, -1.2, 0, -1.1, -2.9, 0]), { rules: [3] });
    expect(s).toEqual([{ rule: 3, index: 4, indices: [0, 1, 3, 4], side: 'below' }]);
    expect(runRules(z([1.5, 1.2, 0, 1.1, 0.9]), { rules: [3] })).toEqual([]);
  });
  test('rule 4: N in a row on one side, N configurable; a point on the centre breaks the run', () => {
    const eight = [0.1, 0.2, 0.3, 0.1, 0.5, 0.2, 0.1, 0.4];
    expect(runRules(z(eight), { rules: [4] })).toEqual([{ rule: 4, index: 7, indices: [0, 1, 2, 3, 4, 5, 6, 7], side: 'above' }]);
    expect(runRules(z(eight.slice(0, 7)), { rules: [4] })).toEqual([]);
    expect(runRules(z([...eight.slice(0, 4), 0, ...eight.slice(4)]), { rules: [4] })).toEqual([]);
    const six = runRules(z([-1, -1, -1, -1, -1, -1, -1]), { rules: [4], runLength: 6 });
    expect(six.map((s) => [s.index, s.indices[0], s.side])).toEqual([
      [5, 0, 'below'],
      [6, 1, 'below'],
    ]);
    expect(() => runRules(z([1]), { runLength: 1 })).toThrow(RangeError);
  });
  test('zones use each point’s own σ (p-charts with varying sizes)', () => {
    // Same value 0.25 over centre 0.1: with σ = 0.05 it is 3σ above (rule 2 zone), with σ = 0.1 only 1.5σ.
    const pts = [
      { value: 0.25, center: 0.1, sigma: 0.05, lcl: 0, ucl: 0.26 },
      { value: 0.25, center: 0.1, sigma: 0.1, lcl: 0, ucl: 0.4 },
      { value: 0.25, center: 0.1, sigma: 0.05, lcl: 0, ucl: 0.26 },
    ];
    expect(runRules(pts, { rules: [2] })).toEqual([{ rule: 2, index: 2, indices: [0, 2], side: 'above' }]);
  });
  test('all rules together, sorted by index then rule', () => {
    const s = runRules(z([2.5, 2.6, 3.2]));
    expect(s.map((x) => [x.index, x.rule])).toEqual([
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });
});
