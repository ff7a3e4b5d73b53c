import { expect, test } from 'vitest';
import { intervalReport } from './interval-report.ts';
import type { SimAgent, SimulatedCall } from './model.ts';

test('hand-computed interval figures, with overtime after logout counted as staffed time', () => {
  const agents: SimAgent[] = [{ skills: [{ queue: 'q', priority: 1 }], shifts: [{ startSeconds: 0, endSeconds: 100 }] }];
  const call = (arrival: number, wait: number, outcome: 'answered' | 'abandoned', talk = 0): SimulatedCall => ({
    queue: 'q',
    arrivalMs: 5000 + arrival * 1000,
    outcome,
    waitSeconds: wait,
    agentIndex: outcome === 'answered' ? 0 : null,
    talkSeconds: talk,
    acwSeconds: 0,
  });
  const calls = [call(0, 0, 'answered', 30), call(10, 25, 'answered', 30), call(20, 5, 'abandoned'), call(90, 0, 'answered', 40)];
  const r = intervalReport(calls, agents, { intervalSeconds: 60, intervals: 3, queues: ['q'], slSeconds: 20, startMs: 5000 });
  const [i0, i1, i2] = r.intervals;
  expect(i0).toMatchObject({ offered: 3, answered: 2, abandoned: 1, answeredWithinSl: 1, waited: 2 });
  expect(i0?.serviceLevel).toBeCloseTo(1 / 3, 12);
  expect(i0?.asaSeconds).toBeCloseTo(12.5, 12); // (0 + 25) / 2
  expect(i0?.meanWaitSeconds).toBeCloseTo(10, 12); // (0 + 25 + 5) / 3
  // Busy: 0–30 and 35–65 → 55 s in interval 0, 5 s in interval 1; then 90–130: 30 s in 1, 10 s in 2.
  expect(i0?.busySeconds).toBeCloseTo(55, 9);
  expect(i1?.busySeconds).toBeCloseTo(35, 9);
  // Logged in 0–100, then 10 s of overtime finishing the last call (100–130) in interval 1 and 2.
  expect(i1?.staffedSeconds).toBeCloseTo(60, 9);
  expect(i2?.staffedSeconds).toBeCloseTo(10, 9);
  expect(i2?.occupancy).toBeCloseTo(1, 9);
  expect(i2?.offered).toBe(0);
  expect(i2?.serviceLevel).toBeNull();
  expect(r.totals[0]).toMatchObject({ offered: 4, answered: 3, abandoned: 1, interval: null });
  expect(r.totals[0]?.occupancy).toBeCloseTo(100 / 130, 12);
});
