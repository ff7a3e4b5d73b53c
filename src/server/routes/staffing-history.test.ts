import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Contact } from '../../domain/contacts/contact.ts';
import { requiredAgents } from '../../domain/erlang/staffing.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { estimatedPatience, lastFullWeek } from './staffing-history.ts';

test('the last full Monday–Sunday week in the center zone', () => {
  // Sunday 22 Nov 2026 23:00 in Shanghai (15:00 UTC): that week is full.
  expect(lastFullWeek(Date.parse('2026-11-22T15:00:00Z'), 'Asia/Shanghai')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
  // Monday 23 Nov 00:30 in Shanghai is still Sunday in UTC; the zone decides: the week of the 23rd is not full.
  expect(lastFullWeek(Date.parse('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
  // Saturday 21 Nov: the week before.
  expect(lastFullWeek(Date.parse('2026-11-21T04:00:00Z'), 'Asia/Shanghai')).toEqual({ from: '2026-11-09', to: '2026-11-16' });
});

test('patience from waits: Σ wait of all calls ÷ abandoned', () => {
  expect(estimatedPatience({ answered: 90, asaSeconds: 10, abandoned: 10, avgAbandonSeconds: 30 })).toBe(120);
  expect(estimatedPatience({ answered: 90, asaSeconds: 10, abandoned: 0, avgAbandonSeconds: null })).toBeNull();
});

/** Shanghai local time on a day of the test week → epoch ms (UTC+8, no DST). */
const local = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);

function call(i: number, enteredAt: number, outcome: 'answered' | 'abandoned', wait: number): Contact {
  const answered = outcome === 'answered';
  return {
    key: `t:${i}`,
    callId: `c${i}`,
    queue: 'q-policy',
    callerId: null,
    enteredAt,
    outcome,
    waitSeconds: wait,
    answeredAt: answered ? enteredAt + wait * 1000 : null,
    endedAt: enteredAt + (wait + (answered ? 150 : 0)) * 1000,
    agent: answered ? 'PJSIP/1001' : null,
    talkSeconds: answered ? 120 : 0,
    holdSeconds: answered ? 30 : 0,
    acwSeconds: answered ? 30 : 0,
    transferred: false,
    ringNoAnswer: 0,
  };
}

describe.each(TEST_DIALECTS)('the requirement of a past week from stored calls (%s)', (dialect) => {
  let t: TestApp;
  let h: Record<string, string>;
  let groupId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    h = (await t.signIn('manager')).headers;
    const db = t.handle.db;
    const g = await db
      .insertInto('skill_group')
      .values({ code: 'policy', name: '政策咨询', sl_threshold_seconds: 20, sl_target: 0.8 })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupId = Number(g.id);
    await db.insertInto('queue_map').values({ queue_name: 'q-policy', skill_group_id: groupId }).execute();
    const contacts: Contact[] = [];
    // Tuesday 17 Nov 09:00–09:30: 100 calls answered after 10 s, AHT 120 + 30 + 30 = 180 s → 10 Erlangs.
    for (let i = 0; i < 100; i++) contacts.push(call(i, local('2026-11-17', '09:00') + i * 17_000, 'answered', 10));
    // Wednesday 18 Nov 14:00–14:30: 2 calls, both abandoned after 40 s — no AHT of their own.
    contacts.push(
      call(100, local('2026-11-18', '14:05'), 'abandoned', 40),
      call(101, local('2026-11-18', '14:10'), 'abandoned', 40),
    );
    // Sunday 22 Nov 22:00: the latest call, so the week 16–22 Nov is the last full one.
    contacts.push(call(102, local('2026-11-22', '22:00'), 'answered', 10));
    await storeContactBatch(db, contacts, [], 'test');
  });
  afterAll(() => t.close());

  test('every half hour of the week, the reference interval staffed at 14 agents / 20 positions, abandoned-only intervals with the week AHT', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/staffing/plan/history?skillGroupId=${groupId}`, headers: h });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-23',
      interval: 30,
      shrinkage: 0.3,
      skillGroup: { name: '政策咨询', slTarget: 0.8, slSeconds: 20 },
    });
    expect(body.rows).toHaveLength(7 * 48);
    expect(body.rows[0].start).toBe('2026-11-16T00:00:00+08:00');
    const at = (start: string) => body.rows.find((r: { start: string }) => r.start === start);
    expect(at('2026-11-17T09:00:00+08:00')).toMatchObject({
      calls: 100,
      ahtSeconds: 180,
      ahtSource: 'interval',
      traffic: 10,
      agents: 14,
      positions: 20,
    });
    expect(at('2026-11-17T09:00:00+08:00').serviceLevel).toBeCloseTo(0.88835, 6);
    // 2 calls × 180 s (the week's AHT: every handled call took 180 s) / 1800 s = 0.2 Erlangs. By hand, one agent:
    // B = 0.2/1.2, C = B/(1 − 0.2(1 − B)) = 0.2, SL = 1 − 0.2·e^(−0.8·20/180) = 0.817 ≥ 0.8; positions ⌈1/0.7⌉ = 2.
    const abandonedOnly = at('2026-11-18T14:00:00+08:00');
    expect(abandonedOnly).toMatchObject({ calls: 2, ahtSeconds: 180, ahtSource: 'period', agents: 1, positions: 2 });
    expect(abandonedOnly.traffic).toBeCloseTo(0.2, 12);
    expect(abandonedOnly.serviceLevel).toBeCloseTo(1 - 0.2 * Math.exp((-0.8 * 20) / 180), 12);
    expect(at('2026-11-16T03:00:00+08:00')).toMatchObject({ calls: 0, ahtSeconds: null, agents: 0, positions: 0 });
    const totalCalls = body.rows.reduce((s: number, r: { calls: number }) => s + r.calls, 0);
    expect(totalCalls).toBe(103);
  });

  test('quarter hours, Erlang A with the patience estimated from the week, and the occupancy cap', async () => {
    const q = `skillGroupId=${groupId}&from=2026-11-17&to=2026-11-18&interval=15&model=a&maxOccupancy=0.7&shrinkage=0`;
    const body = (
      await t.app.inject({ method: 'GET', url: `/api/v1/staffing/plan/history?${q}&patienceSeconds=300`, headers: h })
    ).json();
    expect(body.rows).toHaveLength(96);
    // 09:00–09:15 holds calls 0…52 (one every 17 s): A = 53 × 180 / 900 = 10.6 Erlangs.
    const row = body.rows.find((r: { start: string }) => r.start === '2026-11-17T09:00:00+08:00');
    const direct = requiredAgents(
      { model: 'a', traffic: 10.6, ahtSeconds: 180, slSeconds: 20, patienceSeconds: 300 },
      { serviceLevel: 0.8, maxOccupancy: 0.7 },
    );
    expect(row).toMatchObject({ calls: 53, agents: direct.agents, binding: direct.binding });
    expect(row.occupancy).toBeLessThanOrEqual(0.7);
    // In 17 Nov alone nobody abandoned: no estimate, the planner must give the patience.
    const noEstimate = await t.app.inject({ method: 'GET', url: `/api/v1/staffing/plan/history?${q}`, headers: h });
    expect(noEstimate.statusCode).toBe(422);
  });

  test('Erlang A over the full week: patience = Σ waits ÷ abandoned = (101 × 10 + 2 × 40) / 2 = 545 s', async () => {
    const body = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/staffing/plan/history?skillGroupId=${groupId}&from=2026-11-16&to=2026-11-23&interval=15&model=a&maxAbandonRate=0.02`,
        headers: h,
      })
    ).json();
    expect(body.patienceSeconds).toBeCloseTo(545, 9);
    const row = body.rows.find((r: { start: string }) => r.start === '2026-11-17T09:00:00+08:00');
    expect(row.calls).toBe(53);
    const direct = requiredAgents(
      { model: 'a', traffic: (53 * 180) / 900, ahtSeconds: 180, slSeconds: 20, patienceSeconds: 545 },
      { serviceLevel: 0.8, maxAbandonRate: 0.02 },
    );
    expect(row.agents).toBe(direct.agents);
    expect(row.positions).toBe(Math.ceil(direct.agents / 0.7 - 1e-9));
  });

  test('bad queries: unknown group 404, from without to 400, more than a month 400', async () => {
    const get = (q: string) => t.app.inject({ method: 'GET', url: `/api/v1/staffing/plan/history?${q}`, headers: h });
    expect((await get('skillGroupId=999')).statusCode).toBe(404);
    const half = await get(`skillGroupId=${groupId}&from=2026-11-16`);
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0].path).toBe('query.to');
    expect((await get(`skillGroupId=${groupId}&from=2026-01-01&to=2026-03-01`)).json().errors[0].path).toBe('query.to');
    expect((await get(`skillGroupId=${groupId}&interval=20`)).json().errors[0].path).toBe('query.interval');
  });
});
