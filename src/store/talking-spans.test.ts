import { describe, expect, test } from 'vitest';
import { talkingSpanCounter } from './talking-spans.ts';

describe('talkingSpanCounter', () => {
  test('counts a key (start, agent) once, also in the next batch, and forgets it two batches later', () => {
    const counted = talkingSpanCounter();
    counted.nextBatch(4);
    expect(counted.add(1000, 'SIP/1')).toBe(true);
    expect(counted.add(1000, 'SIP/1')).toBe(false);
    // Another agent at the same instant is another span.
    expect(counted.add(1000, 'SIP/2')).toBe(true);
    expect(counted.add(1000, 'SIP/2')).toBe(false);
    counted.nextBatch(4);
    // The pair's second call in the next batch.
    expect(counted.add(1000, 'SIP/1')).toBe(false);
    expect(counted.add(1000, 'SIP/2')).toBe(false);
    expect(counted.add(2000, 'SIP/1')).toBe(true);
    counted.nextBatch(4);
    expect(counted.add(1000, 'SIP/1')).toBe(true);
    expect(counted.add(2000, 'SIP/1')).toBe(false);
  });

  test('a full batch: every pair once, whatever the starts and agents', () => {
    const counted = talkingSpanCounter();
    counted.nextBatch(3000);
    const pairs: [number, string][] = [];
    for (let i = 0; i < 1000; i++) pairs.push([1767225600000, `SIP/${i}`], [1767225600000 + i * 8000, 'SIP/1'], [i, 'PJSIP/7']);
    expect(pairs.filter(([t, a]) => counted.add(t, a)).length).toBe(2999); // (1767225600000, SIP/1) twice
    expect(pairs.filter(([t, a]) => counted.add(t, a)).length).toBe(0);
  });
});
