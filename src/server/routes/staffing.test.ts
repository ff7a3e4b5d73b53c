import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateStaffing, requiredAgents } from '../../domain/erlang/staffing.ts';
import { staffingPlan } from '../../domain/erlang/staffing-plan.ts';
import { simulateReplications } from '../../domain/simulation/replications.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { simulationInput } from './staffing.ts';
import { simulateSchema } from './staffing-schemas.ts';

/** Erlang C by hand (second method): B by the recursion, C = nB/(n − A(1 − B)), SL, ASA, occupancy. */
function erlangCByHand(n: number, a: number, aht: number, t: number) {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  const c = (n * b) / (n - a * (1 - b));
  return { pWait: c, serviceLevel: 1 - c * Math.exp((-(n - a) * t) / aht), asaSeconds: (c * aht) / (n - a), occupancy: a / n };
}

describe.each(TEST_DIALECTS)('staffing API (%s)', (dialect) => {
  let t: TestApp;
  let h: Record<string, string>;
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/staffing/${url}`, headers: h, payload: payload as object });
  beforeAll(async () => {
    t = await createTestApp(dialect);
    h = (await t.signIn('planner')).headers;
  });
  afterAll(() => t.close());

  test("the issue's reference case: 100 calls / 30 min, AHT 180 s, 80 % in 20 s, shrinkage 0.3 → 14 agents, 20 positions", async () => {
    const res = await post('solve', {
      calls: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targets: { serviceLevel: 0.8, slSeconds: 20 },
      shrinkage: 0.3,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      model: 'c',
      traffic: 10,
      agents: 14,
      positions: 20,
      defined: true,
      binding: ['serviceLevel'],
      failed: [],
    });
    // Published in docs/staffing.md and equal to the formula computed here independently.
    expect(body.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(body.pWait).toBeCloseTo(0.174132, 6);
    expect(body.asaSeconds).toBeCloseTo(7.836, 3);
    expect(body.occupancy).toBeCloseTo(0.714286, 6);
    const direct = requiredAgents({ model: 'c', traffic: 10, ahtSeconds: 180, slSeconds: 20 }, { serviceLevel: 0.8 });
    expect(body.fractionalAgents).toBe(direct.fractionalAgents);
    expect(body.fractionalAgents).toBeGreaterThan(13);
    expect(body.fractionalAgents).toBeLessThan(14);
    // What-if n = 9 … 19: 9 and 10 agents cannot carry 10 Erlangs under Erlang C — said so, never NaN.
    expect(body.whatIf.map((r: { agents: number }) => r.agents)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(body.whatIf[0]).toMatchObject({ agents: 9, defined: false });
    expect(body.whatIf[1].reason).toMatch(/\S/);
    expect(JSON.stringify(body)).not.toMatch(/NaN|null/);
    for (const row of body.whatIf.slice(2)) {
      const ref = erlangCByHand(row.agents, 10, 180, 20);
      for (const k of ['pWait', 'serviceLevel', 'asaSeconds', 'occupancy'] as const) expect(row[k]).toBeCloseTo(ref[k], 10);
    }
    expect(body.whatIf[4].serviceLevel).toBeLessThan(0.8); // 13 agents miss the target, hence 14
  });

  test('Erlang A: the reference figures at 14 agents, and the abandonment cap that SL alone hides', async () => {
    const at14 = (await post('solve', { calls: 100, ahtSeconds: 180, model: 'a', patienceSeconds: 300, agents: 14 })).json();
    expect(at14).toMatchObject({ agents: 14, defined: true, failed: [] });
    expect(at14.pWait).toBeCloseTo(0.14526, 6);
    expect(at14.pAbandon).toBeCloseTo(0.013984, 6);
    expect(at14.serviceLevel).toBeCloseTo(0.916792, 6);
    expect(at14.occupancy).toBeCloseTo(0.704297, 6);
    expect(at14.asaSeconds).toBeCloseTo(at14.pAbandon * 300, 9); // ASA over all offered = P(abandon) × mean patience

    const big = { calls: 3000, intervalSeconds: 1800, ahtSeconds: 300, model: 'a', patienceSeconds: 60 };
    const slOnly = (await post('solve', { ...big, targets: { serviceLevel: 0.8, slSeconds: 20 } })).json();
    const capped = (await post('solve', { ...big, targets: { serviceLevel: 0.8, slSeconds: 20, maxAbandonRate: 0.05 } })).json();
    expect([slOnly.agents, capped.agents]).toEqual([425, 481]);
    const direct = requiredAgents(
      { model: 'a', traffic: 500, ahtSeconds: 300, slSeconds: 20, patienceSeconds: 60 },
      { serviceLevel: 0.8, maxAbandonRate: 0.05 },
    );
    expect(capped.agents).toBe(direct.agents);
    expect(capped.binding).toEqual(direct.binding);
    // Evaluating 425 against both targets: SL met, abandonment not — the case the calculator warns about.
    const given = (
      await post('solve', { ...big, agents: 425, targets: { serviceLevel: 0.8, slSeconds: 20, maxAbandonRate: 0.05 } })
    ).json();
    expect(given.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(given.pAbandon).toBeGreaterThan(0.14);
    expect(given.failed).toEqual(['maxAbandonRate']);
  });

  test('bad input → 400 problem naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ calls: 100, ahtSeconds: 180, model: 'a', targets: { serviceLevel: 0.8 } }, 'body.patienceSeconds'],
      [{ calls: 100, ahtSeconds: 180 }, 'body.targets'],
      [{ calls: -1, ahtSeconds: 180, targets: { serviceLevel: 0.8 } }, 'body.calls'],
      [{ calls: 100, ahtSeconds: '180', targets: { serviceLevel: 0.8 } }, 'body.ahtSeconds'],
      [{ calls: 100, ahtSeconds: 180, targets: { serviceLevel: 80 } }, 'body.targets.serviceLevel'],
      [{ calls: 100, ahtSeconds: 180, targets: { serviceLevel: 0.8 }, shrinkage: 1 }, 'body.shrinkage'],
    ];
    for (const [payload, path] of cases) {
      const res = await post('solve', payload);
      expect(res.statusCode, path).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const plan = await post('plan', { intervals: [], targets: { serviceLevel: 0.8 } });
    expect(plan.json().errors[0].path).toBe('body.intervals');
  });

  test('a plan of intervals equals staffingPlan row by row, with fractional agents', async () => {
    const intervals = [
      { skillGroup: 'policy', start: '09:00', calls: 100, ahtSeconds: 180 },
      { skillGroup: 'policy', start: '09:30', calls: 0, ahtSeconds: 180 },
      { skillGroup: 'tax', start: '09:00', calls: 37, ahtSeconds: 420, patienceSeconds: 120 },
    ];
    const res = (
      await post('plan', {
        intervals,
        model: 'a',
        patienceSeconds: 300,
        targets: { serviceLevel: 0.8, slSeconds: 20, maxAbandonRate: 0.03 },
        shrinkage: 0.3,
      })
    ).json();
    const direct = staffingPlan(intervals, {
      intervalSeconds: 1800,
      model: 'a',
      patienceSeconds: 300,
      targets: { serviceLevel: 0.8, maxAbandonRate: 0.03 },
      slSeconds: 20,
      shrinkage: 0.3,
    });
    expect(res.rows).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(res.rows[1]).toMatchObject({ traffic: 0, agents: 0, positions: 0 });
    const c = (await post('plan', { intervals: intervals.slice(0, 1), targets: { serviceLevel: 0.8 }, shrinkage: 0.3 })).json();
    expect(c.rows[0]).toMatchObject({ traffic: 10, agents: 14, positions: 20 });
  });

  test('a simulation equals the domain run on the same input, agrees with Erlang A, and refuses big or inconsistent scenarios', async () => {
    const payload = {
      replications: 8,
      seed: 7,
      queues: [
        { name: 'policy', callsPerInterval: [100, 100], ahtSeconds: 180, patienceSeconds: 300, agentsPerInterval: [14, 14] },
      ],
    };
    const res = await post('simulate', payload);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const direct = simulateReplications(simulationInput(simulateSchema.parse(payload)), {
      replications: 8,
      seed: 7,
      slSeconds: 20,
    });
    expect(body.intervals).toEqual(JSON.parse(JSON.stringify(direct.intervals)));
    const total = body.totals[0];
    const erlangA = evaluateStaffing({ model: 'a', traffic: 10, ahtSeconds: 180, slSeconds: 20, patienceSeconds: 300 }, 14);
    if (!erlangA.defined) throw new Error('Erlang A is defined at 14 agents');
    // 2 × the half-width: a start-up transient (the run starts empty) and 8 replications only.
    expect(Math.abs(total.serviceLevel.mean - erlangA.serviceLevel)).toBeLessThan(2 * total.serviceLevel.halfWidth);
    expect(total.serviceLevel.halfWidth).toBeGreaterThan(0);

    const multi = await post('simulate', {
      replications: 3,
      queues: [
        { name: 'a', callsPerInterval: [60], ahtSeconds: 180 },
        { name: 'b', callsPerInterval: [30], ahtSeconds: 240, patienceSeconds: null },
      ],
      agents: [
        {
          count: 6,
          skills: [
            { queue: 'a', priority: 1 },
            { queue: 'b', priority: 2 },
          ],
        },
        { count: 4, skills: [{ queue: 'b', priority: 1 }] },
      ],
    });
    expect(multi.json().totals.map((x: { queue: string }) => x.queue)).toEqual(['a', 'b']);
    // Callers of b never hang up: the only "abandoned" ones are those still queued when the run ends.
    expect(multi.json().totals[1].abandonRate.mean).toBeLessThan(0.05);
    expect(multi.json().totals[0].abandonRate.mean).toBeGreaterThan(multi.json().totals[1].abandonRate.mean);

    const tooBig = await post('simulate', {
      replications: 50,
      queues: [{ name: 'a', callsPerInterval: Array(96).fill(1000), ahtSeconds: 180 }],
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].path).toBe('body.replications');
    const unknown = await post('simulate', {
      queues: [{ name: 'a', callsPerInterval: [10], ahtSeconds: 180 }],
      agents: [{ count: 1, skills: [{ queue: 'x', priority: 1 }] }],
    });
    expect(unknown.json().errors[0].path).toBe('body.agents.0.skills.0.queue');
    const lengths = await post('simulate', {
      queues: [{ name: 'a', callsPerInterval: [10, 10], ahtSeconds: 180, agentsPerInterval: [2] }],
    });
    expect(lengths.json().errors[0].path).toBe('body.queues.0.agentsPerInterval');
  });

  test('a team lead may staff; an agent may not', async () => {
    const lead = (await t.signIn('team_lead')).headers;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staffing/solve',
      headers: lead,
      payload: { calls: 10, ahtSeconds: 100, targets: { serviceLevel: 0.8 } },
    });
    expect(ok.statusCode).toBe(200);
    const agent = (await t.signIn('agent')).headers;
    const no = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staffing/solve',
      headers: agent,
      payload: { calls: 10, ahtSeconds: 100, targets: { serviceLevel: 0.8 } },
    });
    expect(no.statusCode).toBe(403);
  });
});
