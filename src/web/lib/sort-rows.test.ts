import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compareValues, sortRows } from './sort-rows.ts';

test('numbers sort numerically, text with numeric runs naturally, empties last in both directions', () => {
  const rows = [10, 9, null, 100, ''];
  expect(sortRows(rows, (x) => x, 'asc')).toEqual([9, 10, 100, null, '']);
  expect(sortRows(rows, (x) => x, 'desc')).toEqual([100, 10, 9, null, '']);
  expect(sortRows(['A10', 'A2', 'A1'], (x) => x, 'asc')).toEqual(['A1', 'A2', 'A10']);
});

test('Chinese names sort by pinyin', () => {
  // zhang, li, wang, zhao → li, wang, zhang, zhao
  expect(sortRows(['张三', '李四', '王五', '赵六'], (x) => x, 'asc')).toEqual(['李四', '王五', '张三', '赵六']);
});

test('sorting is stable and a permutation of the input', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ k: fc.integer({ min: 0, max: 3 }), i: fc.nat() })), (rows) => {
      const sorted = sortRows(rows, (r) => r.k, 'asc');
      expect([...sorted].sort((a, b) => a.i - b.i || a.k - b.k)).toEqual([...rows].sort((a, b) => a.i - b.i || a.k - b.k));
      for (let j = 1; j < sorted.length; j++) {
        expect(sorted[j - 1].k <= sorted[j].k).toBe(true);
        if (sorted[j - 1].k === sorted[j].k) expect(rows.indexOf(sorted[j - 1]) < rows.indexOf(sorted[j])).toBe(true);
      }
    }),
  );
});

test('booleans: false before true', () => {
  expect(compareValues(false, true)).toBeLessThan(0);
  expect(compareValues(false, true, 'desc')).toBeGreaterThan(0);
});
