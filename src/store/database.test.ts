import { sql } from 'kysely';
import pg from 'pg';
import { expect, test, vi } from 'vitest';
import { createTestDatabase, TEST_DIALECTS, TEST_PG_URL } from './testing.ts';

test.runIf(TEST_DIALECTS.includes('postgres'))(
  'PostgreSQL: a pooled idle connection the server ends is a warning, not a crash; the next query reconnects',
  async () => {
    const handle = await createTestDatabase('postgres');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const { rows } = await sql<{ pid: number; db: string }>`select pg_backend_pid() as pid, current_database() as db`.execute(handle.db);
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await admin.end();
      await vi.waitFor(() => expect(warnings.some((w) => w.includes('idle connection was dropped'))).toBe(true), { timeout: 10_000 });
      const again = await sql<{ db: string }>`select current_database() as db`.execute(handle.db);
      expect(again.rows[0]!.db).toBe(rows[0]!.db);
    } finally {
      process.off('warning', onWarning);
      await handle.close();
    }
  },
);
