import { expect, test } from 'vitest';
import { numberingDay, orderNumber, orderNumberAt, parseOrderNumber } from './number.ts';

test('YYYYMMDD-NNNNNN in the center zone', () => {
  expect(orderNumber('2026-11-24', 123)).toBe('20261124-000123');
  // 2026-11-23 16:30 UTC is 00:30 on Nov 24 in Shanghai, still Nov 23 in London.
  const t = Date.UTC(2026, 10, 23, 16, 30);
  expect(orderNumberAt(t, 'Asia/Shanghai', 1)).toBe('20261124-000001');
  expect(numberingDay(t, 'Europe/London')).toBe('2026-11-23');
  expect(parseOrderNumber('20261124-000123')).toEqual({ date: '2026-11-24', sequence: 123 });
  expect(parseOrderNumber('20261131-000001')).toBeNull();
  expect(parseOrderNumber('2026112-000001')).toBeNull();
  expect(() => orderNumber('2026-11-24', 0)).toThrow(RangeError);
  expect(() => orderNumber('2026-11-24', 1_000_000)).toThrow(RangeError);
  expect(() => numberingDay(t, 'Mars/Base')).toThrow(RangeError);
});
