import { expect, test } from 'vitest';
import { pageCount } from './paging.ts';

test('page count rounds up and is at least 1', () => {
  expect(pageCount(0, 50)).toBe(1);
  expect(pageCount(50, 50)).toBe(1);
  expect(pageCount(51, 50)).toBe(2);
  expect(pageCount(1234, 50)).toBe(25);
});
