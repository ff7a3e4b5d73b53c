import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Contact } from '../domain/contacts/contact.ts';
import { generateQueueLog } from '../ingest/queue-log/generate.ts';
import { queueLogContact } from '../ingest/queue-log/parser.ts';
import { contactsBetween } from './contacts.ts';
import { type DatabaseHandle, openDatabase, sqliteConnectionOf } from './database.ts';
import { storeContactBatch } from './import-contacts.ts';
import { deferIndexes } from './import-indexes.ts';
import { importQueueLog } from './import-queue-log.ts';
import { loadCells, loadReportContext, rebuildCells } from './interval-cells.ts';
import { migrateToLatest } from './migrate.ts';

/** The contacts' indexes as SQLite keeps them (name and statement). */
function contactIndexes(h: DatabaseHandle) {
  return sqliteConnectionOf(h.db)
    ?.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact' ORDER BY name")
    .all();
}

async function migrated(file: string): Promise<DatabaseHandle> {
  const h = openDatabase(file);
  await migrateToLatest(h.db);
  return h;
}

function writeLog(dir: string, seed: number): string {
  const lines: string[] = [];
  generateQueueLog({ seed, lines: 6000, agents: 10, peakCallsPerHour: 60 }, (l) => lines.push(l));
  const file = join(dir, 'queue_log');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('time indexes built after a large SQLite import', () => {
  test('a bulk import into an empty database drops them while it stores and builds them again as the migration made them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-indexes-'));
    const h = await migrated(':memory:');
    try {
      await h.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      const made = contactIndexes(h);
      expect(made?.map((i) => (i as { name: string }).name)).toEqual([
        'contact_entered',
        'contact_queue_entered',
        'sqlite_autoindex_contact_1',
      ]);
      const during: unknown[] = [];
      const file = writeLog(dir, 3);
      await importQueueLog(h.db, file, { threadFromBytes: 0, onProgress: () => during.push(contactIndexes(h)?.length) });
      expect(during).toEqual([1]); // the key's index only
      expect(contactIndexes(h)).toEqual(made);
      // A small import into what is stored keeps them up as it goes.
      await h.db.deleteFrom('import_cursor').execute();
      during.length = 0;
      await importQueueLog(h.db, file, { threadFromBytes: 0, onProgress: () => during.push(contactIndexes(h)?.length) });
      expect(during).toEqual([3]);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an import killed before building them: queries give the same answers meanwhile, and the next open builds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-indexes-'));
    const dbFile = join(dir, 'zuoxi.db');
    let h = await migrated(dbFile);
    try {
      await h.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      await importQueueLog(h.db, writeLog(dir, 4), { threadFromBytes: 0 });
      const made = contactIndexes(h);
      const [first] = await contactsBetween(h.db, 0, Number.MAX_SAFE_INTEGER);
      const from = Math.floor(first.enteredAt / 86_400_000) * 86_400_000;
      const day = [from, from + 86_400_000] as const;
      const read = async () => ({
        all: await contactsBetween(h.db, ...day),
        queue: await contactsBetween(h.db, ...day, first.queue),
        cells: await h.db.transaction().execute(async (tx) => {
          await rebuildCells(tx, ...day, await loadReportContext(tx));
          return loadCells(tx, ...day);
        }),
      });
      const withIndexes = await read();
      expect(withIndexes.all.length).toBeGreaterThan(withIndexes.queue.length);
      // What an import leaves when it is killed between dropping the indexes and building them.
      await deferIndexes(h.db, sqliteConnectionOf(h.db) as NonNullable<ReturnType<typeof sqliteConnectionOf>>);
      expect(contactIndexes(h)).toHaveLength(1);
      expect(await read()).toEqual(withIndexes);
      await h.close();
      h = await migrated(dbFile);
      expect(contactIndexes(h)).toEqual(made);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('opening the database while another process imports (the write lock held) leaves the indexes to that import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-indexes-'));
    const dbFile = join(dir, 'zuoxi.db');
    const importing = await migrated(dbFile);
    let other: DatabaseHandle | null = null;
    try {
      const sqlite = sqliteConnectionOf(importing.db) as NonNullable<ReturnType<typeof sqliteConnectionOf>>;
      await deferIndexes(importing.db, sqlite);
      sqlite.exec('BEGIN IMMEDIATE'); // a transaction of the import, under way
      other = openDatabase(dbFile);
      sqliteConnectionOf(other.db)?.pragma('busy_timeout = 50');
      await migrateToLatest(other.db);
      expect(contactIndexes(other)).toHaveLength(1);
      sqlite.exec('COMMIT');
      await migrateToLatest(other.db);
      expect(contactIndexes(other)).toHaveLength(3);
    } finally {
      await other?.close();
      await importing.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a call completed while they are dropped brings them back before its cell is recounted', async () => {
    const h = await migrated(':memory:');
    try {
      const sqlite = sqliteConnectionOf(h.db);
      const t = Date.UTC(2026, 0, 5, 1, 7);
      const open = queueLogContact('1.1', 'sales', t, null);
      const done: Contact = { ...open, outcome: 'answered', waitSeconds: 5, answeredAt: t + 5000, endedAt: t + 65_000 };
      const store = (c: Contact) => h.db.transaction().execute((tx) => storeContactBatch(tx, [c], [], 'test', { sqlite }));
      await deferIndexes(h.db, sqlite as NonNullable<typeof sqlite>);
      expect(await store(open)).toEqual({ contacts: 1, spans: 0 });
      expect(contactIndexes(h)).toHaveLength(1);
      expect(await store(done)).toEqual({ contacts: 1, spans: 0 });
      expect(contactIndexes(h)).toHaveLength(3);
      const [cell] = await loadCells(h.db, 0, Number.MAX_SAFE_INTEGER);
      expect(cell).toMatchObject({ offered: 1, answered: 1, unknownEnd: 0 });
    } finally {
      await h.close();
    }
  });
});
