import { Migrator, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateToLatest, migrations } from './migrate.ts';
import { CELL_COUNTS, CELL_SECONDS } from './migrations/0007-interval-cells.ts';
import { createTestDatabase, TEST_DIALECTS } from './testing.ts';

describe.each(TEST_DIALECTS)('migrations on %s', (dialect) => {
  test('create every table, and instants round-trip as exact numbers', async () => {
    const h = await createTestDatabase(dialect);
    try {
      const at = Date.UTC(2026, 10, 24, 1, 2, 3, 456);
      await h.db
        .insertInto('audit_log')
        .values({ at, actor: 'test', action: 'create', entity: 'site', entity_id: '1', before_json: null, after_json: '{}' })
        .execute();
      const row = await h.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
      expect(row.at).toBe(at);
      expect(typeof row.id).toBe('number');
      const count = await sql<{ n: number }>`select count(*) as n from contact`.execute(h.db);
      expect(Number(count.rows[0]?.n)).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('0013-import-write-path on SQLite', () => {
  test('keeps the stored cells when interval_cell becomes a WITHOUT ROWID table, and drops the caller index', async () => {
    const h = openDatabase(':memory:');
    try {
      const { '0013-import-write-path': _, ...before } = migrations;
      const migrator = new Migrator({ db: h.db, provider: { getMigrations: async () => before } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const cell = { queue: 'q', agent: 'SIP/1', start_at: Date.UTC(2026, 0, 5, 1) };
      const sums = { offered: 2, answered: 1, sum_answer_wait: 12.5, max_wait: 30 };
      const zeros = Object.fromEntries([...CELL_COUNTS, ...CELL_SECONDS].filter((k) => !(k in sums)).map((k) => [k, 0]));
      await h.db
        .insertInto('interval_cell')
        .values({ ...cell, ...sums, ...zeros } as never)
        .execute();
      await migrateToLatest(h.db);
      expect(await h.db.selectFrom('interval_cell').selectAll().execute()).toEqual([{ ...cell, ...sums, ...zeros }]);
      const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'interval_cell'`.execute(h.db);
      expect(table.rows[0]?.sql).toMatch(/without rowid/i);
      const caller = await sql`select name from sqlite_master where name = 'contact_caller'`.execute(h.db);
      expect(caller.rows).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
