import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../domain/schedule/types.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { addAgents, addPolicyGroup, addPublishedSchedule, addShift } from './schedule-test-setup.ts';

const [EARLY, , LATE] = DEFAULT_TEMPLATES; // 早班 from 07:00 (9 h), 晚班 from 14:00 (9 h, to 23:00)
const dates = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];

// A published week: 1001 (the 'agent' user) early Mon–Fri, 1002 (the 'team_lead' user) late Mon–Fri, 1003 nothing.
describe.each(TEST_DIALECTS)('schedule requests, points and bids on %s', (dialect) => {
  let t: TestApp;
  let planner: Record<string, string>;
  let agentH: Record<string, string>;
  let leadH: Record<string, string>;
  const ids: number[] = [];
  let scheduleId = 0;
  const notes = async (username: string) =>
    (
      await t.handle.db
        .selectFrom('notification')
        .innerJoin('app_user', 'app_user.id', 'notification.user_id')
        .select('text')
        .where('app_user.username', '=', username)
        .execute()
    ).map((n) => n.text);
  const shiftOf = async (agentId: number, date: string) =>
    (
      await t.handle.db
        .selectFrom('schedule_assignment')
        .select('shift')
        .where('schedule_id', '=', scheduleId)
        .where('agent_id', '=', agentId)
        .where('date', '=', date)
        .executeTakeFirst()
    )?.shift ?? null;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const g = await addPolicyGroup(db);
    ids.push(...(await addAgents(db, g, 1001, 3, ['2022-03-01', '2019-06-01', '2020-01-01'])));
    // 1001 and 1002 are in one team (1002 leads it), 1003 in none.
    const team = (
      await db
        .insertInto('team')
        .values({ name: '一组', site_id: null, leader_agent_id: ids[1]! })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('agent').set({ team_id: team }).where('id', 'in', [ids[0]!, ids[1]!]).execute();
    await db.updateTable('app_user').set({ agent_id: ids[0]! }).where('username', '=', 'agent').execute();
    await db.updateTable('app_user').set({ agent_id: ids[1]! }).where('username', '=', 'team_lead').execute();
    // The requirement on Wednesday: 2 agents from 16:00 to 20:00, none otherwise.
    const coverage = Array.from({ length: 48 }, (_, i) => ({
      intervalStart: `${dates[2]}T${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00+08:00`,
      skillGroup: '政策咨询',
      required: i >= 32 && i < 40 ? 2 : 0,
      scheduled: 0,
    }));
    scheduleId = await addPublishedSchedule(db, dates[0]!, 1, { resultJson: JSON.stringify({ coverage }) });
    for (let d = 0; d < 5; d++) {
      await addShift(db, scheduleId, { id: ids[0]!, no: '1001' }, dates[d]!, EARLY!);
      await addShift(db, scheduleId, { id: ids[1]!, no: '1002' }, dates[d]!, LATE!);
    }
    planner = (await t.signIn('planner')).headers;
    agentH = (await t.signIn('agent')).headers;
    leadH = (await t.signIn('team_lead')).headers;
  });
  afterAll(() => t.close());

  test('roles: planners cannot request or bid, agents cannot list, decide, credit, open or award', async () => {
    const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
      t.app.inject({ method, url, headers, payload }).then((r) => r.statusCode);
    expect(await call('POST', '/api/v1/schedule-requests', planner, { kind: 'leave', date: dates[2] })).toBe(403);
    expect(await call('GET', '/api/v1/schedule-requests', agentH)).toBe(403);
    expect(await call('POST', '/api/v1/schedule-requests/1/decision', agentH, { approve: true })).toBe(403);
    expect(await call('POST', '/api/v1/schedule-points', agentH, { agents: ['1001'], rule: 'extra_shift' })).toBe(403);
    expect(
      await call('POST', '/api/v1/bid-rounds', agentH, {
        name: 'x',
        kind: 'preferred_shift',
        targets: [{ target: '早班', capacity: 1 }],
      }),
    ).toBe(403);
    expect(await call('POST', '/api/v1/bid-rounds/1/award', leadH)).toBe(403);
    expect(await call('POST', '/api/v1/bid-rounds/1/bids', planner, { target: 'x', points: 0 })).toBe(403);
    expect(await call('GET', '/api/v1/schedule-points/mine', (await t.signIn('qa')).headers)).toBe(403);
  });

  test('a swap that breaks the 11-hour rest is shown with the rule, refused on approval, rejected with a reason the agent sees', async () => {
    // 1002 works late on Mon (to 23:00); taking 1001's early Tue (07:00) leaves 8 h.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schedule-requests',
      headers: agentH,
      payload: { kind: 'swap', date: dates[1], withAgent: '1002', withDate: dates[1] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().check.eligible).toBe(false);
    expect(res.json().check.violations.map((v: { rule: string }) => v.rule)).toContain('min_rest');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/schedule-requests?status=pending', headers: planner })).json()
      .items;
    expect(list[0]).toMatchObject({
      id: res.json().id,
      kind: 'swap',
      agent: '1001 坐席0',
      withAgent: '1002 坐席1',
      check: { eligible: false },
    });
    const approve = await t.app.inject({
      method: 'POST',
      url: `/api/v1/schedule-requests/${res.json().id}/decision`,
      headers: planner,
      payload: { approve: true },
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().errors.map((e: { path: string }) => e.path)).toContain('min_rest');
    expect(await shiftOf(ids[0]!, dates[1]!)).toBe('早班·政策咨询');
    const reject = await t.app.inject({
      method: 'POST',
      url: `/api/v1/schedule-requests/${res.json().id}/decision`,
      headers: planner,
      payload: { approve: false, reason: '休息不足 11 小时' },
    });
    expect(reject.json().status).toBe('rejected');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/schedule-requests/mine', headers: agentH })).json().items;
    expect(mine[0]).toMatchObject({ status: 'rejected', reason: '休息不足 11 小时' });
  });

  test('a one-way swap (替班) to a colleague off duty is approved: the schedule changes and both agents are notified', async () => {
    const colleagues = (
      await t.app.inject({ method: 'GET', url: `/api/v1/schedule-requests/colleagues?date=${dates[0]}`, headers: agentH })
    ).json().items;
    expect(colleagues.map((c: { agent: string; shift: string | null }) => [c.agent, c.shift])).toEqual([
      ['1002', '晚班·政策咨询'],
      ['1003', null],
    ]);
    const req = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/schedule-requests',
        headers: agentH,
        payload: { kind: 'swap', date: dates[0], withAgent: '1003' },
      })
    ).json();
    expect(req.check).toEqual({ eligible: true, violations: [] });
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/schedule-requests/${req.id}/decision`,
      headers: planner,
      payload: { approve: true },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changed.sort()).toEqual(['1001', '1003']);
    expect(await shiftOf(ids[0]!, dates[0]!)).toBeNull();
    expect(await shiftOf(ids[2]!, dates[0]!)).toBe('早班·政策咨询');
    expect((await notes('agent')).some((n) => n.includes('排班变更'))).toBe(true);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/schedules/mine', headers: agentH })).json().items;
    expect(mine.map((s: { date: string }) => s.date)).toEqual(dates.slice(1, 5));
  });

  test("an agent sees the team's published shifts (not other teams')", async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/v1/schedules/team', headers: agentH })).json().items;
    expect(new Set(items.map((i: { agent: string }) => i.agent))).toEqual(new Set(['1001 坐席0', '1002 坐席1']));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedules/team', headers: planner })).statusCode).toBe(403);
  });

  test('leave on a working day removes the shift once approved', async () => {
    const req = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/schedule-requests',
        headers: leadH,
        payload: { kind: 'leave', date: dates[4], note: '体检' },
      })
    ).json();
    expect(req.check.eligible).toBe(true);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/schedule-requests/${req.id}/decision`,
      headers: planner,
      payload: { approve: true },
    });
    expect(await shiftOf(ids[1]!, dates[4]!)).toBeNull();
    expect((await notes('team_lead')).some((n) => n.includes('请假'))).toBe(true);
  });

  test('points and a bid round: a tie on points goes to the senior agent; the winner pays, the ledger shows it', async () => {
    const credit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schedule-points',
      headers: planner,
      payload: { agents: ['1001', '1002'], rule: 'extra_shift' },
    });
    expect(credit.json()).toEqual({ credited: 2, points: 10 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedule-points/mine', headers: agentH })).json().balance).toBe(10);
    const round = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/bid-rounds',
        headers: planner,
        payload: { name: '元旦', kind: 'holiday_rest', targets: [{ target: '2027-01-01', capacity: 1 }] },
      })
    ).json();
    const bid = (h: Record<string, string>, points: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/bid-rounds/${round.id}/bids`,
        headers: h,
        payload: { target: '2027-01-01', points },
      });
    expect((await bid(agentH, 11)).statusCode).toBe(400); // more than the balance
    expect((await bid(agentH, 6)).statusCode).toBe(201);
    expect((await bid(leadH, 6)).statusCode).toBe(201);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/bid-rounds/${round.id}/publish`, headers: planner })).statusCode,
    ).toBe(409);
    const award = (await t.app.inject({ method: 'POST', url: `/api/v1/bid-rounds/${round.id}/award`, headers: planner })).json();
    expect(award.outcomes.map((o: { agent: string; status: string }) => [o.agent, o.status])).toEqual([
      ['1002', 'won'],
      ['1001', 'lost'],
    ]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/bid-rounds/${round.id}/bids`,
          headers: agentH,
          payload: { target: '2027-01-01', points: 1 },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/bid-rounds/${round.id}/publish`, headers: planner })).json(),
    ).toMatchObject({ status: 'published', won: 1 });
    const lead = (await t.app.inject({ method: 'GET', url: '/api/v1/schedule-points/mine', headers: leadH })).json();
    expect(lead.balance).toBe(4);
    expect(lead.items[0]).toMatchObject({ delta: -6, reason: '竞投：元旦 2027-01-01' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedule-points/mine', headers: agentH })).json().balance).toBe(10);
    const seen = (await t.app.inject({ method: 'GET', url: '/api/v1/bid-rounds', headers: agentH })).json().items[0];
    expect(seen.bids.map((b: { agent: string; status: string }) => [b.agent, b.status]).sort()).toEqual([
      ['1001 坐席0', 'lost'],
      ['1002 坐席1', 'won'],
    ]);
    expect((await notes('agent')).some((n) => n.includes('未中标'))).toBe(true);
    const dayOff = await t.handle.db
      .selectFrom('schedule_request')
      .select(['kind', 'status'])
      .where('agent_id', '=', ids[1]!)
      .where('date', '=', '2027-01-01')
      .executeTakeFirst();
    expect(dayOff).toEqual({ kind: 'day_off', status: 'approved' });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', 'in', ['bid_round', 'bid', 'points_ledger'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['award', 'bid', 'bid', 'credit', 'open', 'publish']);
  });

  test('emergency: calls 50 % above forecast leave 16:00–20:00 short; overtime goes to the agent off duty, accepted with points', async () => {
    const url = `/api/v1/schedules/${scheduleId}/emergency`;
    expect((await t.app.inject({ method: 'POST', url, headers: agentH, payload: {} })).statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: planner,
      payload: { date: dates[2], skillGroup: '政策咨询', forecastCalls: 100, actualCalls: 150, now: '12:00' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.uplift).toBe(1.5);
    const at16 = plan.intervals.find((i: { start: string }) => i.start === '16:00');
    expect(at16).toMatchObject({ required: 3, scheduled: 1, shortfallBefore: 2 }); // 1002's late shift; 1001 leaves at 16:00
    expect(plan.proposals.map((p: { agent: string }) => p.agent)).toEqual(['1003']); // the only agent off duty
    expect(at16.shortfallAfter).toBe(1);
    const accept = await t.app.inject({
      method: 'POST',
      url: `${url}/accept`,
      headers: planner,
      payload: { date: dates[2], skillGroup: '政策咨询', proposals: plan.proposals },
    });
    expect(accept.json()).toEqual({ added: 1, points: 10 });
    expect(await shiftOf(ids[2]!, dates[2]!)).toBe('加班·政策咨询');
    // The planner's coverage is recounted from the assignments as they are now: 1002 and 1003's overtime at 16:00.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/schedules/${scheduleId}`, headers: planner })).json();
    const c16 = detail.result.coverage.find((c: { intervalStart: string }) => c.intervalStart === `${dates[2]}T16:00:00+08:00`);
    expect(c16).toMatchObject({ required: 2, scheduled: 2 });
    const again = await t.app.inject({
      method: 'POST',
      url: `${url}/accept`,
      headers: planner,
      payload: { date: dates[2], skillGroup: '政策咨询', proposals: plan.proposals },
    });
    expect(again.statusCode).toBe(409);
  });

  test('planner edits a cell: a night before an early shift is refused with the rule; a Saturday early shift is saved locked and notified', async () => {
    const url = `/api/v1/schedules/${scheduleId}/cells`;
    expect((await t.app.inject({ method: 'PUT', url, headers: agentH, payload: {} })).statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: planner,
      payload: { agent: '1001', date: dates[0], shift: '夜班' },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('min_rest');
    const ok = await t.app.inject({
      method: 'PUT',
      url,
      headers: planner,
      payload: { agent: '1001', date: dates[5], shift: '早班', start: '08:00' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await t.handle.db
      .selectFrom('schedule_assignment')
      .select(['shift', 'locked', 'segments_json'])
      .where('schedule_id', '=', scheduleId)
      .where('agent_id', '=', ids[0]!)
      .where('date', '=', dates[5]!)
      .executeTakeFirstOrThrow();
    expect(row.shift).toBe('早班·政策咨询');
    expect(Number(row.locked)).toBe(1);
    expect(JSON.parse(row.segments_json)[0].start).toBe('2026-12-12T08:00:00+08:00');
    expect((await notes('agent')).some((n) => n.includes(`排班变更：${dates[5]}`))).toBe(true);
  });

  test('a drag exchanges two cells: early and late of two agents on Thursday is refused (8 h rest before Friday), Saturday to Sunday is kept', async () => {
    const url = `/api/v1/schedules/${scheduleId}/cells`;
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: planner,
      payload: { agent: '1001', date: dates[3], swapWith: { agent: '1002', date: dates[3] } },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ path: 'min_rest', message: expect.stringMatching(/^1001: /) }),
    );
    const ok = await t.app.inject({
      method: 'PUT',
      url,
      headers: planner,
      payload: { agent: '1001', date: dates[6], swapWith: { agent: '1001', date: dates[5] } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().cells).toEqual([
      { agent: '1001', date: dates[6], shift: '早班·政策咨询' },
      { agent: '1001', date: dates[5], shift: null },
    ]);
    expect(await shiftOf(ids[0]!, dates[5]!)).toBeNull();
    const sunday = await t.handle.db
      .selectFrom('schedule_assignment')
      .select('segments_json')
      .where('schedule_id', '=', scheduleId)
      .where('agent_id', '=', ids[0]!)
      .where('date', '=', dates[6]!)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(sunday.segments_json)[0].start).toBe('2026-12-13T08:00:00+08:00');
  });
});
