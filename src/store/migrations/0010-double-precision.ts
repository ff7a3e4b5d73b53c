import { type Migration, sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.ts';

/**
 * `real` is an 8-byte float in SQLite but a 4-byte one in PostgreSQL (7 digits): scores came back as 84.31373
 * and long sums of seconds in the interval cells would round. Every `real` column becomes double precision
 * on PostgreSQL, so both databases compute the same numbers.
 */
export const doublePrecision: Migration = {
  async up(db: AnyDb) {
    if (!isPostgres(db)) return;
    const cols = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type = 'real'`.execute(db);
    for (const c of cols.rows) {
      await sql`alter table ${sql.table(c.table_name)} alter column ${sql.ref(c.column_name)} type double precision`.execute(db);
    }
  },
};
