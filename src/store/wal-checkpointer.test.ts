import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test } from 'vitest';
import { checkpointInBackground } from './wal-checkpointer.ts';

test('copies the write-ahead log into the database file while this thread writes, then gives the automatic checkpoint back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zuoxi-wal-'));
  const file = join(dir, 'db.sqlite');
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec('create table t (k integer primary key, v text)');
    const before = statSync(file).size;
    const checkpointer = checkpointInBackground(db, 10);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = db.prepare('insert into t (v) values (?)');
    for (let block = 0; block < 20; block++) {
      db.transaction(() => {
        for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
      })();
      await new Promise((r) => setTimeout(r, 15));
    }
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // The pages reached the database file without this connection checkpointing.
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    expect((db.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(10_000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('leaves an in-memory database alone', async () => {
  const db = new SQLite(':memory:');
  await checkpointInBackground(db).stop();
  db.close();
});
