import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agentIdentity } from '../ingest/queue-log/agent-identity.ts';
import type { DatabaseHandle } from './database.ts';
import { migrateToLatest, migrations } from './migrate.ts';
import { canSeeAgent, handledContactsOf, itemLabels, listEvaluations, scoredEvaluations, seesAllQa } from './quality.ts';
import type { Database as Schema } from './schema.ts';
import { createTestDatabase, TEST_DIALECTS } from './testing.ts';

test('a database already past 0008 still gets 0006 (contact.recording_url) and 0009', async () => {
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => !/^000[69]-/.test(name)));
  expect((await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest()).error).toBeUndefined();
  expect(await migrateToLatest(db)).toEqual(['0006-contact-recording', '0009-quality-refinements']);
  const cols = (await db.introspection.getTables()).find((t) => t.name === 'contact')!.columns.map((c) => c.name);
  expect(cols).toContain('recording_url');
  await db.destroy();
});

describe.each(TEST_DIALECTS)('quality store on %s', (dialect) => {
  let h: DatabaseHandle;
  let a1 = 0;
  let a2 = 0;
  let b1 = 0;
  let teamA = 0;
  beforeAll(async () => {
    h = await createTestDatabase(dialect);
    await migrateToLatest(h.db);
    const db = h.db;
    teamA = (
      await db
        .insertInto('team')
        .values({ name: 'A', site_id: null, leader_agent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const teamB = (
      await db
        .insertInto('team')
        .values({ name: 'B', site_id: null, leader_agent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const agent = async (no: string, team: number) =>
      (
        await db
          .insertInto('agent')
          .values({
            employee_no: no,
            name: no,
            team_id: team,
            hire_date: null,
            contract_hours_per_week: 40,
            status: 'active',
            left_date: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    a1 = await agent('1', teamA);
    a2 = await agent('2', teamA);
    b1 = await agent('3', teamB);
    const card = (
      await db
        .insertInto('scorecard')
        .values({
          key: 'k',
          version: 1,
          name: 'v1',
          definition_json: JSON.stringify({
            id: 'k',
            version: 1,
            name: 'v1',
            sections: [{ id: 's', label: 'S', weight: 1, items: [{ id: 'i', label: '旧名', maxPoints: 1 }] }],
          }),
          created_at: 0,
          created_by: 't',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('scorecard')
      .values({
        key: 'k',
        version: 2,
        name: 'v2',
        definition_json: JSON.stringify({
          id: 'k',
          version: 2,
          name: 'v2',
          sections: [{ id: 's', label: 'S', weight: 1, items: [{ id: 'i', label: '新名', maxPoints: 1 }] }],
        }),
        created_at: 1,
        created_by: 't',
      })
      .execute();
    const ev = (agentId: number, at: number, kind = 'normal') => ({
      scorecard_id: card,
      contact_key: null,
      agent_id: agentId,
      evaluator_user_id: null,
      kind,
      calibration_session_id: null,
      status: 'submitted',
      answers_json: '{}',
      score: 50 + at,
      critical_failed: 0 as const,
      failed_items_json: '["i"]',
      comment: null,
      evaluated_at: at,
      acknowledged_at: null,
    });
    await db
      .insertInto('evaluation')
      .values([ev(a1, 1), ev(a2, 2), ev(b1, 3), ev(a1, 4, 'calibration'), ev(a1, 5, 'self')])
      .execute();
    await db
      .insertInto('agent_map')
      .values([
        { identity: '1001', agent_id: a1 },
        { identity: '1003', agent_id: b1 },
        { identity: '9999', agent_id: null },
      ])
      .execute();
    const c = (key: string, agentName: string | null, answered: boolean) => ({
      key,
      call_id: key,
      queue: 'q',
      caller_id: null,
      entered_at: 100,
      outcome: 'x',
      wait_seconds: 0,
      answered_at: answered ? 101 : null,
      ended_at: 200,
      agent: agentName,
      talk_seconds: 60,
      hold_seconds: 5,
      acw_seconds: 15,
      transferred: 0 as const,
      ring_no_answer: 0,
      source: 't',
    });
    await db
      .insertInto('contact')
      .values([
        c('x1', 'SIP/1001-0000002a', true),
        c('x2', 'SIP/1001', false),
        c('x3', 'SIP/1003', true),
        c('x4', null, true),
        c('x5', 'SIP/9999', true),
      ])
      .execute();
  });
  afterAll(() => h.close());

  test('scope rule: all for QA roles, own for agents, team for team leads, nothing otherwise', async () => {
    expect(seesAllQa({ roles: ['trainer'], agentId: null, teamId: null })).toBe(true);
    const agent = { roles: ['agent'], agentId: a1, teamId: teamA };
    const lead = { roles: ['team_lead'], agentId: null, teamId: teamA };
    expect([await canSeeAgent(h.db, agent, a1), await canSeeAgent(h.db, agent, a2)]).toEqual([true, false]);
    expect([await canSeeAgent(h.db, lead, a2), await canSeeAgent(h.db, lead, b1)]).toEqual([true, false]);
    expect(await canSeeAgent(h.db, { roles: ['planner'], agentId: null, teamId: null }, a1)).toBe(false);
    const forLead = await listEvaluations(h.db, lead, { limit: 100 });
    // Calibration scorings are never listed as evaluations; self-evaluations are.
    expect(forLead.map((e) => e.agent_id).sort()).toEqual([a1, a1, a2].sort());
    expect((await listEvaluations(h.db, agent, { limit: 100 })).every((e) => e.agent_id === a1)).toBe(true);
    expect(await listEvaluations(h.db, { roles: ['planner'], agentId: null, teamId: null }, { limit: 100 })).toEqual([]);
  });

  test('chart series: normal evaluations in range only; handled contacts through the agent map', async () => {
    expect((await scoredEvaluations(h.db, [a1, b1], 0, 10)).map((e) => [e.agentId, e.score, e.failedItems])).toEqual([
      [a1, 51, ['i']],
      [b1, 53, ['i']],
    ]);
    expect(await scoredEvaluations(h.db, [a1], 2, 10)).toEqual([]);
    expect(await handledContactsOf(h.db, [a1], 0, 1000, agentIdentity)).toEqual([{ agentId: a1, at: 100, handleSeconds: 80 }]);
    expect(await handledContactsOf(h.db, [], 0, 1000, agentIdentity)).toEqual([]);
    expect((await itemLabels(h.db)).get('i')).toBe('新名');
  });
});
