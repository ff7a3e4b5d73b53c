/**
 * Test fixture for the quality API tests: an app with two teams, agents, a team lead linked to an agent of
 * team 一组, a second QA user, and a scorecard (points items, N/A, a form-critical item, a bonus, and
 * a three-option scale plus a yes/no scale for the α levels). Used only by *.test.ts files.
 */

import type { TestDialect } from '../../store/testing.ts';
import { insertUser } from '../../store/users.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing.ts';

export const CARD = {
  name: '热线通话质检表',
  sections: [
    {
      id: 'service',
      label: '服务规范',
      weight: 2,
      items: [
        { id: 'greeting', label: '标准开头语', maxPoints: 10 },
        { id: 'verify', label: '核实来电人信息', maxPoints: 10, naAllowed: true },
        {
          id: 'tone',
          label: '语气',
          maxPoints: 5,
          scale: [
            { label: '优', points: 5 },
            { label: '良', points: 3 },
            { label: '差', points: 0 },
          ],
        },
        {
          id: 'closing',
          label: '结束语',
          maxPoints: 2,
          scale: [
            { label: '是', points: 2 },
            { label: '否', points: 0 },
          ],
        },
      ],
    },
    {
      id: 'accuracy',
      label: '业务准确',
      weight: 1,
      items: [
        { id: 'policy', label: '政策解答准确', maxPoints: 5, critical: 'form' },
        { id: 'extra', label: '主动告知相关政策', maxPoints: 2, bonus: true },
      ],
    },
  ],
};

/** Answers with everything at full marks, overridden by `over`. */
export const full = (over: Record<string, object> = {}) => ({
  greeting: { points: 10 },
  verify: { points: 10 },
  tone: { option: '优' },
  closing: { option: '是' },
  policy: { points: 5 },
  ...over,
});

export interface QaFixture {
  t: TestApp;
  h: Record<'qa' | 'qa2' | 'agent' | 'team_lead' | 'manager' | 'trainer', Record<string, string>>;
  userIds: Record<'qa' | 'qa2' | 'manager', number>;
  teamA: number;
  teamB: number;
  /** Linked to the user `agent`, team A. */
  agentA: number;
  /** Team A, not linked. */
  agentA2: number;
  /** Team B. */
  agentB: number;
  cardId: number;
}

export async function qaFixture(dialect: TestDialect): Promise<QaFixture> {
  const t = await createTestApp(dialect);
  const db = t.handle.db;
  const team = async (name: string) =>
    (await db.insertInto('team').values({ name, site_id: null, leader_agent_id: null }).returning('id').executeTakeFirstOrThrow())
      .id;
  const agent = async (no: string, name: string, teamId: number | null) =>
    (
      await db
        .insertInto('agent')
        .values({
          employee_no: no,
          name,
          team_id: teamId,
          hire_date: null,
          contract_hours_per_week: 40,
          status: 'active',
          left_date: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const teamA = await team('一组');
  const teamB = await team('二组');
  const agentA = await agent('1001', '张三', teamA);
  const agentA2 = await agent('1003', '王五', teamA);
  const agentB = await agent('1002', '李四', teamB);
  const lead = await agent('1900', '组长', teamA);
  await db.updateTable('app_user').set({ agent_id: agentA }).where('username', '=', 'agent').execute();
  await db.updateTable('app_user').set({ agent_id: lead }).where('username', '=', 'team_lead').execute();
  const qa2 = await insertUser(
    db,
    { username: 'qa2', displayName: 'qa2', passwordHash: await hashPassword(TEST_PASSWORD), roles: ['qa'] },
    0,
  );
  const uid = async (u: string) =>
    (await db.selectFrom('app_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  const h = {
    qa: (await t.signIn('qa')).headers,
    qa2: (await t.signIn('qa2')).headers,
    agent: (await t.signIn('agent')).headers,
    team_lead: (await t.signIn('team_lead')).headers,
    manager: (await t.signIn('manager')).headers,
    trainer: (await t.signIn('trainer')).headers,
  };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/qa/scorecards',
    headers: h.qa,
    payload: { key: 'hotline', definition: CARD },
  });
  if (res.statusCode !== 201) throw new Error(`scorecard: ${res.body}`);
  return {
    t,
    h,
    userIds: { qa: await uid('qa'), qa2, manager: await uid('manager') },
    teamA,
    teamB,
    agentA,
    agentA2,
    agentB,
    cardId: res.json().id,
  };
}
