import { afterEach, expect, test } from 'vitest';
import { demoAgents } from '../../domain/demo/demo-center.ts';
import { createRandom } from '../../domain/simulation/random.ts';
import type { DatabaseHandle } from '../database.ts';
import { createTestDatabase, TEST_DIALECTS } from '../testing.ts';
import { seedDemoOrganisation } from './demo-organisation.ts';

let handle: DatabaseHandle | undefined;
afterEach(async () => handle?.close());

test.each(TEST_DIALECTS)('the demo unit user is linked to its unit and is its head (%s)', async (dialect) => {
  handle = await createTestDatabase(dialect);
  await seedDemoOrganisation(handle.db, demoAgents(createRandom(1)), Date.UTC(2026, 10, 24));
  const unitUser = await handle.db
    .selectFrom('app_user')
    .select(['id', 'unit_id'])
    .where('username', '=', 'unit')
    .executeTakeFirstOrThrow();
  expect(unitUser.unit_id).not.toBeNull();
  const unit = await handle.db
    .selectFrom('handling_unit')
    .select('head_user_id')
    .where('id', '=', unitUser.unit_id ?? 0)
    .executeTakeFirstOrThrow();
  expect(unit.head_user_id).toBe(unitUser.id);
});

test.each(TEST_DIALECTS)(
  'every agent and team leader signs in, and every unit has a handler who heads it (%s)',
  async (dialect) => {
    handle = await createTestDatabase(dialect);
    const agents = demoAgents(createRandom(1));
    await seedDemoOrganisation(handle.db, agents, Date.UTC(2026, 10, 24));
    const users = await handle.db
      .selectFrom('app_user')
      .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
      .select(['app_user.id', 'app_user.agent_id', 'app_user.unit_id', 'user_role.role'])
      .execute();
    const linked = users.filter((u) => u.agent_id != null);
    expect(new Set(linked.map((u) => u.agent_id)).size).toBe(agents.length);
    expect(linked.filter((u) => u.role === 'team_lead')).toHaveLength(agents.filter((a) => a.isLeader).length);
    const units = await handle.db.selectFrom('handling_unit').select(['id', 'head_user_id']).execute();
    for (const unit of units) {
      const head = users.find((u) => u.id === unit.head_user_id);
      expect(head?.unit_id).toBe(unit.id);
      expect(head?.role).toBe('unit_handler');
    }
  },
);
