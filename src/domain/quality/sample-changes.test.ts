import { describe, expect, test } from 'vitest';
import { removeSample, replaceSample, type SampleRecord } from './sample-changes.ts';
import type { SampleCandidate, SamplingPlan } from './sampling.ts';

const DAY1 = Date.UTC(2025, 2, 7, 1);
const c = (key: string, agent: string, at: number, queue = 'hotline'): SampleCandidate => ({
  key,
  agent,
  at,
  queue,
  handleSeconds: 100,
  transferred: false,
  callerId: null,
  complaint: false,
  satisfaction: null,
});
const candidates = [
  c('a1', 'a', DAY1),
  c('a2', 'a', DAY1 + 1),
  c('a3', 'a', DAY1 + 2, 'other'),
  c('a4', 'a', DAY1 + 86_400_000),
  c('b1', 'b', DAY1),
];
const plan: SamplingPlan = { period: 'day', quota: 1, filters: { queues: ['hotline'] } };
const start: SampleRecord = {
  samples: [{ key: 'a1', agent: 'a', period: '2025-03-07', reason: 'random' }],
  shortfalls: [],
  changes: [],
};
const rng = () => 0.5;

describe('replaceSample and removeSample', () => {
  test('the only eligible replacement is the same agent, same day, within the filters', () => {
    // a3 is on another queue, a4 on another day, b1 another agent: only a2 qualifies.
    const r = replaceSample(start, 'a1', '录音缺失', candidates, plan, rng);
    expect(r.samples).toEqual([{ key: 'a2', agent: 'a', period: '2025-03-07', reason: 'random' }]);
    expect(r.changes).toEqual([{ key: 'a1', action: 'replaced', replacedBy: 'a2', reason: '录音缺失' }]);
    // Replacing again: a1 was dropped, a2 is in the sample → nothing left, so it is removed.
    const again = replaceSample(r, 'a2', '非业务来电', candidates, plan, rng);
    expect(again.samples).toEqual([]);
    expect(again.changes[1]).toEqual({ key: 'a2', action: 'removed', replacedBy: null, reason: '非业务来电' });
  });
  test('a reason is required and the key must be in the sample', () => {
    expect(() => removeSample(start, 'a1', ' ')).toThrow('a reason is required');
    expect(() => removeSample(start, 'zz', 'x')).toThrow('zz is not in the sample');
    expect(removeSample(start, 'a1', '重复').changes).toEqual([
      { key: 'a1', action: 'removed', replacedBy: null, reason: '重复' },
    ]);
  });
});
