import { expect, test } from 'vitest';
import { localDayNumber, localIsoDate, offsetInHour } from './zone-offset.ts';

test('local dates of instants around midnight and across a DST change, as luxon gives them', () => {
  expect(localIsoDate(Date.UTC(2026, 10, 23, 15, 59), 'Asia/Shanghai')).toBe('2026-11-23');
  expect(localIsoDate(Date.UTC(2026, 10, 23, 16, 0), 'Asia/Shanghai')).toBe('2026-11-24');
  expect(localDayNumber(Date.UTC(2026, 10, 23, 16, 30), 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 24) / 86_400_000);
  // London: GMT in winter, BST (+01:00) from 29 March 2026 01:00 UTC.
  expect(offsetInHour(Date.UTC(2026, 2, 29, 0) / 3_600_000, 'Europe/London')).toEqual({ ms: 0, text: '+00:00' });
  expect(offsetInHour(Date.UTC(2026, 2, 29, 1) / 3_600_000, 'Europe/London')).toEqual({ ms: 3_600_000, text: '+01:00' });
  expect(localIsoDate(Date.UTC(2026, 5, 1, 23, 30), 'Europe/London')).toBe('2026-06-02');
  expect(Number.isNaN(localDayNumber(0, 'Mars/Base'))).toBe(true);
});
