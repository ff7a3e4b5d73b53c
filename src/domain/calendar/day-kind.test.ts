import { describe, expect, test } from 'vitest';
import { dayInfo, dayOfWeek, isWorkingDay } from './day-kind.ts';

describe('dayInfo', () => {
  // 2025 National Day + Mid-Autumn: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked (国务院办公厅通知 2024).
  test('National Day 2025 is a holiday and its weekend make-up days are workdays', () => {
    expect(dayInfo('2025-10-01')).toMatchObject({ kind: 'public_holiday', name: '国庆节' });
    expect(dayInfo('2025-10-08').kind).toBe('public_holiday');
    expect(dayInfo('2025-09-28').kind).toBe('makeup_workday');
    expect(dayInfo('2025-10-11').kind).toBe('makeup_workday');
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-10-04')).toBe(false);
  });
  test('ordinary days follow the weekday', () => {
    expect(dayInfo('2025-11-24').kind).toBe('workday');
    expect(dayInfo('2025-11-22').kind).toBe('weekend');
  });
  test('years without data fall back to the weekday rule and say so; overrides win', () => {
    expect(dayInfo('2027-01-01')).toMatchObject({ kind: 'workday', source: 'weekday-rule' });
    const overrides = new Map([['2027-01-01', { date: '2027-01-01', kind: 'public_holiday' as const, name: '元旦' }]]);
    expect(dayInfo('2027-01-01', overrides)).toMatchObject({ kind: 'public_holiday', name: '元旦', source: 'override' });
  });
  test('dayOfWeek rejects malformed dates', () => {
    expect(dayOfWeek('2026-11-24')).toBe(2);
    expect(() => dayOfWeek('2026/11/24')).toThrow(RangeError);
  });
});
