import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../domain/schedule/types.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { addAgents, addDraftSchedule, addPolicyGroup, addShift, approveRequest } from './schedule-test-setup.ts';

const [EARLY, , LATE] = DEFAULT_TEMPLATES; // 早班 07:00–16:00 (8 h paid), 晚班 14:00–23:00

// Drafts whose own assignments break a labour rule, with no published schedule anywhere: whatever publishing
// refuses here it refuses for the draft itself, not for a neighbour. Each draft is in a month of its own.
describe.each(TEST_DIALECTS)('publishing refuses a draft that breaks the labour rules within itself on %s', (dialect) => {
  let t: TestApp;
  let planner: Record<string, string>;
  let agentH: Record<string, string>;
  const who: { id: number; no: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const ids = await addAgents(db, await addPolicyGroup(db), 1001, 2);
    who.push(...ids.map((id, k) => ({ id, no: String(1001 + k) })));
    await db.updateTable('app_user').set({ agent_id: ids[0]! }).where('username', '=', 'agent').execute();
    planner = (await t.signIn('planner')).headers;
    agentH = (await t.signIn('agent')).headers;
  });
  afterAll(() => t.close());

  const publish = (id: number) => t.app.inject({ method: 'POST', url: `/api/v1/schedules/${id}/publish`, headers: planner });
  /** The draft as publishing left it: its status, and what was sent or recorded for it. */
  const state = async (id: number) => {
    const db = t.handle.db;
    const s = await db.selectFrom('schedule').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const sent = await db.selectFrom('notification').select('text').where('text', 'like', '排班已发布%').execute();
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'schedule')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'publish')
      .execute();
    return { status: s.status, publishedAt: s.published_at, sent: sent.length, audited: audit.length };
  };

  test('under 11 h rest within the draft: refused naming rule, agent and date; nothing published or sent; fixed, it publishes', async () => {
    const db = t.handle.db;
    const draft = await addDraftSchedule(db, '2026-11-30', 1);
    // Written straight into the draft, as a kept lock or a change that was not checked would be: 1001 late
    // on Tuesday to 23:00, early on Wednesday from 07:00 (8 h); 1002 early on Monday, which keeps the rules.
    await addShift(db, draft, who[0]!, '2026-12-01', LATE!);
    await addShift(db, draft, who[0]!, '2026-12-02', EARLY!);
    await addShift(db, draft, who[1]!, '2026-11-30', EARLY!);
    const refused = await publish(draft);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors).toEqual([{ path: 'min_rest', message: '1001: 2026-12-02: 8.0 h rest before day 2' }]);
    expect(await state(draft)).toEqual({ status: 'draft', publishedAt: null, sent: 0, audited: 0 });
    // The planner makes Wednesday a rest day (checked, saved): the draft now keeps the rules and is published.
    const rest = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/schedules/${draft}/cells`,
      headers: planner,
      payload: { agent: '1001', date: '2026-12-02', shift: null },
    });
    expect(rest.statusCode, rest.body).toBe(200);
    const ok = await publish(draft);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: draft, status: 'published', notified: 1 });
    expect(await state(draft)).toMatchObject({ status: 'published', sent: 1, audited: 1 });
  });

  test('seven days in a row within the draft: the run, the week’s hours and its rest day, each on the Sunday', async () => {
    const db = t.handle.db;
    const draft = await addDraftSchedule(db, '2027-01-04', 1);
    for (const d of ['04', '05', '06', '07', '08', '09', '10']) await addShift(db, draft, who[1]!, `2027-01-${d}`, EARLY!);
    const refused = await publish(draft);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors).toEqual([
      { path: 'max_consecutive_days', message: '1002: 2027-01-10: 7 days from day 0' },
      { path: 'max_hours_per_week', message: '1002: 2027-01-10: 56.0 h in the week of 2027-01-04' },
      { path: 'min_rest_days_per_week', message: '1002: 2027-01-10: 0 rest day(s) in the week of 2027-01-04' },
    ]);
    expect((await state(draft)).status).toBe('draft');
  });

  test('leave approved after the draft was built changes no draft: publishing refuses the shift on that day', async () => {
    const db = t.handle.db;
    const draft = await addDraftSchedule(db, '2027-02-01', 1);
    await addShift(db, draft, who[0]!, '2027-02-03', EARLY!);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schedule-requests',
      headers: agentH,
      payload: { kind: 'leave', date: '2027-02-03' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const approved = await approveRequest(t, planner, asked.json().id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().changed).toEqual([]);
    // The planner sees it before publishing: the draft's violations are counted as they are now (none at the build).
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/schedules/${draft}`, headers: planner });
    expect(shown.json().result.violations).toEqual([
      { agent: '1001', rule: 'unavailable', dayIndex: 2, detail: 'works on 2027-02-03 (leave or unavailable)' },
    ]);
    const refused = await publish(draft);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors).toEqual([
      { path: 'unavailable', message: '1001: 2027-02-03: works on 2027-02-03 (leave or unavailable)' },
    ]);
    expect((await state(draft)).status).toBe('draft');
  });
});
