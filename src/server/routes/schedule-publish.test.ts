import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../domain/schedule/types.ts';
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

const [EARLY, , LATE] = DEFAULT_TEMPLATES; // 早班 07:00–16:00 (8 h paid), 晚班 14:00–23:00

// Drafts whose own assignments break a labour rule, with no published schedule near them: whatever publishing
// refuses here it refuses for the draft itself, not for a neighbour. Each draft is in a month of its own; the
// last test publishes in May 2027, out of the others' reach, to refuse drafts that overlap a published schedule.
describe.each(TEST_DIALECTS)('publishing refuses a draft for its own rules or dates on %s', (dialect) => {
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
    const s = await db
      .selectFrom('schedule')
      .select(['name', 'status', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const sent = await db.selectFrom('notification').select('text').where('text', '=', `排班已发布：${s.name}`).execute();
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
  // One published schedule a day: the published fortnight 05-03…05-16; drafts whose shifts keep every rule.
  test('a draft overlapping a published schedule, by a week or by one day, is refused naming it and the days; the week after publishes', async () => {
    const db = t.handle.db;
    const fortnight = await addPublishedSchedule(db, '2027-05-03', 2);
    await addShift(db, fortnight, who[0]!, '2027-05-03', EARLY!);
    const draft = async (start: string, day: string) => {
      const id = await addDraftSchedule(db, start, 1);
      await addShift(db, id, who[0]!, day, EARLY!);
      return id;
    };
    const second = await draft('2027-05-10', '2027-05-11');
    const refused = await publish(second);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors).toEqual([{ path: 'published_overlap', message: '2027-05-03 周: 2027-05-10…2027-05-16' }]);
    expect(await state(second)).toEqual({ status: 'draft', publishedAt: null, sent: 0, audited: 0 });
    // From Sunday 05-16, the fortnight's last day: one day shared is enough.
    const sunday = await draft('2027-05-16', '2027-05-18');
    const one = await publish(sunday);
    expect(one.statusCode, one.body).toBe(409);
    expect(one.json().errors).toEqual([{ path: 'published_overlap', message: '2027-05-03 周: 2027-05-16' }]);
    expect(await state(sunday)).toEqual({ status: 'draft', publishedAt: null, sent: 0, audited: 0 });
    // Monday 05-17, the day after: a neighbour, published and notified.
    const after = await draft('2027-05-17', '2027-05-18');
    const ok = await publish(after);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: after, status: 'published', notified: 1 });
    expect(await state(after)).toMatchObject({ status: 'published', sent: 1, audited: 1 });
    // Now the draft from Sunday 05-16 overlaps both: each named with its days.
    expect((await publish(sunday)).json().errors).toEqual([
      { path: 'published_overlap', message: '2027-05-03 周: 2027-05-16' },
      { path: 'published_overlap', message: '2027-05-17 周: 2027-05-17…2027-05-22' },
    ]);
  });
});
