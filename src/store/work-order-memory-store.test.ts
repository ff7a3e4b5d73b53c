import { afterEach, expect, test } from 'vitest';
import { syntheticCalls } from '../domain/demo/demo-calls.test-support.ts';
import { demoAgents } from '../domain/demo/demo-center.ts';
import { demoWorkOrders } from '../domain/demo/demo-work-orders.ts';
import { createRandom } from '../domain/simulation/random.ts';
import type { DatabaseHandle } from './database.ts';
import { seedDemoOrganisation } from './seed/demo-organisation.ts';
import { applyDemoOrders, demoPeople } from './seed/demo-work-orders.ts';
import { createTestDatabase, TEST_DIALECTS } from './testing.ts';
import { memoryWorkOrderStore } from './work-order-memory-store.ts';
import { sqlWorkOrderStore, type WorkOrderStore } from './work-order-store.ts';

const handles: DatabaseHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

const agents = demoAgents(createRandom(1));
const NOW = Date.UTC(2026, 10, 24, 6, 0);
const START = Date.UTC(2026, 10, 23, 16, 0) - 21 * 86_400_000;
const TABLES = [
  'work_order',
  'work_order_dispatch',
  'work_order_history',
  'work_order_contact',
  'work_order_sequence',
  'notification',
  'audit_log',
] as const;

async function demoDatabase(dialect: (typeof TEST_DIALECTS)[number]) {
  const h = await createTestDatabase(dialect);
  handles.push(h);
  await seedDemoOrganisation(h.db, agents, START);
  return h;
}

async function tables(h: DatabaseHandle) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES)
    out[t] = await h.db
      .selectFrom(t)
      .selectAll()
      .orderBy(t === 'work_order_sequence' ? 'day' : t === 'work_order_contact' ? 'contact_key' : 'id')
      .execute();
  return out;
}

// The in-memory store is only worth having if it writes what the API writes: three weeks of demo orders applied
// step by step through the SQL store (as each request does) and through the in-memory store, then compared row by row.
test.each(TEST_DIALECTS)(
  'the in-memory store writes exactly the rows of the SQL store (%s)',
  async (dialect) => {
    const viaSql = await demoDatabase(dialect);
    const viaMemory = await demoDatabase(dialect);
    const cal = await sqlWorkOrderStore(viaSql.db).calendar();
    const plan = demoWorkOrders(createRandom(9), {
      calls: syntheticCalls(agents, START, 21, 20),
      teamOf: new Map(agents.map((a) => [a.employeeNo, a.team])),
      now: NOW,
      calendar: cal,
      focusTeam: 1,
      share: 0.12,
    });
    expect(plan.length).toBeGreaterThan(100);
    const apply = async (h: DatabaseHandle, store: WorkOrderStore) => applyDemoOrders(store, await demoPeople(h.db), plan, NOW);
    await apply(viaSql, sqlWorkOrderStore(viaSql.db));
    const memory = await memoryWorkOrderStore(viaMemory.db);
    await apply(viaMemory, memory);
    await memory.flush();
    const a = await tables(viaSql);
    const b = await tables(viaMemory);
    for (const t of TABLES) expect(b[t], t).toEqual(a[t]);
    expect(a.work_order_history?.length).toBeGreaterThan(500);
    expect((a.work_order_history as { action: string }[]).some((h) => h.action === 'escalate')).toBe(true);
    // Orders created through the API afterwards get the next ids (PostgreSQL's identity sequence was moved on).
    const { id } = await viaMemory.db
      .insertInto('work_order')
      .values({ ...(b.work_order?.[0] as object), id: undefined, number: 'X-1' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(id).toBe(plan.length + 1);
  },
  120_000,
);
