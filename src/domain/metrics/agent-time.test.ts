import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentStateSpan } from '../contacts/contact.ts';
import { agentTime } from './agent-time.ts';

const T0 = Date.UTC(2026, 0, 5, 1, 0); // 09:00+08:00
const m = (min: number): number => T0 + min * 60_000;
const span = (
  state: AgentStateSpan['state'],
  a: number,
  b: number,
  reason: string | null = null,
  agent = 'SIP/1001',
): AgentStateSpan => ({ key: `${state}${a}`, agent, queue: null, state, reason, start: m(a), end: m(b) });

describe('agentTime', () => {
  it('reproduces the hand example: 1 h logged in, 30 min talk, 6 min ACW, 12 min paused', () => {
    const spans = [
      span('logged_in', 0, 60),
      span('talking', 0, 10),
      span('acw', 10, 13),
      span('talking', 20, 40),
      span('acw', 40, 43),
      span('paused', 45, 57, 'Lunch'),
    ];
    const [r] = agentTime(spans, { interval: 60, timeZone: 'Asia/Shanghai' });
    expect(r).toMatchObject({
      intervalStart: '2026-01-05T09:00:00+08:00',
      loggedInSeconds: 3600,
      talkingSeconds: 1800,
      acwSeconds: 360,
      pausedSeconds: 720,
      idleSeconds: 720,
      pausedByReason: { Lunch: 720 },
      callsHandled: 2,
      callsPerHour: 2,
    });
    expect(r.occupancy).toBeCloseTo(36 / 48, 12);
    expect(r.utilization).toBeCloseTo(36 / 60, 12);
  });
  it('clips spans at interval boundaries and counts a pause during a call as talk', () => {
    const rows = agentTime([span('logged_in', 10, 40), span('talking', 12, 20), span('paused', 14, 25, 'ACW?')], {
      interval: 15,
      timeZone: 'Asia/Shanghai',
    });
    // 09:00–09:15: logged 5 min (10–15), talk 3 (12–15), idle 2. 09:15–09:30: talk 5 (15–20), paused 5 (20–25), idle 5. 09:30–09:45: idle 10.
    expect(rows.map((r) => [r.loggedInSeconds / 60, r.talkingSeconds / 60, r.pausedSeconds / 60, r.idleSeconds / 60])).toEqual([
      [5, 3, 0, 2],
      [15, 5, 5, 5],
      [10, 0, 0, 10],
    ]);
  });
  it('states sum to logged-in time for any spans', () => {
    const arb = fc.array(
      fc.record({
        s: fc.constantFrom('logged_in', 'paused', 'acw', 'talking' as const),
        a: fc.integer({ min: 0, max: 300 }),
        len: fc.integer({ min: 0, max: 200 }),
      }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const rows = agentTime(
          xs.map((x, i) => ({ ...span(x.s as AgentStateSpan['state'], x.a, x.a + x.len, 'r'), key: String(i) })),
          { interval: 30, timeZone: 'Asia/Shanghai' },
        );
        // Union length by minute counting, as a second method.
        const covered = new Set<number>();
        for (const x of xs) for (let k = x.a; k < x.a + x.len; k++) covered.add(k);
        const total = rows.reduce((s, r) => s + r.loggedInSeconds, 0);
        expect(total).toBe(covered.size * 60);
        for (const r of rows)
          expect(r.idleSeconds + r.talkingSeconds + r.acwSeconds + r.pausedSeconds).toBeCloseTo(r.loggedInSeconds, 9);
      }),
      { numRuns: 200 },
    );
  });
});
