import { expect, test } from 'vitest';
import { mergeSpans, resolveAgents } from './roster.ts';

test('per-interval counts become dedicated agents with joined spans', () => {
  const agents = resolveAgents({
    intervalSeconds: 1800,
    queues: [
      {
        name: 'q',
        callsPerInterval: [1, 1, 1],
        talk: { distribution: 'exponential', meanSeconds: 60 },
        patienceSeconds: 60,
        agentsPerInterval: [2, 1, 2],
      },
    ],
    agents: [{ skills: [{ queue: 'q', priority: 2 }], shifts: [{ startSeconds: 100, endSeconds: 200 }] }],
  });
  expect(agents).toHaveLength(3);
  expect(agents[0]?.shifts).toEqual([{ startSeconds: 100, endSeconds: 200 }]);
  expect(agents[1]?.shifts).toEqual([{ startSeconds: 0, endSeconds: 5400 }]);
  expect(agents[2]?.shifts).toEqual([
    { startSeconds: 0, endSeconds: 1800 },
    { startSeconds: 3600, endSeconds: 5400 },
  ]);
  expect(() =>
    resolveAgents({
      intervalSeconds: 60,
      queues: [
        {
          name: 'q',
          callsPerInterval: [1],
          talk: { distribution: 'exponential', meanSeconds: 1 },
          patienceSeconds: 1,
          agentsPerInterval: [1.5],
        },
      ],
    }),
  ).toThrow(/whole number/);
});

test('spans are sorted and overlapping or touching ones joined', () => {
  expect(
    mergeSpans([
      { startSeconds: 50, endSeconds: 60 },
      { startSeconds: 0, endSeconds: 10 },
      { startSeconds: 10, endSeconds: 20 },
      { startSeconds: 55, endSeconds: 70 },
      { startSeconds: 80, endSeconds: 80 },
    ]),
  ).toEqual([
    { startSeconds: 0, endSeconds: 20 },
    { startSeconds: 50, endSeconds: 70 },
  ]);
});
