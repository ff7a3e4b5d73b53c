import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

describe.each(TEST_DIALECTS)('organisation API on %s', (dialect) => {
  let t: TestApp;
  let h: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    h = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });

  test('create and edit are audited with before and after', async () => {
    const sg = await post('/api/v1/skill-groups', { code: 'policy', name: '政策咨询' });
    expect(sg.statusCode).toBe(201);
    const team = await post('/api/v1/teams', { name: '一组' });
    const agent = await post('/api/v1/agents', {
      employeeNo: '1001',
      name: '张三',
      teamId: team.json().id,
      skills: [{ skillGroupId: sg.json().id, proficiency: 4 }],
    });
    expect(agent.statusCode).toBe(201);
    expect(agent.json()).toMatchObject({ teamName: '一组', skills: [{ skillGroupName: '政策咨询', proficiency: 4 }] });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agents/${agent.json().id}`,
      headers: h,
      payload: { name: '张三丰' },
    });
    expect(patch.json().name).toBe('张三丰');
    // Fields not sent keep their values (no defaults sneak into a PATCH).
    expect(patch.json()).toMatchObject({
      teamName: '一组',
      skills: [{ skillGroupName: '政策咨询', proficiency: 4 }],
      contractHoursPerWeek: 40,
    });
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${agent.json().id}`, headers: h, payload: {} });
    expect(empty.statusCode).toBe(400);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?entity=agent', headers: h });
    const [latest] = audit.json().items;
    expect(latest).toMatchObject({
      actor: 'admin',
      action: 'update',
      entity: 'agent',
      before: { name: '张三' },
      after: { name: '张三丰' },
    });
    const dup = await post('/api/v1/agents', { employeeNo: '1001', name: 'x' });
    expect(dup.statusCode).toBe(409);
  });

  test('bad input names the field; an unknown id is 404', async () => {
    const bad = await post('/api/v1/agents', { employeeNo: '', name: 'x', skills: [{ skillGroupId: 1, proficiency: 9 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.employeeNo', 'body.skills.0.proficiency']),
    );
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/v1/sites/999', headers: h, payload: { seats: 3 } });
    expect(missing.statusCode).toBe(404);
  });

  test('roster import is all or nothing unless skipInvalid', async () => {
    const csv =
      'employeeNo,name,team,skills,hireDate,contractHoursPerWeek\n2001,李四,一组,政策咨询:3,2025-01-02,40\n2002,王五,九组,,,\n';
    const refused = await post('/api/v1/agents/import', { csv });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ line: 3, path: 'team' })]);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/agents?q=2001', headers: h });
    expect(none.json().total).toBe(0);
    const partial = await post('/api/v1/agents/import?skipInvalid=true', { csv });
    expect(partial.json()).toMatchObject({ imported: 1, created: 1, skipped: 1 });
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/agents?q=2001', headers: h });
    expect(one.json().items[0]).toMatchObject({ name: '李四', teamName: '一组', hireDate: '2025-01-02' });
  });
});
