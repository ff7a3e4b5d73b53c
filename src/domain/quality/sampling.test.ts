import { describe, expect, test } from 'vitest';
import { createRandom } from '../simulation/random.ts';
import {
  candidateFromContact,
  drawWithoutReplacement,
  periodOf,
  repeatCallerKeys,
  type SampleCandidate,
  type SamplingPlan,
  selectSample,
} from './sampling.ts';

/** The domain's seeded uniform source (the same one the sampling route uses). */
const seeded = createRandom;

// 2025-03-07 09:00 in Shanghai = 01:00 UTC.
const DAY1 = Date.UTC(2025, 2, 7, 1);
const H = 3_600_000;
const c = (key: string, agent: string, at: number, extra: Partial<SampleCandidate> = {}): SampleCandidate => ({
  key,
  agent,
  at,
  queue: 'hotline',
  handleSeconds: 300,
  transferred: false,
  callerId: null,
  complaint: false,
  satisfaction: null,
  ...extra,
});
const many = (agent: string, n: number, start = DAY1) =>
  Array.from({ length: n }, (_, i) => c(`${agent}-${start}-${String(i).padStart(2, '0')}`, agent, start + i * 60_000));

describe('periodOf', () => {
  test('periods are in the center’s zone, not UTC', () => {
    // 2025-03-06 17:30 UTC is already 03-07 01:30 in Shanghai.
    expect(periodOf(Date.UTC(2025, 2, 6, 17, 30), 'day')).toBe('2025-03-07');
    expect(periodOf(Date.UTC(2025, 2, 6, 17, 30), 'day', 'UTC')).toBe('2025-03-06');
    expect(periodOf(DAY1, 'week')).toBe('2025-W10');
    expect(periodOf(Date.UTC(2025, 2, 31, 16, 30), 'month')).toBe('2025-04');
  });
});

describe('selectSample', () => {
  const plan: SamplingPlan = { period: 'day', quota: 3 };
  test('a quota per agent per day; deterministic for a seed and independent of input order', () => {
    const all = [...many('a', 10), ...many('b', 10), ...many('a', 4, DAY1 + 24 * H)];
    const one = selectSample(all, plan, seeded(7));
    const again = selectSample([...all].reverse(), plan, seeded(7));
    expect(again).toEqual(one);
    const count = (agent: string, period: string) => one.samples.filter((s) => s.agent === agent && s.period === period).length;
    expect([count('a', '2025-03-07'), count('b', '2025-03-07'), count('a', '2025-03-08')]).toEqual([3, 3, 3]);
    expect(new Set(one.samples.map((s) => s.key)).size).toBe(9);
    expect(one.shortfalls).toEqual([]);
    expect(selectSample(all, plan, seeded(8)).samples).not.toEqual(one.samples);
    expect(() => selectSample([...all, all[0]], plan, seeded(7))).toThrow(/duplicate candidate key/);
  });
  test('each contact is about equally likely (2 of 6 drawn, 3000 draws)', () => {
    const rng = seeded(1);
    const hits = new Map<string, number>();
    for (let i = 0; i < 3000; i++)
      for (const s of selectSample(many('a', 6), { period: 'day', quota: 2 }, rng).samples)
        hits.set(s.key, (hits.get(s.key) ?? 0) + 1);
    // Expected 1000 each; binomial sd ≈ 25.8, so ±130 is five sd.
    for (const n of hits.values()) expect(Math.abs(n - 1000)).toBeLessThan(130);
  });
  test('targeted first (complaints, longest handle), then random from the rest; shortfalls reported', () => {
    const contacts = [
      ...many('a', 5),
      c('a-complaint', 'a', DAY1 + 30 * 60_000, { complaint: true }),
      c('a-long', 'a', DAY1 + 40 * 60_000, { handleSeconds: 2000 }),
      c('a-longer', 'a', DAY1 + 41 * 60_000, { handleSeconds: 2500, complaint: true }),
    ];
    const r = selectSample(
      contacts,
      {
        period: 'day',
        quota: 10,
        targeted: [
          { criterion: 'complaint', perAgent: 3 },
          { criterion: 'longest_handle', perAgent: 1 },
        ],
      },
      seeded(3),
    );
    const byReason = (reason: string) =>
      r.samples
        .filter((s) => s.reason === reason)
        .map((s) => s.key)
        .sort();
    expect(byReason('complaint')).toEqual(['a-complaint', 'a-longer']);
    // a-longer is taken already, so the longest left is a-long.
    expect(byReason('longest_handle')).toEqual(['a-long']);
    expect(byReason('random')).toHaveLength(5);
    expect(r.shortfalls).toEqual([
      { agent: 'a', period: '2025-03-07', reason: 'complaint', wanted: 3, got: 2 },
      { agent: 'a', period: '2025-03-07', reason: 'random', wanted: 10, got: 5 },
    ]);
  });
  test('filters, low satisfaction, transfers and repeat callers', () => {
    const contacts = [
      c('q1', 'a', DAY1, { queue: 'other' }),
      c('s1', 'a', DAY1 + 1, { satisfaction: 2 }),
      c('s2', 'a', DAY1 + 2, { satisfaction: 3 }),
      c('t1', 'a', DAY1 + 3, { transferred: true }),
      c('r1', 'a', DAY1 + 4, { callerId: '138' }),
      c('r2', 'b', DAY1 + 4 + 80 * H, { callerId: '138' }),
      c('r3', 'b', DAY1 + 4 + 90 * H, { callerId: '138' }),
    ];
    const r = selectSample(
      contacts,
      {
        period: 'month',
        quota: 0,
        filters: { queues: ['hotline'] },
        targeted: [
          { criterion: 'low_satisfaction', perAgent: 5 },
          { criterion: 'transferred', perAgent: 5 },
          { criterion: 'repeat_caller', perAgent: 5, repeatWithinHours: 72 },
        ],
      },
      seeded(4),
    );
    // s2 is not below 3; r1 → r2 is 80 h apart (> 72 h), r2 → r3 is 10 h: only r2 is a repeat.
    expect(r.samples.map((s) => [s.key, s.reason])).toEqual([
      ['s1', 'low_satisfaction'],
      ['t1', 'transferred'],
      ['r2', 'repeat_caller'],
    ]);
    expect(repeatCallerKeys(contacts, 100)).toEqual(new Set(['r1', 'r2']));
  });
  test('drawWithoutReplacement never repeats and stops at the pool size', () => {
    const d = drawWithoutReplacement([1, 2, 3], 5, seeded(9));
    expect([...d].sort()).toEqual([1, 2, 3]);
  });
});

describe('candidateFromContact', () => {
  const contact = {
    key: 'ql:1:hotline:0',
    callId: '1',
    queue: 'hotline',
    callerId: '139',
    enteredAt: 1000,
    outcome: 'answered' as const,
    waitSeconds: 5,
    answeredAt: 6000,
    endedAt: 90000,
    agent: 'PJSIP/1001',
    talkSeconds: 60,
    holdSeconds: 10,
    acwSeconds: 15,
    transferred: true,
    ringNoAnswer: 0,
  };
  test('handle = talk + hold + acw, at = answer time; unanswered contacts are not candidates', () => {
    expect(candidateFromContact(contact, { complaint: true })).toEqual({
      key: 'ql:1:hotline:0',
      agent: 'PJSIP/1001',
      at: 6000,
      queue: 'hotline',
      handleSeconds: 85,
      transferred: true,
      callerId: '139',
      complaint: true,
      satisfaction: null,
    });
    expect(candidateFromContact({ ...contact, outcome: 'abandoned', agent: null, answeredAt: null })).toBeNull();
  });
});
