import { expect, test } from 'vitest';
import { calendarFeatures, FEATURE_NAMES, isSpecialDay, profileType } from './calendar-features.ts';

const named = (date: string, overrides?: Parameters<typeof calendarFeatures>[2]) =>
  Object.fromEntries(
    calendarFeatures(date, 0, overrides)
      .map((v, i) => [FEATURE_NAMES[i], v])
      .filter(([, v]) => v !== 0),
  );

test('ordinary days, National Day 2025 and its 调休 days', () => {
  expect(calendarFeatures('2025-09-30', 12)).toEqual([1, 12, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
  expect(named('2025-09-14')).toEqual({ intercept: 1 }); // an ordinary Sunday is the base
  expect(named('2025-10-01')).toEqual({ intercept: 1, 'public holiday': 1, 'month start (day ≤ 3)': 1 });
  // Sunday 2025-09-28 is worked: an average workday plus its own column.
  expect(named('2025-09-28')).toEqual({
    intercept: 1,
    Monday: 0.2,
    Tuesday: 0.2,
    Wednesday: 0.2,
    Thursday: 0.2,
    Friday: 0.2,
    'make-up workday': 1,
    'month end (last 3 days)': 1,
  });
  expect(named('2025-10-09')).toEqual({ intercept: 1, Thursday: 1, 'workday after a holiday': 1 });
  expect(named('2025-10-11')).toMatchObject({ 'make-up workday': 1 });
});

test('the override table adds local events and years chinese-days does not know', () => {
  const overrides = new Map([['2030-05-06', { date: '2030-05-06', kind: 'public_holiday' as const }]]);
  expect(named('2030-05-06', overrides)).toMatchObject({ 'public holiday': 1 });
  expect(named('2030-05-07', overrides)).toMatchObject({ Tuesday: 1, 'workday after a holiday': 1 });
  expect(isSpecialDay('2030-05-07', overrides)).toBe(true);
  expect(isSpecialDay('2030-05-07')).toBe(false);
});

test('special days and profile types', () => {
  expect(['2025-09-28', '2025-10-01', '2025-10-08', '2025-10-09', '2025-10-11'].every((d) => isSpecialDay(d))).toBe(true);
  expect(['2025-09-29', '2025-10-10', '2025-10-12'].some((d) => isSpecialDay(d))).toBe(false);
  expect(['2025-10-01', '2025-09-28', '2025-10-10'].map((d) => profileType(d))).toEqual(['holiday', 'makeup', 5]);
});
