// Copies a SQLite database's write-ahead log into the database file from a thread of its own (plain JS, so it
// loads the same under tsx, vitest and node). PASSIVE never waits for a lock: it backfills what is committed
// while the importing thread goes on writing, which then restarts the log once all of it has been copied.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, everyMs } = workerData;
const db = new SQLite(file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
let timer = null;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY and the like: the next tick tries again; the importing thread is never held up.
  }
  timer = setTimeout(tick, everyMs);
};
timer = setTimeout(tick, everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearTimeout(timer);
  db.close();
  parentPort.postMessage('stopped');
  parentPort.close();
});
