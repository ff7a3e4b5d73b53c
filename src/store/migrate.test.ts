import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
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
