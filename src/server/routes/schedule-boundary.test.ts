import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES, type ShiftTemplate } from '../../domain/schedule/types.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import {
  addAgents,
  addDraftSchedule,
  addPolicyGroup,
  addPublishedSchedule,
  addShift,
  approveRequest,
} from './schedule-test-setup.ts';

const [EARLY, , LATE] = DEFAULT_TEMPLATES; // 早班 from 07:00, 晚班 14:00–23:00

/**
 * A test app with `count` agents from 1001 (1001 signs in as 'agent') and two published weeks, A 11-30…12-06 and
 * B 12-07…12-13, holding these shifts: [agent k (1001 + k), 0 = A or 1 = B, date, template].
 */
async function twoWeeks(
  dialect: (typeof TEST_DIALECTS)[number],
  count: number,
  shifts: [number, 0 | 1, string, ShiftTemplate][],
) {
  const t = await createTestApp(dialect);
  const db = t.handle.db;
  const ids = await addAgents(db, await addPolicyGroup(db), 1001, count);
  await db.updateTable('app_user').set({ agent_id: ids[0]! }).where('username', '=', 'agent').execute();
  const schedules = [
    await addPublishedSchedule(db, '2026-11-30', 1, { publishedAt: 1 }),
    await addPublishedSchedule(db, '2026-12-07', 1, { publishedAt: 2 }),
  ];
  for (const [k, s, date, tmpl] of shifts) await addShift(db, schedules[s]!, { id: ids[k]!, no: String(1001 + k) }, date, tmpl);
  return { t, ids, schedules, planner: (await t.signIn('planner')).headers, agentH: (await t.signIn('agent')).headers };
}

/** A planner's edit of one cell of the grid. */
const putCell = (t: TestApp, url: string, headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers, payload });

// Two published weeks, 11-30…12-06 (A) and 12-07…12-13 (B). 1003 works late on Sunday 12-06 (A); 1001 and 1002
// early on Monday 12-07 (B). A change on either side of the boundary is checked with the other week's shifts.
describe.each(TEST_DIALECTS)('schedule changes across two published schedules on %s', (dialect) => {
  let t: TestApp;
  let planner: Record<string, string>;
  let agentH: Record<string, string>;
  let schedules: number[] = [];

  beforeAll(async () => {
    ({ t, planner, agentH, schedules } = await twoWeeks(dialect, 3, [
      [2, 0, '2026-12-06', LATE!],
      [0, 1, '2026-12-07', EARLY!],
      [1, 1, '2026-12-07', EARLY!],
    ]));
  });
  afterAll(() => t.close());

  test('a swap (替班) that leaves 8 h rest after the previous schedule is refused with min_rest', async () => {
    // 1003 worked to 23:00 on Sunday (schedule A); taking 1001's 07:00 Monday (schedule B) leaves 8 h.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schedule-requests',
      headers: agentH,
      payload: { kind: 'swap', date: '2026-12-07', withAgent: '1003' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().check.eligible).toBe(false);
    expect(res.json().check.violations).toContainEqual(
      expect.objectContaining({ agent: '1003', rule: 'min_rest', detail: expect.stringContaining('the schedule before') }),
    );
    const approve = await approveRequest(t, planner, res.json().id);
    expect(approve.statusCode).toBe(409);
    expect(approve.json().errors.map((e: { path: string }) => e.path)).toContain('min_rest');
  });

  test("a planner's edit on the last day that leaves 8 h rest before the next schedule is refused with min_rest", async () => {
    const url = `/api/v1/schedules/${schedules[0]}/cells`;
    const bad = await putCell(t, url, planner, { agent: '1002', date: '2026-12-06', shift: '晚班' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ path: 'min_rest', message: expect.stringContaining('the schedule after') }),
    );
    // 1001 has nothing on Sunday: an early shift there keeps the rest before Monday's.
    const ok = await putCell(t, url, planner, { agent: '1001', date: '2026-12-06', shift: '早班' });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

// November's overtime shared by two published schedules: 11-02…11-15 (A) and 11-16…11-22 (B). 1004 has a 20 h
// contract: 40 h in the week of 11-02 and 32 h in the week of 11-09 (A) are 20 + 12 = 32 h of November's 36.
describe.each(TEST_DIALECTS)('weekly and monthly limits across two published schedules on %s', (dialect) => {
  let t: TestApp;
  let planner: Record<string, string>;
  const schedules: number[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const [id] = await addAgents(db, await addPolicyGroup(db), 1004, 1);
    await db.updateTable('agent').set({ contract_hours_per_week: 20 }).where('id', '=', id!).execute();
    schedules.push(await addPublishedSchedule(db, '2026-11-02', 2, { publishedAt: 1 }));
    schedules.push(await addPublishedSchedule(db, '2026-11-16', 1, { publishedAt: 2 }));
    const who = { id: id!, no: '1004' };
    for (const d of ['02', '03', '04', '05', '06', '09', '10', '11', '12'])
      await addShift(db, schedules[0]!, who, `2026-11-${d}`, EARLY!);
    for (const d of ['16', '17']) await addShift(db, schedules[1]!, who, `2026-11-${d}`, EARLY!);
    planner = (await t.signIn('planner')).headers;
  });
  afterAll(() => t.close());

  test('a cell edit that would take November past 36 h of overtime is refused with max_overtime_per_month', async () => {
    const url = `/api/v1/schedules/${schedules[1]}/cells`;
    // Wednesday: 24 h in the week of 11-16, 4 h over: 36 h in November.
    const ok = await putCell(t, url, planner, { agent: '1004', date: '2026-11-18', shift: '早班' });
    expect(ok.statusCode, ok.body).toBe(200);
    // Thursday: 32 h, 12 over: 44 h.
    const bad = await putCell(t, url, planner, { agent: '1004', date: '2026-11-19', shift: '早班' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ path: 'max_overtime_per_month', message: expect.stringContaining('neighbouring schedules') }),
    );
  });
});

// A draft for 11-30…12-06 built while the week before (published) left 1001 free on Sunday 11-29; the week before
// then changes (1001 late to 23:00 on Sunday), so the draft's 07:00 Monday would leave 8 h: publishing refuses.
describe.each(TEST_DIALECTS)('publishing re-checks a draft against the published schedules on %s', (dialect) => {
  let t: TestApp;
  let planner: Record<string, string>;
  let draft = 0;
  let before = 0;
  let who: { id: number; no: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const [id] = await addAgents(db, await addPolicyGroup(db), 1001, 1);
    who = { id: id!, no: '1001' };
    before = await addPublishedSchedule(db, '2026-11-23', 1, { publishedAt: 1 });
    draft = await addDraftSchedule(db, '2026-11-30', 1);
    await addShift(db, draft, who, '2026-11-30', EARLY!);
    planner = (await t.signIn('planner')).headers;
  });
  afterAll(() => t.close());

  test('a neighbour changed after the build: refused with the rule, agent and date; published once it holds again', async () => {
    const db = t.handle.db;
    await addShift(db, before, who, '2026-11-29', LATE!);
    const publish = () => t.app.inject({ method: 'POST', url: `/api/v1/schedules/${draft}/publish`, headers: planner });
    const refused = await publish();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      { path: 'min_rest', message: expect.stringMatching(/^1001: 2026-11-30: 8\.0 h rest before day 0 .*the schedule before/) },
    ]);
    const status = await db.selectFrom('schedule').select('status').where('id', '=', draft).executeTakeFirstOrThrow();
    expect(status.status).toBe('draft');
    await db.deleteFrom('schedule_assignment').where('schedule_id', '=', before).execute();
    const ok = await publish();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('published');
  });
});

