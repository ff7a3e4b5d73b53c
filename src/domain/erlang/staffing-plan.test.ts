import { expect, test } from 'vitest';
import { requiredAgents } from './staffing.ts';
import { staffingPlan } from './staffing-plan.ts';

const options = { intervalSeconds: 1800, model: 'c' as const, targets: { serviceLevel: 0.8 }, slSeconds: 20, shrinkage: 0.3 };

test('each row is solved like a single interval and keeps its labels and order', () => {
  const rows = staffingPlan(
    [
      { skillGroup: 'policy', start: '09:00', calls: 100, ahtSeconds: 180 },
      { skillGroup: 'complaint', start: '09:00', calls: 40, ahtSeconds: 390 },
      { skillGroup: 'policy', start: '09:30', calls: 0, ahtSeconds: 180 },
      { skillGroup: 'policy', start: '10:00', calls: 100, ahtSeconds: 180 },
    ],
    options,
  );
  expect(rows.map((r) => [r.skillGroup, r.start])).toEqual([
    ['policy', '09:00'],
    ['complaint', '09:00'],
    ['policy', '09:30'],
    ['policy', '10:00'],
  ]);
  expect(rows[0]).toMatchObject({ traffic: 10, agents: 14, positions: 20 });
  const complaint = requiredAgents(
    { model: 'c', traffic: (40 * 390) / 1800, ahtSeconds: 390, slSeconds: 20 },
    { serviceLevel: 0.8 },
  );
  expect(rows[1]?.agents).toBe(complaint.agents);
  expect(rows[1]?.positions).toBe(Math.ceil(complaint.agents / 0.7 - 1e-9));
  expect(rows[2]).toMatchObject({ agents: 0, positions: 0 });
  expect(rows[3]?.metrics).toEqual(rows[0]?.metrics);
});

test('Erlang A uses the interval patience when given, else the plan default', () => {
  const rows = staffingPlan(
    [
      { skillGroup: 'q', start: 0, calls: 3000, ahtSeconds: 300 },
      { skillGroup: 'q', start: 1, calls: 3000, ahtSeconds: 300, patienceSeconds: 6000 },
    ],
    { ...options, model: 'a', patienceSeconds: 60, targets: { serviceLevel: 0.8, maxAbandonRate: 0.05 } },
  );
  expect(rows[0]?.agents).toBe(481);
  expect(rows[1]?.agents).toBeGreaterThan(481);
});
