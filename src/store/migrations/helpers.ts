import { type CreateTableBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Migrations run before the typed schema exists, so they use an untyped handle by design.
// biome-ignore lint/suspicious/noExplicitAny: migration DDL is untyped
export type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-numbered integer primary key `id`, the one DDL difference between the two databases. */
export function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
