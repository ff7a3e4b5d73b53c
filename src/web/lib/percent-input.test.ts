import fc from 'fast-check';
import { expect, test } from 'vitest';
import { percentToShare, shareToPercent, targetDigits } from './percent-input.ts';

test('targets convert between shares and typed percentages without float noise', () => {
  expect(shareToPercent(0.8)).toBe('80');
  expect(shareToPercent(0.07)).toBe('7');
  expect(shareToPercent(0.855)).toBe('85.5');
  expect(percentToShare('80')).toBe(0.8);
  expect(percentToShare(' 85.5 ')).toBe(0.855);
});

test('a percentage typed to a tenth survives the round trip', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), (tenths) => {
      const typed = String(tenths / 10);
      expect(shareToPercent(percentToShare(typed))).toBe(typed);
    }),
  );
});

test('targets show whole percentages bare and a typed tenth with one decimal', () => {
  expect(targetDigits(0.8)).toBe(0);
  expect(targetDigits(0.07)).toBe(0); // 7.000000000000001 in floating point, still a whole percentage
  expect(targetDigits(0.855)).toBe(1);
});
