import { describe, expect, test } from 'vitest';
import { failedItemPareto, type ItemFailure } from './pareto.ts';

const f = (agent: string, item: string, times = 1): ItemFailure[] => Array.from({ length: times }, () => ({ agent, item }));

describe('failedItemPareto', () => {
  test('the doc example: verify is common, tone is individual', () => {
    const rows = failedItemPareto([...f('a', 'verify'), ...f('b', 'verify'), ...f('c', 'verify'), ...f('d', 'tone', 3)], 4);
    expect(rows.map((r) => [r.item, r.count, r.agents, r.agentShare, r.classification])).toEqual([
      ['tone', 3, 1, 0.25, 'individual'],
      ['verify', 3, 3, 0.75, 'common'],
    ]);
    expect(rows[0].topAgents).toEqual([{ agent: 'd', count: 3 }]);
  });
  test('shares and cumulative shares sum to 1, ordered by count', () => {
    // 10 failures: hold 5 (a,b,c,d,e), close 3 (a×3), greet 2 (a, f) in a team of 10.
    const rows = failedItemPareto(
      [...['a', 'b', 'c', 'd', 'e'].flatMap((x) => f(x, 'hold')), ...f('a', 'close', 3), ...f('a', 'greet'), ...f('f', 'greet')],
      10,
    );
    expect(rows.map((r) => r.item)).toEqual(['hold', 'close', 'greet']);
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.3, 0.2]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 1]);
    // hold: 5 of 10 agents = 0.5 → common; close: one agent → individual; greet: two agents hold 100 % → individual.
    expect(rows.map((r) => r.classification)).toEqual(['common', 'individual', 'individual']);
  });
  test('spread over several agents without reaching half the team is mixed', () => {
    // 4 of 10 agents, one failure each: top 2 hold 50 % < 80 %.
    const rows = failedItemPareto(
      ['a', 'b', 'c', 'd'].flatMap((x) => f(x, 'empathy')),
      10,
    );
    expect(rows[0]).toMatchObject({ classification: 'mixed', agentShare: 0.4, topShare: 0.5 });
    // Lowering the common share to 0.4 makes it common.
    expect(
      failedItemPareto(
        ['a', 'b', 'c', 'd'].flatMap((x) => f(x, 'empathy')),
        10,
        { commonShare: 0.4 },
      )[0].classification,
    ).toBe('common');
  });
  test('one agent is never "common", even in a team of one', () => {
    expect(failedItemPareto(f('a', 'x', 2), 1)[0].classification).toBe('individual');
    expect(() => failedItemPareto([...f('a', 'x'), ...f('b', 'x')], 1)).toThrow(RangeError);
    expect(failedItemPareto([], 5)).toEqual([]);
  });
});
