import { describe, expect, test } from 'vitest';
import { cChart, pChart, uChart, xmrChart } from './control-charts.ts';
import { runRules } from './run-rules.ts';

// Montgomery, Introduction to Statistical Quality Control, ch. 7 p-chart example (qcc `orangejuice`, trial samples):
// nonconforming cans in 30 samples of n = 50.
const ORANGE_JUICE = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];
// Montgomery (2005, p. 232; qcc `viscosity`, the 15 trial batches): viscosity of aircraft primer paint.
const VISCOSITY = [33.75, 33.05, 34.0, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.2, 33.62, 33.0, 33.54, 33.12, 33.84];
// Montgomery, ch. 7 c-chart example (qcc `circuit`, trial samples): nonconformities in 26 samples of 100 printed circuit boards.
const CIRCUIT = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15];

describe('pChart', () => {
  test('orange juice: p̄ = 0.231333, limits 0.052428–0.410239, samples 15 and 23 out of control', () => {
    const chart = pChart(ORANGE_JUICE.map((d) => ({ defects: d, size: 50 })));
    expect(chart.center).toBeCloseTo(0.231333, 6);
    expect(chart.lcl).toBeCloseTo(0.052428, 5);
    expect(chart.ucl).toBeCloseTo(0.410239, 6);
    expect(chart.points[0]).toMatchObject({ value: 12 / 50, lcl: chart.lcl, ucl: chart.ucl });
    const beyond = runRules(chart.points, { rules: [1] }).map((s) => s.index + 1);
    expect(beyond).toEqual([15, 23]);
  });
  test('varying sizes give per-point limits, clamped at 0', () => {
    // p̄ = 10/100 = 0.1; n = 20: σ = √(0.1·0.9/20) = 0.067082 → LCL 0 (clamped), UCL 0.301246;
    // n = 80: σ = 0.033541 → LCL −0.000623 → 0, UCL 0.200623.
    const chart = pChart([
      { defects: 4, size: 20 },
      { defects: 6, size: 80 },
    ]);
    expect(chart.center).toBeCloseTo(0.1, 12);
    expect(chart.points[0].ucl).toBeCloseTo(0.1 + 3 * Math.sqrt(0.09 / 20), 12);
    expect(chart.points[0].lcl).toBe(0);
    expect(chart.points[1].ucl).toBeCloseTo(0.200623, 6);
    expect(chart.points[1].sigma).toBeCloseTo(Math.sqrt(0.09 / 80), 12);
    // Chart-level limits are those at the average size n̄ = 50.
    expect(chart.ucl).toBeCloseTo(0.1 + 3 * Math.sqrt(0.09 / 50), 12);
  });
  test('rejects a sample with more defectives than its size', () => {
    expect(() => pChart([{ defects: 3, size: 2 }])).toThrow(/sample 0/);
  });
});

describe('xmrChart', () => {
  test('viscosity: mean 33.523333, MR̄ 0.4807143, limits 32.24484–34.80183', () => {
    const { individuals, movingRange } = xmrChart(VISCOSITY);
    expect(individuals.center).toBeCloseTo(33.523333, 6);
    expect(movingRange.center).toBeCloseTo(0.4807143, 7);
    expect(individuals.lcl).toBeCloseTo(32.24484, 5);
    expect(individuals.ucl).toBeCloseTo(34.80183, 5);
    expect(movingRange.ucl).toBeCloseTo(3.267 * 0.4807143, 6);
    expect(movingRange.points).toHaveLength(14);
    expect(runRules(individuals.points, { rules: [1] })).toEqual([]);
  });
  test('the doc example: [1, 3, 2] → centre 2, MR̄ 1.5', () => {
    const { individuals, movingRange } = xmrChart([1, 3, 2]);
    expect(individuals.center).toBe(2);
    expect(movingRange.center).toBe(1.5);
    expect(individuals.ucl).toBeCloseTo(2 + (3 * 1.5) / 1.128, 12);
  });
  test('baseline: limits from the first points only, later points judged against them', () => {
    const { individuals } = xmrChart([10, 12, 11, 30], { baseline: 3 });
    // x̄ = 11, MR̄ = (2 + 1)/2 = 1.5 → UCL = 11 + 3·1.5/1.128 = 14.989
    expect(individuals.center).toBe(11);
    expect(individuals.ucl).toBeCloseTo(14.98936, 5);
    expect(runRules(individuals.points, { rules: [1] }).map((s) => s.index)).toEqual([3]);
    expect(() => xmrChart([1, 2], { baseline: 3 })).toThrow(RangeError);
  });
  test('natural boundaries: limits past 0 or 100 are shown at the boundary, σ̂ unchanged', () => {
    // [0, 0, 95, 97, 94]: x̄ = 57.2, MR̄ = (0 + 95 + 2 + 3)/4 = 25, σ̂ = 25/1.128 = 22.163 → 57.2 ± 66.49
    const open = xmrChart([0, 0, 95, 97, 94]).individuals;
    expect(open.lcl).toBeCloseTo(57.2 - 66.4894, 3);
    expect(open.ucl).toBeCloseTo(57.2 + 66.4894, 3);
    const bounded = xmrChart([0, 0, 95, 97, 94], { min: 0, max: 100 }).individuals;
    expect([bounded.lcl, bounded.ucl]).toEqual([0, 100]);
    expect(bounded.points.every((p) => p.lcl === 0 && p.ucl === 100)).toBe(true);
    expect(bounded.sigma).toBeCloseTo(open.sigma, 12);
    // Limits inside the boundaries are untouched.
    expect(xmrChart([11, 13, 12], { min: 0, max: 100 }).individuals.lcl).toBeCloseTo(12 - (3 * 1.5) / 1.128, 12);
  });
});

describe('cChart and uChart', () => {
  test('circuit boards: c̄ = 19.85, limits 6.48–33.22, samples 6 and 20 out of control (Montgomery)', () => {
    const chart = cChart(CIRCUIT);
    expect(chart.center).toBeCloseTo(19.85, 2);
    // The book computes its limits from the rounded c̄ = 19.85, so they agree to one decimal;
    // from the exact c̄ = 516/26: 19.846 ± 3√19.846.
    expect(chart.lcl).toBeCloseTo(6.48, 1);
    expect(chart.ucl).toBeCloseTo(33.22, 1);
    expect(chart.ucl).toBeCloseTo(516 / 26 + 3 * Math.sqrt(516 / 26), 12);
    expect(runRules(chart.points, { rules: [1] }).map((s) => s.index + 1)).toEqual([6, 20]);
  });
  test('c-chart LCL clamps at 0 for small counts', () => {
    // c̄ = 2, √2·3 = 4.243 > 2
    expect(cChart([1, 2, 3]).lcl).toBe(0);
  });
  test('u-chart: ū = Σc/Σn and per-point σ = √(ū/n)', () => {
    // ū = (2 + 3 + 10)/(1 + 2 + 2) = 3; n = 1: UCL 3 + 3√3 = 8.196; n = 2: UCL 3 + 3√1.5 = 6.674.
    const chart = uChart([
      { defects: 2, size: 1 },
      { defects: 3, size: 2 },
      { defects: 10, size: 2 },
    ]);
    expect(chart.center).toBe(3);
    expect(chart.points[0].ucl).toBeCloseTo(8.196152, 6);
    expect(chart.points[2]).toMatchObject({ value: 5, lcl: 0 });
    expect(chart.points[2].ucl).toBeCloseTo(6.674235, 6);
  });
});
