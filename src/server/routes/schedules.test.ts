import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from '../../domain/contacts/contact.ts';
import { syntheticHistory } from '../../domain/forecast/synthetic.ts';
import { DEFAULT_TEMPLATES, type ShiftTemplate } from '../../domain/schedule/types.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { addAgents, addPolicyGroup, addPublishedSchedule, addShift } from './schedule-test-setup.ts';

// The planner's path end to end on one database (the store code is covered on both elsewhere):
// stored calls → forecast → requirement → schedule → publish → the agent sees their shifts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(TEST_DIALECTS[0]);
  const db = t.handle.db;
  const g = await addPolicyGroup(db);
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
  const [first] = await addAgents(db, g, 2001, 12);
  await db.updateTable('app_user').set({ agent_id: first! }).where('username', '=', 'agent').execute();
});
afterAll(() => t.close());

/** POST /api/v1/schedules as the planner. */
const build = async (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/schedules', headers: (await t.signIn('planner')).headers, payload });

test('build, inspect and publish a schedule; the agent sees their shifts', async () => {
  const planner = (await t.signIn('planner')).headers;
  const built = await build({ start: '2026-11-30', weeks: 1, timeLimitSeconds: 10 });
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
  const past = await build({ start: '2026-11-01' });
  expect(past.statusCode).toBe(400);
}, 60_000);

test('re-optimising keeps the locked assignments of an earlier schedule, and says how many', async () => {
  const first = (await build({ start: '2026-11-30', weeks: 1, timeLimitSeconds: 5 })).json();
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
  const again = await build({ start: '2026-11-30', weeks: 1, timeLimitSeconds: 5, keepLocksFrom: first.id });
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
  const missing = await build({ start: '2026-11-30', keepLocksFrom: 9999 });
  expect(missing.statusCode).toBe(422);
  expect(missing.json().errors[0].path).toBe('body.keepLocksFrom');
}, 90_000);

test('a build reads the published schedule before it: no rest, run or night limit is broken across the boundary', async () => {
  const db = t.handle.db;
  const agents = await db.selectFrom('agent').select(['id', 'employee_no']).orderBy('employee_no').execute();
  const idOf = new Map(agents.map((a) => [a.employee_no, a.id]));
  // The week before 11-30, published: 2001 early Tue–Sun (six in a row), 2002 late on Sunday (to 23:00),
  // 2003 nights Fri–Sun (3 in 7 days: no night until Friday 12-04).
  const [EARLY, , LATE, NIGHT] = DEFAULT_TEMPLATES;
  const week = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
  const before: [string, string, ShiftTemplate][] = [
    ...week.map((d): [string, string, ShiftTemplate] => ['2001', d, EARLY!]),
    ['2002', '2026-11-29', LATE!],
    ...week.slice(3).map((d): [string, string, ShiftTemplate] => ['2003', d, NIGHT!]),
  ];
  const id = await addPublishedSchedule(db, '2026-11-23', 1, { publishedAt: 0 });
  for (const [agent, date, tmpl] of before) await addShift(db, id, { id: idOf.get(agent)!, no: agent }, date, tmpl);
  // Everyone else is on leave on Monday 11-30, so the three are wanted there: only the week before holds them back.
  const leave = agents.filter((a) => !['2001', '2002', '2003'].includes(a.employee_no));
  await db
    .insertInto('schedule_request')
    .values(
      leave.map((a) => ({
        agent_id: a.id,
        kind: 'leave',
        date: '2026-11-30',
        with_agent_id: null,
        status: 'approved',
        note: null,
        decided_by: 'planner',
        created_at: 0,
        decided_at: 0,
      })),
    )
    .execute();
  const built = await build({ start: '2026-11-30', weeks: 1, timeLimitSeconds: 10 });
  expect(built.statusCode, built.body).toBe(201);
  expect(built.json()).toMatchObject({ violations: 0, previousShifts: before.length });
  const rows = await db
    .selectFrom('schedule_assignment')
    .select(['agent_id', 'date', 'shift', 'segments_json'])
    .where('schedule_id', '=', built.json().id)
    .execute();
  const of = (agent: string) => rows.filter((r) => r.agent_id === idOf.get(agent));
  expect(of('2001').filter((r) => r.date === '2026-11-30')).toEqual([]);
  for (const r of of('2002').filter((x) => x.date === '2026-11-30'))
    expect(JSON.parse(r.segments_json)[0].start >= '2026-11-30T10:00:00+08:00').toBe(true);
  expect(of('2003').filter((r) => r.date < '2026-12-04' && r.shift.startsWith('夜班'))).toEqual([]);
}, 60_000);
