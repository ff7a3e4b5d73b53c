import { expect, test } from 'vitest';
import { EventHeap } from './event-heap.ts';
import { createRandom } from './random.ts';

test('pops events in time order, equal times in the order they were pushed', () => {
  const heap = new EventHeap();
  const u = createRandom(3);
  const times = Array.from({ length: 2000 }, () => Math.floor(u() * 100));
  for (const [i, t] of times.entries()) heap.push(t, i % 5, i);
  const out = { time: 0, kind: 0, ref: 0 };
  const popped: { time: number; ref: number }[] = [];
  while (heap.pop(out)) popped.push({ time: out.time, ref: out.ref });
  const expected = times.map((time, ref) => ({ time, ref })).sort((a, b) => a.time - b.time || a.ref - b.ref);
  expect(popped).toEqual(expected);
  expect(heap.size).toBe(0);
  expect(heap.pop(out)).toBe(false);
});
