import { expect, test } from 'vitest';
import { historyQuery, mondayOf, plusDays } from './plan-source.ts';

test('weeks run Monday to the next Monday (exclusive)', () => {
  expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
  expect(mondayOf('2026-11-16')).toBe('2026-11-16');
  expect(plusDays('2026-12-28', 7)).toBe('2027-01-04');
  expect(plusDays('2024-02-26', 7)).toBe('2024-03-04'); // leap year
});

test('the history query: no dates for the default week, Erlang A options only with model a', () => {
  const base = {
    skillGroupId: 3,
    monday: null,
    interval: 30 as const,
    model: 'c' as const,
    shrinkage: 0.3,
    patienceSeconds: 200,
    maxAbandonRate: 0.05,
  };
  expect(historyQuery(base)).toEqual({
    skillGroupId: 3,
    from: undefined,
    to: undefined,
    interval: 30,
    shrinkage: 0.3,
    model: 'c',
    patienceSeconds: undefined,
    maxAbandonRate: undefined,
  });
  expect(historyQuery({ ...base, monday: '2026-11-16', model: 'a', patienceSeconds: null })).toMatchObject({
    from: '2026-11-16',
    to: '2026-11-23',
    patienceSeconds: undefined,
    maxAbandonRate: 0.05,
  });
});
