import { expect, test } from 'vitest';
import { repeatTotal } from './repeat-summary.ts';

test('the total rate comes from summed counts (hand-computed), not from the rows’ rates', () => {
  const t = repeatTotal([
    { name: '企业专席', eligible: 172, repeated: 9, repeatRate: 9 / 172, fcr: 1 - 9 / 172, censored: 442 },
    { name: '投诉举报', eligible: 436, repeated: 31, repeatRate: 31 / 436, fcr: 1 - 31 / 436, censored: 924 },
  ]);
  expect(t.eligible).toBe(608);
  expect(t.repeated).toBe(40);
  expect(t.censored).toBe(1366);
  expect(t.repeatRate).toBeCloseTo(40 / 608, 12); // 6.58 %; the mean of 5.23 % and 7.11 % is 6.17 %
  expect(t.fcr).toBeCloseTo(568 / 608, 12);
});

test('nothing eligible gives no rate (—), not 0 % or 100 %', () => {
  const t = repeatTotal([{ name: 'x', eligible: 0, repeated: 0, repeatRate: null, fcr: null, censored: 5 }]);
  expect([t.repeatRate, t.fcr, t.censored]).toEqual([null, null, 5]);
});
