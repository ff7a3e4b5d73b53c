import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Db } from './audit.ts';
import { sqliteConnectionOf } from './database.ts';
import type { Database } from './schema.ts';

/**
 * The contacts' time indexes (migration 0002), which a large SQLite import drops at its start and builds again
 * at its end: one sorted CREATE INDEX over the table costs less than a million b-tree inserts while storing
 * (docs/formats.md §1 "Speed"). Without them a query reads the whole table: slower, never a different answer.
 */
const DEFERRED: readonly { name: string; columns: string[] }[] = [
  { name: 'contact_entered', columns: ['entered_at'] },
  { name: 'contact_queue_entered', columns: ['queue', 'entered_at'] },
];

/** Connections whose import has dropped the indexes and not yet built them again. */
const deferred = new WeakSet<SQLite.Database>();

/**
 * Stored contacts from which an import of `newContacts` (an estimate) builds the indexes again after it rather
 * than keeping them up while it stores: when it at least doubles the table. Building them costs about as much
 * per stored contact as keeping them up saves per new one (measured on 1.2 M contacts, 2026-12-03).
 */
export function worthDeferring(storedContacts: number, newContacts: number): boolean {
  return newContacts >= 2 * storedContacts;
}

/** An upper bound of the contacts stored, read at once (the largest rowid). */
export function storedContactsAtMost(sqlite: SQLite.Database): number {
  const row = sqlite.prepare('SELECT max(rowid) AS n FROM contact').get() as { n: number | null };
  return row.n ?? 0;
}

/** Drops the time indexes, in a transaction of its own (an import calls this before it stores anything). */
export async function deferIndexes(db: Kysely<Database>, sqlite: SQLite.Database): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const { name } of DEFERRED) await tx.schema.dropIndex(name).ifExists().execute();
  });
  deferred.add(sqlite);
}

/**
 * Builds the time indexes that are missing (none normally); inside the caller's transaction when `db` is one.
 * An import calls it at its end, and before a query of its own that reads contacts by time; opening the database
 * (migrateToLatest) calls it too, so an import that died before its end leaves them missing only until then.
 */
export async function buildMissingIndexes(db: Db, sqlite?: SQLite.Database): Promise<void> {
  for (const { name, columns } of DEFERRED)
    await db.schema.createIndex(name).ifNotExists().on('contact').columns(columns).execute();
  if (sqlite) deferred.delete(sqlite);
}

/** Before an import's own query of contacts by time: the indexes back first, when this connection dropped them. */
export async function indexesForQueries(db: Db, sqlite: SQLite.Database | undefined): Promise<void> {
  if (sqlite && deferred.has(sqlite)) await buildMissingIndexes(db, sqlite);
}

/**
 * On opening a SQLite database: the indexes of an import that ended before building them again. When another
 * process is importing (the database stays busy), that import builds them at its end: this gives up then.
 */
export async function restoreDeferredIndexes(db: Kysely<Database>): Promise<void> {
  const sqlite = sqliteConnectionOf(db);
  if (!sqlite) return;
  const names = DEFERRED.map((d) => d.name);
  const present = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (${names.map(() => '?').join(', ')})`)
    .all(...names) as { name: string }[];
  if (present.length === names.length) return;
  try {
    await buildMissingIndexes(db);
  } catch (e) {
    if (!(e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_BUSY'))) throw e;
  }
}
