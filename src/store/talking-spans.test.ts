import { describe, expect, test } from 'vitest';
import { talkingSpanCounter } from './talking-spans.ts';

describe('talkingSpanCounter', () => {
  test('counts a key (start, agent) once, also in the next batch, and forgets it two batches later', () => {
    const counted = talkingSpanCounter();
    counted.nextBatch();
    expect(counted.add(1000, 'SIP/1')).toBe(true);
    expect(counted.add(1000, 'SIP/1')).toBe(false);
    // Another agent at the same instant is another span.
    expect(counted.add(1000, 'SIP/2')).toBe(true);
    expect(counted.add(1000, 'SIP/2')).toBe(false);
    counted.nextBatch();
    // The pair's second call in the next batch.
    expect(counted.add(1000, 'SIP/1')).toBe(false);
    expect(counted.add(1000, 'SIP/2')).toBe(false);
    expect(counted.add(2000, 'SIP/1')).toBe(true);
    counted.nextBatch();
    expect(counted.add(1000, 'SIP/1')).toBe(true);
    expect(counted.add(2000, 'SIP/1')).toBe(false);
  });
});
