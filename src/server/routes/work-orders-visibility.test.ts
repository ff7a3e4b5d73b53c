import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../domain/auth/roles.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { addAgent, addTeam, addUnits, addUser } from './work-orders-fixture.ts';

// Who sees what (docs/work-orders.md), one rule at a time, and where an urgent order goes.
describe.each(TEST_DIALECTS)('work-order visibility on %s', (dialect) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  let unitA = 0;
  let unitB = 0;
  let ids: { own: number; urgent: number; otherTeam: number } = { own: 0, urgent: 0, otherTeam: 0 };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const team = (name: string) => addTeam(db, name);
    const mkAgent = (no: string, teamId: number) => addAgent(db, no, teamId);
    const t1 = await team('一组');
    const t2 = await team('二组');
    ({ unitA, unitB } = await addUnits(db));
    const user = (username: string, roles: Role[], link: { agentId?: number; unitId?: number } = {}) =>
      addUser(db, username, roles, link);
    await db
      .updateTable('app_user')
      .set({ agent_id: await mkAgent('1001', t1) })
      .where('username', '=', 'agent')
      .execute();
    await user('teammate', ['agent'], { agentId: await mkAgent('1002', t1) });
    await user('stranger', ['agent'], { agentId: await mkAgent('2001', t2) });
    // Team leads sit in team 3 (no orders); lead1 leads team 1 by team.leader_agent_id.
    const t3 = await team('三组');
    const leadAgent = await mkAgent('3002', t3);
    await db.updateTable('team').set({ leader_agent_id: leadAgent }).where('id', '=', t1).execute();
    await user('lead1', ['team_lead'], { agentId: leadAgent });
    await user('lead3', ['team_lead'], { agentId: await mkAgent('3001', t3) });
    await user('unitA', ['unit_handler'], { unitId: unitA });
    await user('unitB', ['unit_handler'], { unitId: unitB });
    for (const u of ['agent', 'teammate', 'stranger', 'lead1', 'lead3', 'unitA', 'unitB', 'manager', 'qa', 'planner', 'admin'])
      h[u] = (await t.signIn(u)).headers;
    const payload = {
      channel: 'phone',
      category: 'help',
      title: '滨江花园 楼道积水求助',
      location: '滨江花园',
      content: { time: '今早', place: '5号楼楼道', what: '楼道积水', demand: '尽快排水' },
      callerName: '李四',
      callerPhone: '13900001111',
    };
    const post = async (who: string, body: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: h[who], payload: body })).json().id as number;
    ids = {
      own: await post('agent', payload),
      urgent: await post('agent', { ...payload, urgent: true }),
      otherTeam: await post('stranger', payload),
    };
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/work-orders/${ids.own}/actions`,
      headers: h.agent,
      payload: { type: 'dispatch', unitIds: [unitA, unitB] },
    });
  });
  afterAll(() => t.close());

  const sees = async (who: string, id: number) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: h[who] })).statusCode === 200;
  const listed = async (who: string) =>
    (
      (await t.app.inject({ method: 'GET', url: '/api/v1/work-orders?limit=100', headers: h[who] })).json().items as {
        id: number;
      }[]
    )
      .map((o) => o.id)
      .sort();

  test.each([
    // user, [own (team 1, dispatched to A and B), urgent (team 1, shift-lead queue), otherTeam (team 2)]
    ['agent', [true, true, false], 'first owner of both of team 1'],
    ['teammate', [true, true, false], 'same team'],
    ['stranger', [false, false, true], 'only their own (team 2)'],
    ['lead1', [true, true, false], 'leads team 1; the urgent one is also in the shift-lead queue'],
    ['lead3', [false, true, false], 'another team: only the shift-lead queue'],
    ['unitA', [true, false, false], 'only what is dispatched to the unit'],
    ['unitB', [true, false, false], 'only what is dispatched to the unit'],
    ['manager', [true, true, true], 'all'],
    ['qa', [true, true, true], 'all (reviews orders with calls)'],
  ])('%s sees %j (%s), on the page and in the list', async (who, expected) => {
    const each = [ids.own, ids.urgent, ids.otherTeam];
    expect(await Promise.all(each.map((id) => sees(who, id)))).toEqual(expected);
    expect(await listed(who)).toEqual(each.filter((_, i) => expected[i]).sort());
  });

  test('roles without work orders are refused the list', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/work-orders', headers: h.planner })).statusCode).toBe(403);
  });

  test('caller data: masked for a unit unless the unit is allowed, and for QA; in full for the front line', async () => {
    const caller = async (who: string) => {
      const d = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${ids.own}`, headers: h[who] })).json();
      const inList = (
        (await t.app.inject({ method: 'GET', url: '/api/v1/work-orders', headers: h[who] })).json().items as {
          id: number;
          callerPhone: string;
        }[]
      ).find((o) => o.id === ids.own);
      expect(inList?.callerPhone).toBe(d.callerPhone);
      return [d.callerName, d.callerPhone];
    };
    expect(await caller('unitA')).toEqual(['李*', '139****1111']);
    expect(await caller('unitB')).toEqual(['李四', '13900001111']);
    expect(await caller('qa')).toEqual(['李*', '139****1111']);
    expect(await caller('teammate')).toEqual(['李四', '13900001111']);
  });

  test('urgent: to the shift leads on duty; with none on duty, straight to the unit and its head', async () => {
    const db = t.handle.db;
    // No roster for the day: every team lead counts as on duty and is told.
    const leadNotes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: h.lead3 })).json().items;
    expect(leadNotes.some((n: { kind: string }) => n.kind === 'urgent_order')).toBe(true);
    // A published roster for today with only an agent on shift: no lead on duty.
    const { id: sched } = await db
      .insertInto('schedule')
      .values({
        name: '11月',
        start_date: '2026-11-23',
        weeks: 1,
        status: 'published',
        result_json: null,
        created_at: 0,
        created_by: 'planner',
        published_at: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agentId = (
      await db.selectFrom('app_user').select('agent_id').where('username', '=', 'teammate').executeTakeFirstOrThrow()
    ).agent_id as number;
    await db
      .insertInto('schedule_assignment')
      .values({ schedule_id: sched, agent_id: agentId, date: '2026-11-24', shift: 'A', segments_json: '[]', breaks_json: '[]' })
      .execute();
    const headId = (await db.selectFrom('app_user').select('id').where('username', '=', 'unitA').executeTakeFirstOrThrow()).id;
    await db.updateTable('handling_unit').set({ head_user_id: headId }).where('id', '=', unitA).execute();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: h.agent,
      payload: {
        channel: 'phone',
        category: 'help',
        urgent: true,
        unitId: unitA,
        title: '滨江花园 燃气泄漏求助',
        location: '滨江花园',
        content: { time: '刚才', place: '3号楼', what: '闻到燃气味', demand: '立即处置' },
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'dispatched', route: 'unit_head' });
    expect(r.json().number).toMatch(/^20261124-\d{6}$/);
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${r.json().id}`, headers: h.unitA })).json();
    expect(d.title.startsWith('【急件】')).toBe(true);
    expect(d.dispatches.map((x: { unitId: number }) => x.unitId)).toEqual([unitA]);
    const headNotes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: h.unitA })).json().items;
    expect(headNotes[0]).toMatchObject({ kind: 'urgent_order' });
    expect(headNotes[0].text).toContain(r.json().number);
    // The lead of team 3 is not on duty and is not told of this one; it is not in the shift-lead queue.
    expect(await sees('lead3', r.json().id)).toBe(false);
  });
});
