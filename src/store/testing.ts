import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** The PostgreSQL server the integration tests use (database `test`, trust auth); TEST_PG_URL overrides. */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDialect = 'sqlite' | 'postgres';

/**
 * The dialects integration tests run on: both, always, in CI; locally PostgreSQL is skipped only when
 * ZUOXI_TEST_SQLITE_ONLY=1 is set (for a machine without a server).
 */
export const TEST_DIALECTS: TestDialect[] =
  process.env.ZUOXI_TEST_SQLITE_ONLY === '1' && process.env.CI !== 'true' ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * A fresh, migrated, empty database of the given kind. PostgreSQL gets a database of its own
 * (tests run in parallel processes), dropped again by `close()`.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const handle = openDatabase(':memory:');
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `zuoxi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString());
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
