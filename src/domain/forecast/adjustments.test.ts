import { expect, test } from 'vitest';
import { applyAdjustments } from './adjustments.ts';

const grid = { timeZone: 'Asia/Shanghai', intervalMinutes: 360, slotsPerDay: 4 };
const dates = ['2025-10-09', '2025-10-10'];
const base = [
  [0, 10, 30, 0],
  [0, 20, 20, 0],
];
const who = { reason: '大面积故障', author: 'planner' };

test('percent and absolute on whole local days; absolute spread by the forecast shape', () => {
  expect(
    applyAdjustments(base, dates, grid, [{ from: '2025-10-10', to: '2025-10-10', kind: 'percent', value: 50, ...who }]),
  ).toEqual([
    [0, 10, 30, 0],
    [0, 30, 30, 0],
  ]);
  expect(
    applyAdjustments(base, dates, grid, [{ from: '2025-10-09', to: '2025-10-10', kind: 'absolute', value: 40, ...who }]),
  ).toEqual([
    [0, 20, 60, 0],
    [0, 40, 40, 0],
  ]);
  expect(base[0]).toEqual([0, 10, 30, 0]); // input untouched
});

test('an instant span takes its absolute calls in total over the intervals starting inside it', () => {
  // 2025-10-09 06:00–18:00 (+08:00): intervals starting 06:00 and 12:00 of Oct 9.
  const out = applyAdjustments(base, dates, grid, [
    { from: '2025-10-09T06:00:00+08:00', to: '2025-10-09T18:00:00+08:00', kind: 'absolute', value: 100, ...who },
  ]);
  expect(out).toEqual([
    [0, 35, 105, 0],
    [0, 20, 20, 0],
  ]);
});

test('never below zero; instants need an offset', () => {
  expect(
    applyAdjustments(base, dates, grid, [{ from: '2025-10-09', to: '2025-10-09', kind: 'absolute', value: -1000, ...who }])[0],
  ).toEqual([0, 0, 0, 0]);
  expect(() =>
    applyAdjustments(base, dates, grid, [
      { from: '2025-10-09T06:00', to: '2025-10-09T18:00', kind: 'percent', value: 5, ...who },
    ]),
  ).toThrow(/instants/);
});
