import { expect, test } from 'vitest';
import { DEFAULT_SCENARIO, intervalLabel, nextId, parseList, simulateRequest } from './simulation-form.ts';

test('lists of calls: commas (also full-width) and spaces; anything else refused', () => {
  expect(parseList('60, 90,120')).toEqual([60, 90, 120]);
  expect(parseList('60，90 120')).toEqual([60, 90, 120]);
  expect(parseList('60, -1')).toBeNull();
  expect(parseList('60, x')).toBeNull();
  expect(parseList(' ')).toBeNull();
});

test('the default scenario as a request: seconds, skills by queue name with priorities, patience', () => {
  const r = simulateRequest(DEFAULT_SCENARIO);
  if (!('body' in r)) throw new Error('the default scenario parses');
  expect(r.body).toMatchObject({
    intervalSeconds: 1800,
    slSeconds: 20,
    replications: 10,
    seed: 1,
    queues: [
      { name: '政策咨询', callsPerInterval: [60, 90, 120, 130, 120, 100, 80, 60], ahtSeconds: 180, patienceSeconds: 120 },
      { name: '社保查询', ahtSeconds: 240 },
    ],
    agents: [
      { count: 11, skills: [{ queue: '政策咨询', priority: 1 }] },
      { count: 9, skills: [{ queue: '社保查询', priority: 1 }] },
      {
        count: 5,
        skills: [
          { queue: '政策咨询', priority: 1 },
          { queue: '社保查询', priority: 2 },
        ],
      },
    ],
  });
  const never = simulateRequest({ ...DEFAULT_SCENARIO, queues: [{ ...DEFAULT_SCENARIO.queues[0]!, patienceSeconds: '' }] });
  expect('body' in never && (never.body as { queues: { patienceSeconds: unknown }[] }).queues[0]?.patienceSeconds).toBeNull();
  expect(
    simulateRequest({
      ...DEFAULT_SCENARIO,
      queues: [DEFAULT_SCENARIO.queues[0]!, { ...DEFAULT_SCENARIO.queues[1]!, calls: '1,,x' }],
    }),
  ).toEqual({ badQueue: 1 });
});

test('interval labels on the clock from the start time', () => {
  expect(intervalLabel(0, 30, '08:00')).toBe('08:00');
  expect(intervalLabel(3, 30, '08:00')).toBe('09:30');
  expect(intervalLabel(5, 15, '23:30')).toBe('00:45');
  expect(intervalLabel(2, 30, 'bad')).toBe('01:00');
});

test('new rows get a key no other row has', () => {
  expect(nextId('q', [{ id: 'q1' }, { id: 'q2' }])).toBe('q3');
  expect(nextId('q', [{ id: 'q3' }, { id: 'q2' }])).toBe('q4'); // q1 removed earlier, q3 taken
});
