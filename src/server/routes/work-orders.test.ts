import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

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
    const { id: teamId } = await db.insertInto('team').values({ name: '一组', site_id: null, leader_agent_id: null }).returning('id').executeTakeFirstOrThrow();
    const mk = (no: string) => db.insertInto('agent').values({ employee_no: no, name: `坐席${no}`, team_id: teamId, hire_date: null, contract_hours_per_week: 40, status: 'active', left_date: null }).returning('id').executeTakeFirstOrThrow();
    const a1 = await mk('1001');
    const a2 = await mk('1002');
    unitA = (await db.insertInto('handling_unit').values({ code: 'A', name: '住建局', head_name: null, can_see_personal_data: 0 }).returning('id').executeTakeFirstOrThrow()).id;
    unitB = (await db.insertInto('handling_unit').values({ code: 'B', name: '水务集团', head_name: null, can_see_personal_data: 1 }).returning('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('app_user').set({ agent_id: a1.id }).where('username', '=', 'agent').execute();
    await db.updateTable('app_user').set({ agent_id: a2.id }).where('username', '=', 'team_lead').execute();
    await db.updateTable('app_user').set({ unit_id: unitA }).where('username', '=', 'unit_handler').execute();
    agent = (await t.signIn('agent')).headers;
    unit = (await t.signIn('unit_handler')).headers;
    lead = (await t.signIn('team_lead')).headers;
    qa = (await t.signIn('qa')).headers;
  });
  afterAll(() => t.close());

  const act = (h: Record<string, string>, id: number, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/work-orders/${id}/actions`, headers: h, payload });
  const complaint = {
    channel: 'phone', category: 'complaint', title: '朝阳区幸福小区 夜间施工噪音扰民', location: '朝阳区幸福小区',
    content: { time: '每晚23点后', place: '3号楼北侧工地', what: '工地夜间施工噪音大', demand: '要求停止夜间施工' },
    callerName: '张三丰', callerPhone: '13812345678',
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
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['register', 'dispatch', 'accept', 'reply', 'callback', 'accept', 'reply', 'callback']);
    expect(detail).toMatchObject({ status: 'closed', redoCount: 1, satisfaction: 'satisfied', callerPhone: '13812345678' });
  });

  test('a refused transition changes nothing: wrong status is 409, wrong role 403', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })).json();
    expect((await act(agent, id, { type: 'reply', reply: 'x' })).statusCode).toBe(403);
    expect((await act(agent, id, { type: 'callback', satisfaction: 'satisfied' })).statusCode).toBe(409);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: agent })).json();
    expect(detail.status).toBe('registered');
    expect(detail.history).toHaveLength(1);
  });

  test('who sees what: units see only their orders, masked unless allowed; QA sees masked data', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })).json();
    const other = (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })).json().id;
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

  test('incomplete orders name their fields; search finds Chinese words; urgent goes to the leads', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: { ...complaint, title: '噪音', content: { what: 'x' } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.title', 'body.content.demand']));
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent('施工噪音')}`, headers: agent })).json();
    expect(found.total).toBeGreaterThan(0);
    const none = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent('停水')}`, headers: agent })).json();
    expect(none.total).toBe(0);
    const urgent = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: { ...complaint, urgent: true } });
    const notes = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: lead })).json();
    expect(notes.items[0].text).toContain(urgent.json().number);
    // Redone twice → 重大 major: the team leads are told.
    const { id: esc } = (await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: agent, payload: complaint })).json();
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
    const summary = (await t.app.inject({ method: 'GET', url: '/api/v1/work-orders/reports/summary?from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00', headers: lead })).json();
    // Callbacks: the first order ended 满意, the escalated one stands at 不满意 → 1 of 2.
    expect(summary.rates).toMatchObject({ closed: 1, firstTimeClosureRate: 0, satisfactionRate: 0.5 });
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
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: h, payload: {
        channel: 'phone', category: 'consultation', title: '市民中心 社保卡补办流程', location: '市民中心', content: { what: '咨询社保卡补办' },
        // Registered at 10:00 (the test clock) for a call that ended at 09:40: 20 minutes, later than 15.
        callEndedAt: '2026-11-24T09:40:00+08:00',
      } });
      const id = created.json().id;
      const pdf = Buffer.from('%PDF-1.4\n% 现场照片\n').toString('base64');
      const up = await t.app.inject({ method: 'POST', url: `/api/v1/work-orders/${id}/attachments`, headers: h, payload: { fileName: '现场.pdf', base64: pdf } });
      expect(up.statusCode).toBe(201);
      const down = await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}/attachments/${up.json().id}`, headers: h });
      expect(down.headers['content-type']).toBe('application/pdf');
      expect(down.rawPayload.toString('latin1').startsWith('%PDF-')).toBe(true);
      const bad = await t.app.inject({ method: 'POST', url: `/api/v1/work-orders/${id}/attachments`, headers: h, payload: { fileName: 'x.html', base64: Buffer.from('<script>').toString('base64') } });
      expect(bad.statusCode).toBe(422);
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/work-orders/${id}`, headers: h })).json();
      expect(detail.completedLate).toBe(true);
      expect(detail.attachments).toHaveLength(1);
    } finally {
      await t.close();
      delete process.env.ZUOXI_FILES;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
