import { expect, test } from 'vitest';
import { compactDiff, showValue } from './compact-diff.ts';

test('an update lists only the changed fields', () => {
  expect(compactDiff({ id: 1, name: 'A', seats: 10 }, { id: 1, name: 'A', seats: 12 })).toEqual([
    { path: 'seats', before: 10, after: 12 },
  ]);
});

test('nested objects are walked; arrays compare whole', () => {
  const before = { center: { name: 'X', hours: [{ start: '08:00', end: '20:00' }] }, skills: [1, 2] };
  const after = { center: { name: 'Y', hours: [{ start: '08:00', end: '20:00' }] }, skills: [1, 3] };
  expect(compactDiff(before, after)).toEqual([
    { path: 'center.name', before: 'X', after: 'Y' },
    { path: 'skills', before: [1, 2], after: [1, 3] },
  ]);
});

test('a create has every field as new, a delete every field as removed, in sorted order', () => {
  expect(compactDiff(null, { seats: 5, name: 'B' })).toEqual([
    { path: 'name', before: undefined, after: 'B' },
    { path: 'seats', before: undefined, after: 5 },
  ]);
  expect(compactDiff({ name: 'B' }, null)).toEqual([{ path: 'name', before: 'B', after: undefined }]);
  expect(compactDiff(null, null)).toEqual([]);
  expect(compactDiff({ a: 1 }, { a: 1 })).toEqual([]);
});

test('a field set to null is a change; scalars at the top are compared directly', () => {
  expect(compactDiff({ teamId: 3 }, { teamId: null })).toEqual([{ path: 'teamId', before: 3, after: null }]);
  expect(compactDiff(1, 2)).toEqual([{ path: '(value)', before: 1, after: 2 }]);
});

test('values print short', () => {
  expect(showValue('张三')).toBe('张三');
  expect(showValue(null)).toBe('null');
  expect(showValue(undefined)).toBe('∅');
  expect(showValue([1, 2])).toBe('[1,2]');
});
