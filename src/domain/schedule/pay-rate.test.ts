import { describe, expect, test } from 'vitest';
import { isStatutoryHoliday, payRate, qingmingDay } from './pay-rate.ts';

// Statutory days from the published State Council notices (国务院办公厅关于…部分节假日安排的通知): the notice
// names the holiday dates and, in brackets, which of them are the statutory days.
describe('statutory holidays and pay rates', () => {
  test('National Day 2026: Oct 1–3 statutory (300 %), Oct 4–7 调休 rest days (200 %), make-up Saturday Oct 10 ordinary', () => {
    expect(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-07'].map(payRate)).toEqual([3, 3, 3, 2, 2]);
    expect(payRate('2026-10-10')).toBe(1);
    expect(payRate('2026-09-20')).toBe(1);
  });
  test('Spring Festival 2026 (2025 rules): 除夕 Feb 16 and 初一–初三 Feb 17–19 statutory; Feb 15, 20–23 not', () => {
    const days = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'];
    expect(days.map(isStatutoryHoliday)).toEqual([false, true, true, true, true, false, false]);
  });
  test('Spring Festival 2024 (2014 rules): 初一–初三 Feb 10–12, not 除夕 Feb 9', () => {
    expect(['2024-02-09', '2024-02-10', '2024-02-12', '2024-02-13'].map(isStatutoryHoliday)).toEqual([false, true, true, false]);
  });
  test('Labour Day: May 2 statutory from 2025, not in 2024', () => {
    expect(isStatutoryHoliday('2026-05-02')).toBe(true);
    expect(isStatutoryHoliday('2024-05-02')).toBe(false);
    expect(payRate('2024-05-02')).toBe(2);
  });
  test('清明 (2026-04-05, 2025-04-04), 端午 2026-06-19, 中秋 2026-09-25', () => {
    expect([qingmingDay(2026), qingmingDay(2025), qingmingDay(2024), qingmingDay(2019)]).toEqual([5, 4, 4, 5]);
    expect(['2026-04-04', '2026-04-05', '2026-04-06'].map(isStatutoryHoliday)).toEqual([false, true, false]);
    expect(isStatutoryHoliday('2026-06-19')).toBe(true);
    expect(isStatutoryHoliday('2026-09-25')).toBe(true);
  });
  test('an ordinary weekend is 200 %, a weekday 100 %', () => {
    expect(payRate('2026-12-12')).toBe(2);
    expect(payRate('2026-12-07')).toBe(1);
  });
});
