import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from '../../domain/contacts/contact.ts';
import { syntheticHistory } from '../../domain/forecast/synthetic.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

// The planner's path end to end on one database (the store code is covered on both elsewhere):
// stored calls → forecast → requirement → schedule → publish → the agent sees their shifts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(TEST_DIALECTS[0]);
  const db = t.handle.db;
  const g = (
    await db
      .insertInto('skill_group')
      .values({ code: 'p', name: '政策咨询', sl_threshold_seconds: 20, sl_target: 0.8 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('queue_map').values({ queue_name: 'p', skill_group_id: g }).execute();
  const contacts: Contact[] = [];
  for (const p of syntheticHistory('2026-10-27', 28, 300, 30)) {
    for (let k = 0; k < p.offered; k++) {
      const at = p.intervalStart + k * 1000;
      contacts.push({
        key: `s:${at}`,
        callId: `${at}`,
        queue: 'p',
        callerId: null,
        enteredAt: at,
        outcome: 'answered',
        waitSeconds: 5,
        answeredAt: at + 5000,
        endedAt: at + 245_000,
        agent: null,
        talkSeconds: 240,
        holdSeconds: 0,
        acwSeconds: 0,
        transferred: false,
        ringNoAnswer: 0,
      });
    }
  }
  await db.transaction().execute((tx) => storeContactBatch(tx, contacts, [], 'test'));
  for (let i = 0; i < 12; i++) {
    const a = (
      await db
        .insertInto('agent')
        .values({
          employee_no: String(2001 + i),
          name: `坐席${i}`,
          team_id: null,
          hire_date: null,
          contract_hours_per_week: 40,
          status: 'active',
          left_date: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.insertInto('agent_skill').values({ agent_id: a, skill_group_id: g, proficiency: 3 }).execute();
    if (i === 0) await db.updateTable('app_user').set({ agent_id: a }).where('username', '=', 'agent').execute();
  }
});
afterAll(() => t.close());

test('build, inspect and publish a schedule; the agent sees their shifts', async () => {
  const planner = (await t.signIn('planner')).headers;
  const built = await t.app.inject({
    method: 'POST',
    url: '/api/v1/schedules',
    headers: planner,
    payload: { start: '2026-11-30', weeks: 1, timeLimitSeconds: 10 },
  });
  expect(built.statusCode, built.body).toBe(201);
  expect(built.json()).toMatchObject({ violations: 0 });
  expect(built.json().assignments).toBeGreaterThan(5);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/schedules/${built.json().id}`, headers: planner })).json();
  expect(detail.result.coverage.length).toBe(7 * 48);
  const agent = (await t.signIn('agent')).headers;
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedules/mine', headers: agent })).json().items).toEqual([]);
  const pub = await t.app.inject({ method: 'POST', url: `/api/v1/schedules/${built.json().id}/publish`, headers: planner });
  expect(pub.statusCode).toBe(200);
  const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/schedules/mine', headers: agent })).json().items;
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.length).toBeLessThanOrEqual(6); // at least one rest day a week
  const past = await t.app.inject({
    method: 'POST',
    url: '/api/v1/schedules',
    headers: planner,
    payload: { start: '2026-11-01' },
  });
  expect(past.statusCode).toBe(400);
}, 60_000);

test('re-optimising keeps the locked assignments of an earlier schedule, and says how many', async () => {
  const planner = (await t.signIn('planner')).headers;
  const first = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/schedules',
      headers: planner,
      payload: { start: '2026-11-30', weeks: 1, timeLimitSeconds: 5 },
    })
  ).json();
  const db = t.handle.db;
  // Lock two assignments of different agents, as a planner's edits would.
  const picked = await db
    .selectFrom('schedule_assignment')
    .select(['id', 'agent_id', 'date', 'shift', 'segments_json'])
    .where('schedule_id', '=', first.id)
    .orderBy('id')
    .execute();
  const locked = [picked[0], picked.find((r) => r.agent_id !== picked[0]?.agent_id)].filter((r) => r !== undefined);
  expect(locked.length).toBe(2);
  await db
    .updateTable('schedule_assignment')
    .set({ locked: 1 })
    .where(
      'id',
      'in',
      locked.map((r) => r.id),
    )
    .execute();
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/v1/schedules',
    headers: planner,
    payload: { start: '2026-11-30', weeks: 1, timeLimitSeconds: 5, keepLocksFrom: first.id },
  });
  expect(again.statusCode, again.body).toBe(201);
  expect(again.json()).toMatchObject({ locksKept: 2, violations: 0 });
  for (const l of locked) {
    const kept = await db
      .selectFrom('schedule_assignment')
      .select(['shift', 'segments_json', 'locked'])
      .where('schedule_id', '=', again.json().id)
      .where('agent_id', '=', l.agent_id)
      .where('date', '=', l.date)
      .executeTakeFirst();
    expect(kept).toMatchObject({ shift: l.shift, segments_json: l.segments_json, locked: 1 });
  }
  const missing = await t.app.inject({
    method: 'POST',
    url: '/api/v1/schedules',
    headers: planner,
    payload: { start: '2026-11-30', keepLocksFrom: 9999 },
  });
  expect(missing.statusCode).toBe(422);
  expect(missing.json().errors[0].path).toBe('body.keepLocksFrom');
}, 90_000);
