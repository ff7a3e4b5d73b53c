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
