import { expect, test } from 'vitest';
import { backlogAgeing, type OrderFacts, orderRates, volumeBy } from './metrics.ts';

const D = 86_400_000;
const base: OrderFacts = {
  status: 'closed',
  dispatched: true,
  dueAt: 100,
  closedAt: 90,
  returnCount: 0,
  redoCount: 0,
  satisfaction: null,
  createdAt: 0,
};

test('rates, hand-computed on five orders', () => {
  const rates = orderRates([
    { ...base, satisfaction: 'satisfied' }, // on time, first time
    {
      ...base,
      closedAt: 120,
      redoCount: 1,
      satisfaction: 'basically_satisfied',
      callbacks: ['dissatisfied', 'basically_satisfied'],
    }, // late, redone
    { ...base, closedAt: 80, returnCount: 1, satisfaction: 'dissatisfied' }, // on time, returned once; closed by a lead after 不满意
    { ...base, status: 'in_progress', closedAt: null },
    { ...base, status: 'merged', closedAt: null, returnCount: 5 }, // merged: in no rate
  ]);
  // Closed 3; with a deadline 3, on time 2 → 2/3. First time: only the first → 1/3.
  // Callback answers: 满意, 不满意, 基本满意, 不满意 → satisfied 2 of 4. Dispatched 4; returned 1, redone 1 → 1/4 each.
  expect(rates).toEqual({
    orders: 4,
    closed: 3,
    dispatched: 4,
    callbacks: 4,
    onTimeClosureRate: 2 / 3,
    firstTimeClosureRate: 1 / 3,
    satisfactionRate: 2 / 4,
    returnRate: 1 / 4,
    redoRate: 1 / 4,
  });
});

test('ratios with nothing to divide by are null; direct answers (no deadline) are not in the on-time rate', () => {
  expect(orderRates([])).toMatchObject({ onTimeClosureRate: null, satisfactionRate: null, returnRate: null });
  const answered = { ...base, dispatched: false, dueAt: null, closedAt: 5 };
  expect(orderRates([answered])).toMatchObject({ closed: 1, onTimeClosureRate: null, firstTimeClosureRate: 1, returnRate: null });
});

test('backlog ageing at an instant, past snapshots included', () => {
  const now = 20 * D;
  const open = { ...base, status: 'in_progress', closedAt: null };
  const ages = backlogAgeing(
    [
      { ...open, createdAt: now - 0.5 * D }, // 0-1
      { ...open, createdAt: now - 1 * D }, // 1-3 (edge goes up)
      { ...open, createdAt: now - 2.9 * D }, // 1-3
      { ...open, createdAt: now - 7 * D }, // 7-15
      { ...open, createdAt: now - 16 * D }, // 15+
      { ...base, createdAt: now - 5 * D, closedAt: now + D }, // closed later: open at now → 3-7
      { ...base, createdAt: now - 5 * D, closedAt: now - D }, // closed before: out
      { ...open, createdAt: now + D }, // not yet registered
    ],
    now,
  );
  expect(ages).toEqual([
    { bucket: '0-1', count: 1 },
    { bucket: '1-3', count: 2 },
    { bucket: '3-7', count: 1 },
    { bucket: '7-15', count: 1 },
    { bucket: '15+', count: 1 },
  ]);
});

test('volume by key, largest first', () => {
  const rows = [{ c: 'complaint' }, { c: 'help' }, { c: 'complaint' }, { c: null }];
  expect(volumeBy(rows, (r) => r.c)).toEqual([
    { key: 'complaint', count: 2 },
    { key: '(none)', count: 1 },
    { key: 'help', count: 1 },
  ]);
});
