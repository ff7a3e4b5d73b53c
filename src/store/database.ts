import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages (file path or URL without password). */
  location: string;
  close(): Promise<void>;
}

// pg returns int8 and numeric as strings to avoid precision loss; our int8 values are epoch
// milliseconds and counters, all far below 2^53, so numbers are exact and simpler everywhere.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const sqliteConnections = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 connection behind a database opened by {@link openDatabase} (undefined for PostgreSQL),
 * for bulk write paths inside src/store that prepare parameterised statements once and run them per row.
 * Use it only inside a Kysely transaction of that database: Kysely's SQLite driver has one connection and
 * holds it for the transaction, so the statements run inside that transaction and nothing else interleaves.
 */
export function sqliteConnectionOf(db: Kysely<Database>): SQLite.Database | undefined {
  return sqliteConnections.get(db);
}

/** Default SQLite file: ./data/zuoxi.db (ZUOXI_DB overrides). */
export function defaultSqlitePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ZUOXI_DB || 'data/zuoxi.db');
}

/**
 * Opens the database named by `url`: a `postgres://` URL, or a SQLite file path (`:memory:` allowed).
 * Without a URL: DATABASE_URL if set, else the SQLite file of {@link defaultSqlitePath}.
 */
export function openDatabase(url?: string, env: NodeJS.ProcessEnv = process.env): DatabaseHandle {
  const target = url || env.DATABASE_URL || defaultSqlitePath(env);
  if (/^postgres(ql)?:\/\//.test(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 10 });
    // An idle pooled connection the server drops (restart, admin termination, network) makes the pool emit 'error';
    // without a listener that ends the process. The pool discards that client and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL: an idle connection was dropped: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: target.replace(/:[^:@/]*@/, ':***@'), close: () => db.destroy() };
  }
  const file = target.startsWith('sqlite:') ? target.slice('sqlite:'.length) : target;
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqliteConnections.set(db, sqlite);
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}
