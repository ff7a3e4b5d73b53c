import { describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../testing.ts';
import { seededDemoApp } from './demo-test-app.ts';

// Thursday 2026-12-03 14:00 in Shanghai, three weeks of history.
const NOW = Date.UTC(2026, 11, 3, 6, 0);

describe.each(TEST_DIALECTS)("the demo's QA (%s)", (dialect) => {
  const demo = seededDemoApp(dialect, NOW, 3);
  const get = demo.get;

  test('two to three evaluations per agent a week', async () => {
    const perAgent = await demo.h.db
      .selectFrom('evaluation')
      .select(['agent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'normal')
      .groupBy('agent_id')
      .execute();
    expect(perAgent.length).toBe(120);
    for (const r of perAgent) expect(Number(r.n)).toBeGreaterThanOrEqual(6);
    for (const r of perAgent) expect(Number(r.n)).toBeLessThanOrEqual(8);
  });

  test('coaching on evaluations that call for it, each follow-up a later evaluation of the same agent', async () => {
    const evaluations = new Map(
      (
        await demo.h.db.selectFrom('evaluation').select(['id', 'agent_id', 'evaluated_at', 'score', 'critical_failed']).execute()
      ).map((e) => [e.id, e]),
    );
    const tasks = await demo.h.db.selectFrom('coaching_task').selectAll().execute();
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['open', 'in_progress', 'followed_up']));
    for (const t of tasks) {
      const of = evaluations.get(t.evaluation_id ?? 0);
      expect(of?.agent_id).toBe(t.agent_id);
      expect(of?.critical_failed === 1 || Number(of?.score) < 80).toBe(true);
      expect((JSON.parse(t.items_json) as string[]).length).toBeGreaterThan(0);
      if (t.status !== 'followed_up') continue;
      const next = evaluations.get(t.follow_up_evaluation_id ?? 0);
      expect(next?.agent_id).toBe(t.agent_id);
      expect(Number(next?.evaluated_at)).toBeGreaterThan(Number(t.created_at));
    }
    // The agent sees only their own tasks; QA sees them all.
    const agent = await demo.h.db
      .selectFrom('app_user')
      .select('agent_id')
      .where('username', '=', 'agent')
      .executeTakeFirstOrThrow();
    const mine = (await get('agent', '/api/v1/qa/coaching')).items as { agentId: number }[];
    expect(mine.every((t) => t.agentId === agent.agent_id)).toBe(true);
    expect(mine.length).toBe(tasks.filter((t) => t.agent_id === agent.agent_id).length);
    expect(((await get('qa', '/api/v1/qa/coaching')).items as unknown[]).length).toBe(tasks.length);
  });
});
