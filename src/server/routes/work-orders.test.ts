import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { addAgent, addTeam, addUnits, addUser } from './work-orders-fixture.ts';

describe.each(TEST_DIALECTS)('work orders on %s', (dialect) => {
  let t: TestApp;
  let agent: Record<string, string>;
  let unit: Record<string, string>;
  let lead: Record<string, string>;
  let qa: Record<string, string>;
  let unitA = 0;
  let unitB = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const teamId = await addTeam(db, '一组');
    const a1 = { id: await addAgent(db, '1001', teamId) };
    const a2 = { id: await addAgent(db, '1002', teamId) };
    ({ unitA, unitB } = await addUnits(db));
    await db.updateTable('app_user').set({ agent_id: a1.id }).where('username', '=', 'agent').execute();
    await db.updateTable('app_user').set({ agent_id: a2.id }).where('username', '=', 'team_lead').execute();
    await db.updateTable('app_user').set({ unit_id: unitA }).where('username', '=', 'unit_handler').execute();
    agent = (await t.signIn('agent')).headers;
    unit = (await t.signIn('unit_handler')).headers;
    lead = (await t.signIn('team_lead')).headers;
    qa = (await t.signIn('qa')).headers;
  });
  afterAll(() => t.close());

  const act = (h: Record<string, string>, id: number, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/work-orders/${id}/actions`, headers: h, payload });
  const complaint = {
    channel: 'phone',
    category: 'complaint',
    title: '朝阳区幸福小区 夜间施工噪音扰民',
    location: '朝阳区幸福小区',
    content: { time: '每晚23点后', place: '3号楼北侧工地', what: '工地夜间施工噪音大', demand: '要求停止夜间施工' },
    callerName: '张三丰',
    callerPhone: '13812345678',
  };

  test('a complaint runs the whole flow, with a redo, and every step is in its history', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint });
    expect(created.statusCode).toBe(201);
    const { id, number } = created.json();
    expect(number).toBe('20261124-000001');
    const d = await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    // Tue 2026-11-24 10:00 + 5 working days → Tue 2026-12-01, close of business 18:00 +08:00.
    expect(d.json().dueAt).toBe('2026-12-01T10:00:00.000Z');
    expect((await act(unit, id, { type: 'accept' })).statusCode).toBe(200);
    expect((await act(unit, id, { type: 'reply', reply: '已责令施工单位22点后停工' })).json().status).toBe('replied');
    const redo = await act(agent, id, { type: 'callback', satisfaction: 'dissatisfied' });
    expect(redo.json()).toMatchObject({ status: 'dispatched', redoCount: 1 });
    await act(unit, id, { type: 'accept' });
    await act(unit, id, { type: 'reply', reply: '已现场核查并处罚' });
    expect((await act(agent, id, { type: 'callback', satisfaction: 'satisfied' })).json().status).toBe('closed');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: agent })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'register',
      'dispatch',
      'accept',
      'reply',
      'callback',
      'accept',
      'reply',
      'callback',
    ]);
    expect(detail).toMatchObject({ status: 'closed', redoCount: 1, satisfaction: 'satisfied', callerPhone: '13812345678' });
  });

  test('a consultation that also concerns a complaint is filed as a complaint (the stricter category)', async () => {
    const mixed = { ...complaint, category: 'consultation', alsoCategories: ['complaint'] };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: mixed });
    expect(created.statusCode, created.body).toBe(201);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${created.json().id}`, headers: agent })
    ).json();
    expect(detail.category).toBe('complaint');
  });

  test('a refused transition changes nothing: wrong status is 409, wrong role 403', async () => {
    const { id } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })
    ).json();
    expect((await act(agent, id, { type: 'reply', reply: 'x' })).statusCode).toBe(403);
    expect((await act(agent, id, { type: 'callback', satisfaction: 'satisfied' })).statusCode).toBe(409);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: agent })).json();
    expect(detail.status).toBe('registered');
    expect(detail.history).toHaveLength(1);
  });

  test('who sees what: units see only their orders, masked unless allowed; QA sees masked data', async () => {
    const { id } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })
    ).json();
    const other = (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })).json()
      .id;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: unit })).statusCode).toBe(404);
    await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: unit })).json();
    expect(seen).toMatchObject({ callerName: '张**', callerPhone: '138****5678' });
    const byQa = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: qa })).json();
    expect(byQa.callerPhone).toBe('138****5678');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/work-orders', headers: unit })).json();
    const ids = list.items.map((o: { id: number }) => o.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(other);
    await act(agent, other, { type: 'dispatch', unitIds: [unitB] });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${other}`, headers: unit })).statusCode).toBe(404);
    // The team lead sees the team's orders (the agent is in the lead's team).
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: lead })).statusCode).toBe(200);
  });

  const detailOf = async (h: Record<string, string>, id: number) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: h })).json();
  const register = async (h: Record<string, string> = agent, payload: object = complaint) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: h, payload })).json() as {
      id: number;
      number: string;
      status: string;
    };

  test('incomplete orders name their fields; search finds Chinese words; urgent goes to the leads', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: agent,
      payload: { ...complaint, title: '噪音', content: { what: 'x' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.content.demand']),
    );
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent('施工噪音')}`, headers: agent })
    ).json();
    expect(found.total).toBeGreaterThan(0);
    const none = (
      await t.app.inject({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent('停水')}`, headers: agent })
    ).json();
    expect(none.total).toBe(0);
    const urgent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: agent,
      payload: { ...complaint, urgent: true },
    });
    const notes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: lead })).json();
    expect(notes.items[0].text).toContain(urgent.json().number);
    // Redone twice → 重大 major: the team leads are told.
    const { id: esc } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })
    ).json();
    await act(agent, esc, { type: 'dispatch', unitIds: [unitA] });
    for (let k = 0; k < 2; k++) {
      await act(unit, esc, { type: 'accept' });
      await act(unit, esc, { type: 'reply', reply: '已处理' });
      await act(agent, esc, { type: 'callback', satisfaction: 'dissatisfied' });
    }
    const escalated = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${esc}`, headers: lead })).json();
    expect(escalated).toMatchObject({ redoCount: 2, escalationLevel: 'major' });
    const leadNotes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: lead })).json().items;
    expect(leadNotes.some((n: { kind: string }) => n.kind === 'escalation')).toBe(true);
    const dueSoon = (await t.app.inject({ method: 'GET', url: '/api/v1/work-orders?dueWithinHours=240', headers: lead })).json();
    expect(dueSoon.items.some((o: { id: number }) => o.id === esc)).toBe(true);
    const summary = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/work-orders/reports/summary?from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00',
        headers: lead,
      })
    ).json();
    // Every callback counts: the first order 不满意 then 满意, the escalated one 不满意 twice → 1 of 4.
    expect(summary.rates).toMatchObject({ closed: 1, firstTimeClosureRate: 0, satisfactionRate: 0.25 });
    const placed = summary.byLocation.reduce((n: number, l: { count: number }) => n + l.count, 0);
    expect(placed).toBe(summary.rates.orders);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/work-orders/reports/summary?from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00&format=xlsx',
      headers: lead,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells: unknown[][] = [];
    sheet?.eachRow((row) => cells.push(Array.from((row.values as unknown[]).slice(1))));
    expect(cells[0]).toEqual(['分类', '项目', '数量', '比率']);
    expect(cells).toContainEqual(['比率', '满意率', undefined, 0.25]);
    expect(cells).toContainEqual(['总量', '工单数', summary.rates.orders]);
    const locations = cells.filter((r) => r[0] === '地点');
    expect(locations.length).toBe(summary.byLocation.length);
  });

  test('every transition is allowed only for its roles; refusals change nothing', async () => {
    const { RULES } = await import('../../domain/work-orders/state-machine.ts');
    const { id } = await register();
    await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    const before = await detailOf(lead, id);
    const manager = (await t.signIn('manager')).headers;
    const admin = (await t.signIn('admin')).headers;
    // Every user below can see this order (owner, team lead, dispatched unit, see-all roles), so 403 is the role rule.
    const users: Record<string, Record<string, string>> = { agent, team_lead: lead, manager, qa, admin, unit_handler: unit };
    const payloads: Record<string, object> = {
      answerDirectly: { answer: '答复', basis: { kind: 'policy', reference: '某政策' } },
      dispatch: { unitIds: [unitB] },
      accept: {},
      start: {},
      reply: { reply: '已处理' },
      return: { reason: '不属本单位职责' },
      requestExtension: { until: '2026-12-20T10:00:00+08:00', reason: '需协调' },
      approveExtension: {},
      rejectExtension: { note: '理由不足' },
      callback: { satisfaction: 'satisfied' },
      redo: { reason: '未解决' },
      close: { note: '三次联系不上' },
      remind: {},
      supervise: {},
      merge: { intoId: 1 },
    };
    expect(Object.keys(payloads).sort()).toEqual(Object.keys(RULES).sort());
    let refused = 0;
    for (const [type, rule] of Object.entries(RULES)) {
      for (const [role, h] of Object.entries(users)) {
        if ((rule.roles as readonly string[]).includes(role)) continue;
        const r = await act(h, id, { type, ...payloads[type] });
        expect(r.statusCode, `${role} ${type}`).toBe(403);
        expect(r.headers['content-type']).toContain('application/problem+json');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(50);
    const after = await detailOf(lead, id);
    expect(after.history).toEqual(before.history);
    expect(after.dispatches).toEqual(before.dispatches);
    expect(after.status).toBe('dispatched');
  });

  test('a failed transition changes nothing: bad input names its field, wrong status is 409', async () => {
    const { id } = await register();
    const cases: [Record<string, string>, object, number, string][] = [
      [agent, { type: 'dispatch', unitIds: [999_999] }, 422, 'body.unitIds'],
      [agent, { type: 'answerDirectly', answer: 'x', basis: { kind: 'law', reference: '某法' } }, 422, 'body.type'],
      [agent, { type: 'close', note: 'x' }, 403, 'body.type'],
      [lead, { type: 'close', note: 'x' }, 409, 'body.type'],
      [lead, { type: 'merge', intoId: id }, 422, 'body.intoId'],
    ];
    for (const [h, body, status, path] of cases) {
      const r = await act(h, id, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    const before = await detailOf(agent, id);
    for (const [body, path] of [
      [{ type: 'reply', reply: '  ' }, 'body.reply'],
      [{ type: 'return', reason: '' }, 'body.reason'],
    ] as const) {
      if (body.type === 'reply') await act(unit, id, { type: 'accept' });
      const snapshot = await detailOf(agent, id);
      const r = await act(unit, id, body);
      expect(r.statusCode).toBe(422);
      expect(r.json().errors[0].path).toBe(path);
      expect({ ...(await detailOf(agent, id)), remainingWorkingHours: 0 }).toEqual({ ...snapshot, remainingWorkingHours: 0 });
    }
    expect((await detailOf(agent, id)).history).toHaveLength(before.history.length + 1);
  });

  test('one order to two units: each accepts, returns or replies on its own; extension asked and decided', async () => {
    const unitBUser = await addUser(t.handle.db, 'unitb', ['unit_handler'], { unitId: unitB });
    expect(unitBUser).toBeGreaterThan(0);
    const unit2 = (await t.signIn('unitb')).headers;
    const { id } = await register();
    await act(lead, id, { type: 'dispatch', unitIds: [unitA, unitB] });
    expect((await act(unit, id, { type: 'accept' })).json().status).toBe('dispatched'); // B has not accepted yet
    expect((await act(unit2, id, { type: 'accept' })).json().status).toBe('accepted');
    // A unit cannot act twice on the same step, nor on another unit's part.
    expect((await act(unit, id, { type: 'accept' })).statusCode).toBe(409);
    const ext = await act(unit2, id, { type: 'requestExtension', until: '2026-12-10T18:00:00+08:00', reason: '需现场勘查' });
    expect(ext.statusCode).toBe(200);
    expect(
      (await act(unit, id, { type: 'requestExtension', until: '2026-12-11T18:00:00+08:00', reason: '也要' })).statusCode,
    ).toBe(422);
    expect((await act(lead, id, { type: 'approveExtension' })).json().dueAt).toBe('2026-12-10T10:00:00.000Z');
    expect((await act(unit, id, { type: 'return', reason: '不属本单位职责' })).json().status).toBe('accepted');
    expect((await act(unit2, id, { type: 'reply', reply: '已维修' })).json().status).toBe('replied');
    const d = await detailOf(lead, id);
    expect(d.dispatches.map((x: { unitId: number; status: string }) => [x.unitId, x.status])).toEqual([
      [unitA, 'returned'],
      [unitB, 'replied'],
    ]);
    expect(d.dispatches[0].returnReason).toBe('不属本单位职责');
    expect(d.dispatches[1]).toMatchObject({ extensionStatus: 'approved', reply: '已维修' });
    expect(d.returnCount).toBe(1);
    // The unit that returned it still sees it (it was dispatched there), but may do nothing more.
    expect((await detailOf(unit, id)).actions).toEqual([]);
    expect((await act(agent, id, { type: 'callback', satisfaction: 'basically_satisfied' })).json().status).toBe('closed');
    const actions = (await detailOf(agent, id)).history.map(
      (h: { action: string; unitName: string | null }) => `${h.action}${h.unitName ? `@${h.unitName}` : ''}`,
    );
    expect(actions).toEqual([
      'register',
      'dispatch',
      'accept@住建局',
      'accept@水务集团',
      'requestExtension@水务集团',
      'approveExtension',
      'return@住建局',
      'reply@水务集团',
      'callback',
    ]);
  });

  test('the remaining steps for their roles: start, remind, supervise, refuse an extension, redo, close with a note', async () => {
    const manager = (await t.signIn('manager')).headers;
    const { id } = await register();
    await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    expect((await act(agent, id, { type: 'remind', note: '请尽快' })).json().status).toBe('dispatched');
    expect((await act(lead, id, { type: 'supervise' })).statusCode).toBe(200);
    expect((await act(lead, id, { type: 'supervise' })).statusCode).toBe(422); // already supervised
    await act(unit, id, { type: 'accept' });
    expect((await act(unit, id, { type: 'start' })).json().status).toBe('in_progress');
    await act(unit, id, { type: 'requestExtension', until: '2026-12-20T18:00:00+08:00', reason: '需协调' });
    expect((await act(manager, id, { type: 'rejectExtension', note: '' })).json().errors[0].path).toBe('body.note');
    const refused = await act(manager, id, { type: 'rejectExtension', note: '理由不足' });
    expect(refused.json().dueAt).toBe('2026-12-01T10:00:00.000Z'); // the deadline stays
    await act(unit, id, { type: 'reply', reply: '已处理' });
    // The caller refuses to close: 重办 with a fresh deadline, back to the unit.
    const redo = (await act(lead, id, { type: 'redo', reason: '来电人不认可' })).json();
    expect(redo).toMatchObject({ status: 'dispatched', redoCount: 1 });
    await act(unit, id, { type: 'accept' });
    await act(unit, id, { type: 'reply', reply: '已再次处理' });
    expect((await act(manager, id, { type: 'close', note: '三次联系不上来电人' })).json().status).toBe('closed');
    const d = await detailOf(manager, id);
    expect(d).toMatchObject({ reminderCount: 1, supervised: true, redoCount: 1, satisfaction: null });
    expect(d.dispatches[0]).toMatchObject({ extensionStatus: 'rejected', status: 'replied', reply: '已再次处理' });
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'register',
      'dispatch',
      'remind',
      'supervise',
      'accept',
      'start',
      'requestExtension',
      'rejectExtension',
      'reply',
      'redo',
      'accept',
      'reply',
      'close',
    ]);
  });

  test('all units return it: back to the dispatcher, who dispatches again', async () => {
    const { id } = await register();
    await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    expect((await act(unit, id, { type: 'return', reason: '应由水务处理' })).json().status).toBe('returned');
    const notes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: lead })).json().items;
    expect(notes[0].text).toContain('return');
    const again = await act(lead, id, { type: 'dispatch', unitIds: [unitB] });
    expect(again.json().status).toBe('dispatched');
    // The returned unit's row stays in the history of dispatches.
    expect((await detailOf(lead, id)).dispatches.map((x: { status: string }) => x.status)).toEqual(['returned', 'dispatched']);
  });

  test('duplicates are found and merged; the history of both orders keeps it', async () => {
    const a = await register();
    const b = await register(agent, { ...complaint, title: '朝阳区幸福小区 夜间施工噪音扰民 再次来电' });
    const dup = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${b.id}/duplicates`, headers: lead })).json();
    expect(dup.items.map((x: { id: number }) => x.id)).toContain(a.id);
    expect((await act(agent, b.id, { type: 'merge', intoId: a.id })).statusCode).toBe(403);
    expect((await act(lead, b.id, { type: 'merge', intoId: a.id })).json().status).toBe('merged');
    expect((await detailOf(lead, b.id)).mergedIntoId).toBe(a.id);
    expect((await detailOf(lead, b.id)).mergedIntoNumber).toBe((await detailOf(lead, a.id)).number);
    expect((await detailOf(lead, a.id)).mergedIntoNumber).toBeNull();
    expect((await detailOf(lead, a.id)).history.map((h: { action: string }) => h.action)).toEqual(['register', 'mergedFrom']);
    expect((await act(lead, b.id, { type: 'remind' })).statusCode).toBe(409);
  });

  test('a consultation answered on the spot feeds the knowledge lookup', async () => {
    const c = await register(agent, {
      channel: 'phone',
      category: 'consultation',
      title: '市民中心 社保卡补办流程',
      location: '市民中心',
      content: { what: '咨询社保卡补办需要什么材料' },
    });
    const bad = await act(agent, c.id, {
      type: 'answerDirectly',
      answer: '携带身份证到任一网点',
      basis: { kind: 'policy', reference: ' ' },
    });
    expect(bad.json().errors[0].path).toBe('body.basis.reference');
    expect(
      (
        await act(agent, c.id, {
          type: 'answerDirectly',
          answer: '携带身份证到任一网点办理',
          basis: { kind: 'policy', reference: '社保卡管理办法第12条' },
        })
      ).json().status,
    ).toBe('closed');
    const found = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/work-orders/knowledge?q=${encodeURIComponent('社保卡')}`,
        headers: agent,
      })
    ).json();
    expect(found.items[0]).toMatchObject({
      id: c.id,
      answer: '携带身份证到任一网点办理',
      basisKind: 'policy',
      basisReference: '社保卡管理办法第12条',
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/work-orders/knowledge?q=${encodeURIComponent('停水')}`,
          headers: agent,
        })
      ).json().items,
    ).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/work-orders/knowledge', headers: unit })).statusCode).toBe(403);
  });

  test('an overdue order is escalated by the sweep and the managers are told', async () => {
    const { id } = await register();
    await act(agent, id, { type: 'dispatch', unitIds: [unitA] });
    // Wed 18 Nov 18:00 → Tue 24 Nov 10:00 is 3 days × 7.5 unit hours + 1 h = 23.5 h overdue, past the 18 h of the center level.
    await t.handle.db
      .updateTable('work_order')
      .set({ due_at: Date.parse('2026-11-18T18:00:00+08:00') })
      .where('id', '=', id)
      .execute();
    const manager = (await t.signIn('manager')).headers;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/work-orders/escalations', headers: agent })).statusCode).toBe(403);
    const sweep = (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders/escalations', headers: lead })).json();
    expect(sweep.raised).toBeGreaterThanOrEqual(1);
    const d = await detailOf(lead, id);
    expect(d.escalationLevel).toBe('center');
    expect(d.history.at(-1)).toMatchObject({ action: 'escalate', actor: 'system' });
    const notes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: manager })).json().items;
    expect(notes.some((n: { kind: string; text: string }) => n.kind === 'escalation' && n.text.includes('中心督办'))).toBe(true);
    // Sweeping again raises nothing more: a level is reached once.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/work-orders/escalations', headers: lead })).json().raised).toBe(0);
  });
});

describe('attachments and completion timing', () => {
  test('a PDF is attached and downloaded; a script is refused; late completion is flagged', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-wo-files-'));
    process.env.ZUOXI_FILES = dir;
    const t = await createTestApp(TEST_DIALECTS[0]);
    try {
      const h = (await t.signIn('manager')).headers;
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/work-orders',
        headers: h,
        payload: {
          channel: 'phone',
          category: 'consultation',
          title: '市民中心 社保卡补办流程',
          location: '市民中心',
          content: { what: '咨询社保卡补办' },
          // Registered at 10:00 (the test clock) for a call that ended at 09:40: 20 minutes, later than 15.
          callEndedAt: '2026-11-24T09:40:00+08:00',
        },
      });
      const id = created.json().id;
      const pdf = Buffer.from('%PDF-1.4\n% 现场照片\n').toString('base64');
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/v1/work-orders/${id}/attachments`,
        headers: h,
        payload: { fileName: '现场.pdf', base64: pdf },
      });
      expect(up.statusCode).toBe(201);
      const down = await t.app.inject({
        method: 'GET',
        url: `/api/v1/work-orders/${id}/attachments/${up.json().id}`,
        headers: h,
      });
      expect(down.headers['content-type']).toBe('application/pdf');
      expect(down.rawPayload.toString('latin1').startsWith('%PDF-')).toBe(true);
      const bad = await t.app.inject({
        method: 'POST',
        url: `/api/v1/work-orders/${id}/attachments`,
        headers: h,
        payload: { fileName: 'x.html', base64: Buffer.from('<script>').toString('base64') },
      });
      expect(bad.statusCode).toBe(422);
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: h })).json();
      expect(detail.completedLate).toBe(true);
      const late = (await t.app.inject({ method: 'GET', url: '/api/v1/work-orders?lateCompletion=true', headers: h })).json();
      expect(late.items.map((o: { id: number }) => o.id)).toEqual([id]);
      expect(detail.attachments).toHaveLength(1);
    } finally {
      await t.close();
      delete process.env.ZUOXI_FILES;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
