import { describe, expect, test } from 'vitest';
import { awardBids, type BidEntry } from './bids.ts';

const bid = (
  id: number,
  agent: string,
  points: number,
  hireDate: string | null,
  createdAt: number,
  target = '10-01 休',
): BidEntry => ({
  id,
  agent,
  target,
  points,
  hireDate,
  createdAt,
});
const rich = (...agents: string[]) => new Map(agents.map((a) => [a, 100]));
const winners = (out: ReturnType<typeof awardBids>) => out.filter((o) => o.status === 'won').map((o) => o.agent);

describe('bid award (竞投)', () => {
  const one = [{ target: '10-01 休', capacity: 1 }];
  test('more points win first', () => {
    const out = awardBids(one, [bid(1, 'a', 5, '2010-01-01', 1), bid(2, 'b', 8, '2024-01-01', 2)], rich('a', 'b'));
    expect(winners(out)).toEqual(['b']);
    expect(out.find((o) => o.agent === 'a')).toMatchObject({ status: 'lost', reason: 'full', rank: 2 });
  });
  test('equal points: the earlier hire date (seniority) wins; unknown hire dates rank last', () => {
    expect(winners(awardBids(one, [bid(1, 'a', 10, '2022-03-01', 1), bid(2, 'b', 10, '2019-06-01', 2)], rich('a', 'b')))).toEqual(
      ['b'],
    );
    expect(winners(awardBids(one, [bid(1, 'a', 10, null, 1), bid(2, 'b', 10, '2024-06-01', 2)], rich('a', 'b')))).toEqual(['b']);
  });
  test('equal points and hire date: the earliest bid wins', () => {
    expect(
      winners(awardBids(one, [bid(1, 'a', 10, '2020-01-01', 500), bid(2, 'b', 10, '2020-01-01', 400)], rich('a', 'b'))),
    ).toEqual(['b']);
  });
  test('capacity, one win per agent per round, and points the agent no longer has', () => {
    const targets = [
      { target: 'X', capacity: 2 },
      { target: 'Y', capacity: 1 },
    ];
    const out = awardBids(
      targets,
      [bid(1, 'a', 9, null, 1, 'X'), bid(2, 'a', 8, null, 2, 'Y'), bid(3, 'b', 7, null, 3, 'Y'), bid(4, 'c', 6, null, 4, 'X')],
      new Map([
        ['a', 20],
        ['b', 7],
        ['c', 5],
      ]),
    );
    expect(out.map((o) => [o.id, o.status, o.reason])).toEqual([
      [1, 'won', null],
      [2, 'lost', 'already_won'],
      [3, 'won', null],
      [4, 'lost', 'insufficient_points'],
    ]);
  });
});
