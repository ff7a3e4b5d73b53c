import { expect, test } from 'vitest';
import { minutesOfDay, openMinutesPerDay, parseHours, validateHours } from './opening-hours.ts';

test('parses one window or a lunch break; counts open minutes', () => {
  expect(parseHours('09:00-18:00')).toEqual([{ start: '09:00', end: '18:00' }]);
  const lunch = parseHours('9:00-12:00, 13:30-18:00');
  expect(lunch).toEqual([
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ]);
  expect(openMinutesPerDay(lunch)).toBe(3 * 60 + 4 * 60 + 30);
  expect(minutesOfDay('24:00')).toBe(1440);
});

test('refuses malformed, reversed, overlapping and out-of-range windows', () => {
  expect(() => parseHours('9-18')).toThrow('HH:MM-HH:MM');
  expect(() => parseHours('18:00-09:00')).toThrow('ends before');
  expect(() => parseHours('09:00-12:00,11:00-18:00')).toThrow('overlaps');
  expect(() => parseHours('09:00-24:30')).toThrow('not a time');
  expect(() => minutesOfDay('24:59')).toThrow(RangeError);
  expect(() => validateHours([])).toThrow('at least one');
});
