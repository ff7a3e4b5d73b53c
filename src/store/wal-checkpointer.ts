import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * While a bulk import writes through `sqlite`, its write-ahead log is copied into the database file by a thread
 * of its own instead of inside the import's commits (SQLite's automatic checkpoint, which also waits for the
 * disk). `stop()` ends that and gives the connection its automatic checkpoint back. Committed blocks are as
 * durable as before: a checkpoint only moves pages that are already committed in the log.
 * An in-memory database has no log to copy: nothing is started.
 */
export function checkpointInBackground(sqlite: SQLite.Database, everyMs = 1000): { stop(): Promise<void> } {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return { stop: async () => {} };
  const automatic = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
    workerData: { file: sqlite.name, everyMs },
  });
  worker.on('error', () => undefined); // a failed checkpointer only leaves the log to the next automatic checkpoint
  return {
    async stop() {
      sqlite.pragma(`wal_autocheckpoint = ${automatic}`);
      const stopped = once(worker, 'message').catch(() => undefined);
      worker.postMessage('stop');
      await Promise.race([stopped, once(worker, 'exit')]);
      await worker.terminate();
    },
  };
}
