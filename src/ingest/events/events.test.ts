import { describe, expect, it } from 'vitest';
import { type AgentStateTracker, ingestEvents } from './events.ts';

const T = Date.UTC(2026, 0, 5, 1); // 09:00+08:00
const at = (min: number): number => T + min * 60_000;

describe('ingestEvents', () => {
  it('takes good events, names the bad ones by path', () => {
    const r = ingestEvents(
      {
        events: [
          {
            type: 'contact',
            callId: 'x1',
            queue: 'support',
            enteredAt: '2026-01-05T09:00:00+08:00',
            outcome: 'answered',
            answeredAt: T + 15_000,
            endedAt: T + 195_000,
            agent: '1001',
            talkSeconds: 170,
            holdSeconds: 10,
            acwSeconds: 30,
          },
          { type: 'contact', callId: 'x2', queue: 'support', enteredAt: T, outcome: 'maybe' },
          { type: 'agent_state', agent: '1001', state: 'ready' },
          { type: 'agent_state', agent: '1001', state: 'ready', at: 'soon' },
          { type: 'nope' },
        ],
      },
      {},
    );
    expect(r.contacts).toEqual([
      expect.objectContaining({ key: `ev:x1:support:${T / 1000}`, waitSeconds: 15, talkSeconds: 170, acwSeconds: 30 }),
    ]);
    expect(r.errors.map((e) => e.split(':')[0])).toEqual(['events[1].outcome', 'events[2].at', 'events[3].at', 'events[4].type']);
  });

  it('turns state changes into spans across batches', () => {
    const tracker: AgentStateTracker = {};
    const a = ingestEvents(
      {
        events: [
          { type: 'agent_state', agent: '1001', state: 'ready', at: at(0) },
          { type: 'agent_state', agent: '1001', state: 'talking', at: at(5) },
          { type: 'agent_state', agent: '1001', state: 'acw', at: at(9) },
        ],
      },
      tracker,
    );
    expect(a.spans.map((s) => [s.state, (s.end - s.start) / 60_000])).toEqual([['talking', 4]]);
    const saved: AgentStateTracker = JSON.parse(JSON.stringify(tracker));
    const b = ingestEvents(
      {
        events: [
          { type: 'agent_state', agent: '1001', state: 'logged_out', at: at(30) },
          { type: 'agent_state', agent: '1001', state: 'paused', reason: 'Lunch', at: at(12) },
          { type: 'agent_state', agent: '1001', state: 'ready', at: at(20) },
        ],
      },
      saved,
    );
    // Sorted by time: acw 9→12, paused 12→20 (Lunch), ready 20→30, logged in 0→30.
    expect(b.spans.map((s) => [s.state, s.reason, (s.end - s.start) / 60_000])).toEqual([
      ['acw', null, 3],
      ['paused', 'Lunch', 8],
      ['logged_in', null, 30],
    ]);
  });
});