// A two-way swap (换班) across two published schedules, A (11-30…12-06) and B (12-07…12-13): 1002 works late on
// Sunday 12-06 (A), 1001 early on Monday 12-07 and Tuesday 12-08 (B).
describe.each(TEST_DIALECTS)('a swap with a colleague’s day in the neighbouring schedule on %s', (dialect) => {
  let t: TestApp;
  let planner: Record<string, string>;
  let agentH: Record<string, string>;
  let ids: number[] = [];
  let schedules: number[] = [];

  beforeAll(async () => {
    ({ t, planner, agentH, ids, schedules } = await twoWeeks(dialect, 2, [
      [1, 0, '2026-12-06', LATE!],
      [0, 1, '2026-12-07', EARLY!],
      [0, 1, '2026-12-08', EARLY!],
    ]));
  });
  afterAll(() => t.close());

  const ask = (date: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/schedule-requests',
      headers: agentH,
      payload: { kind: 'swap', date, withAgent: '1002', withDate: '2026-12-06' },
    });

  test('refused when the rules break across the two: Sunday’s late shift before 1001’s own Monday 07:00', async () => {
    // 1001 gives Tuesday and takes Sunday's 14:00–23:00, keeping Monday's 07:00: 8 h rest.
    const res = await ask('2026-12-08');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().check.eligible).toBe(false);
    expect(res.json().check.violations).toEqual([expect.objectContaining({ agent: '1001', rule: 'min_rest' })]);
  });

  test('allowed when they hold, and approving changes both schedules', async () => {
    const res = await ask('2026-12-07');
    expect(res.json().check).toEqual({ eligible: true, violations: [] });
    const approve = await approveRequest(t, planner, res.json().id);
    expect(approve.statusCode, approve.body).toBe(200);
    expect([...approve.json().changed].sort()).toEqual(['1001', '1002']);
    const rows = await t.handle.db
      .selectFrom('schedule_assignment')
      .select(['schedule_id', 'agent_id', 'date', 'shift'])
      .orderBy('date')
      .execute();
    const shown = rows.map((r) => [
      r.schedule_id === schedules[0] ? 'A' : 'B',
      r.agent_id === ids[0] ? '1001' : '1002',
      r.date,
      r.shift,
    ]);
    expect(shown).toEqual([
      ['A', '1001', '2026-12-06', '晚班·政策咨询'],
      ['B', '1002', '2026-12-07', '早班·政策咨询'],
      ['B', '1001', '2026-12-08', '早班·政策咨询'],
    ]);
  });
});
