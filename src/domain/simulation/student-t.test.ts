import { expect, test } from 'vitest';
import { tQuantile975 } from './student-t.ts';

test('closed forms for 1 and 2 degrees of freedom', () => {
  // ν = 1 is Cauchy: t = tan(π(p − ½)); ν = 2: t = (2p − 1)·√(2 / (4p(1 − p))).
  expect(tQuantile975(1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 6);
  expect(tQuantile975(2)).toBeCloseTo(0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025)), 6);
});

test('published table values and the expansion beyond the table', () => {
  // Abramowitz & Stegun table 26.10 (3 decimals).
  expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
  expect(tQuantile975(19)).toBeCloseTo(2.093, 3);
  expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
  expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
  expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
  // The expansion at ν = 30 lands on the table's last entry: the switch-over is seamless.
  const z = 1.959963984540054;
  const expansion30 = z + (z ** 3 + z) / 120 + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * 900);
  expect(Math.abs(expansion30 - tQuantile975(30))).toBeLessThan(1e-4);
  expect(tQuantile975(10_000)).toBeCloseTo(z, 3);
  expect(() => tQuantile975(0)).toThrow(RangeError);
});
