import { describe, expect, test } from 'vitest';
import { nelderMead } from './nelder-mead.ts';

describe('nelderMead', () => {
  test('finds the minimum of a shifted quadratic bowl', () => {
    const r = nelderMead(([x, y]) => (x! - 1) ** 2 + 3 * (y! + 2) ** 2, [0, 0]);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
    expect(r.value).toBeLessThan(1e-8);
  });
  test('follows the curved valley of Rosenbrock’s function to (1, 1)', () => {
    const r = nelderMead(([x, y]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2, [-1.2, 1], { maxEvaluations: 2000 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
  test('stops at the evaluation budget', () => {
    let calls = 0;
    nelderMead(
      ([x]) => {
        calls++;
        return Math.abs(Math.sin(x! * 1000));
      },
      [0.3],
      { maxEvaluations: 25, tolerance: 0 },
    );
    expect(calls).toBeLessThanOrEqual(25 + 2);
  });
});
