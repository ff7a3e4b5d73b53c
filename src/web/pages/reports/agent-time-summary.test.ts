import { expect, test } from 'vitest';
import { type AgentTimeRow, agentTotals, allAgentsTotal, pauseReasons } from './agent-time-summary.ts';

const H = 3600;
const day = (
  agent: string,
  loggedH: number,
  talkH: number,
  acwH: number,
  idleH: number,
  pauses: Record<string, number>,
  calls: number,
): AgentTimeRow => {
  const paused = Object.values(pauses).reduce((s, v) => s + v, 0);
  return {
    agent,
    intervalStart: '',
    loggedInSeconds: loggedH * H,
    talkingSeconds: talkH * H,
    acwSeconds: acwH * H,
    idleSeconds: idleH * H,
    pausedSeconds: paused,
    pausedByReason: pauses,
    occupancy: null,
    utilization: null,
    callsHandled: calls,
    callsPerHour: null,
  };
};

test('per agent: seconds summed over days, ratios from the sums (hand-computed)', () => {
  // Day 1: 8 h in, 5 h talk + 1 h ACW, 1.5 h idle, 0.5 h 培训. Day 2: 2 h in, 0.5 h talk, 1 h idle, 0.5 h 小休.
  const rows = [
    day('1001 张三', 8, 5, 1, 1.5, { 培训: 0.5 * H }, 40),
    day('1001 张三', 2, 0.5, 0, 1, { 小休: 0.5 * H }, 4),
    day('1002 李四', 1, 0, 0, 1, {}, 0),
  ];
  const [a, b] = agentTotals(rows);
  expect(a.loggedInSeconds).toBe(10 * H);
  expect(a.handleSeconds).toBe(6.5 * H);
  expect(a.occupancy).toBeCloseTo(6.5 / (6.5 + 2.5), 12); // 72.2 %; the mean of the days' 80 % and 33 % would be 56.7 %
  expect(a.utilization).toBeCloseTo(6.5 / 10, 12);
  expect(a.callsPerHour).toBeCloseTo(44 / 10, 12);
  expect(a.pausedByReason).toEqual({ 培训: 0.5 * H, 小休: 0.5 * H });
  expect(b.occupancy).toBe(0); // idle all hour: 0 %, a real zero
  expect(b.utilization).toBe(0);
});

test('no time gives null ratios; reasons ordered by time with the unnamed reason last; one center row', () => {
  expect(agentTotals([day('x', 0, 0, 0, 0, {}, 0)])[0].occupancy).toBeNull();
  expect(pauseReasons([{ pausedByReason: { '': 900, 小休: 300 } }, { pausedByReason: { 培训: 1200 } }])).toEqual([
    '培训',
    '小休',
    '',
  ]);
  const all = allAgentsTotal([day('a', 8, 4, 0, 4, {}, 10), day('b', 8, 6, 0, 2, {}, 20)]);
  expect(all?.occupancy).toBeCloseTo(10 / 16, 12);
  expect(all?.callsPerHour).toBeCloseTo(30 / 16, 12);
  expect(allAgentsTotal([])).toBeNull();
});

test('calls recovered from calls per hour when a row lacks the count', () => {
  const r = { ...day('a', 8, 4, 0, 4, {}, 0), callsHandled: undefined, callsPerHour: 2.625 };
  expect(agentTotals([r])[0].callsHandled).toBe(21); // 2.625 × 8 h, as the demo API row above
});
