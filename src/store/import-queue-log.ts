import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { ParsedBlock } from '../ingest/queue-log/block-codec.ts';
import { createBlockParser } from '../ingest/queue-log/block-parser.ts';
import type { QueueLogParserState } from '../ingest/queue-log/parser-state.ts';
import { type ByteBlock, type LogCursor, LogFollower } from '../ingest/tail/log-follower.ts';
import { sqliteConnectionOf } from './database.ts';
import { storeRecords } from './import-contacts.ts';
import { buildMissingIndexes, deferIndexes, storedContactsAtMost, worthDeferring } from './import-indexes.ts';
import { keyedCellSettingsOf, loadReportContext, type ReportContext } from './interval-cells.ts';
import type { Database } from './schema.ts';
import { talkingSpanCounter } from './talking-spans.ts';
import { checkpointInBackground } from './wal-checkpointer.ts';

export interface ImportProgress {
  lines: number;
  contacts: number;
  spans: number;
  errors: { line: number; reason: string }[];
  unknownEvents: Record<string, number>;
}

export interface ImportOptions {
  /** Keep reading as the log grows, until `signal` aborts. */
  follow?: boolean;
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  now?: () => number;
  /** Parse in a worker thread when at least this many bytes are left to read (default 32 MiB). */
  threadFromBytes?: number;
}

const MAX_ERRORS_KEPT = 1000;
/** How long an import reuses the thresholds and maps it loaded (a mapping change also rebuilds all cells). */
const CONTEXT_TTL_MS = 10_000;
/** From this much left to read, a worker thread parses (starting it costs ~0.2 s) and blocks are larger. */
const THREAD_FROM_BYTES = 32 * 1024 * 1024;
/** A bulk import's blocks, and how many of them one transaction stores (see importQueueLog). */
const BULK_BLOCK_BYTES = 2 * 1024 * 1024;
const BULK_BLOCKS_PER_TRANSACTION = 8;
/** Bytes of log per call, at most, to estimate how many calls a rest to read adds (the benchmark's log: 275). */
const BYTES_PER_CALL_AT_MOST = 512;

/**
 * Imports an Asterisk queue_log into the store. Each chunk of lines is stored in one transaction together
 * with the cursor (byte offset, line number, the parser's open calls), so an interrupted import leaves
 * nothing half-written and the next run resumes exactly after the last stored chunk — also when the log was
 * rotated in between (the rest of the rotated file is read first). Lines already stored (same call, queue and
 * entry time) are not counted twice.
 */
export async function importQueueLog(db: Kysely<Database>, path: string, options: ImportOptions = {}): Promise<ImportProgress> {
  const source = `queue_log:${resolve(path)}`;
  const now = options.now ?? Date.now;
  const saved = await db.selectFrom('import_cursor').selectAll().where('source', '=', source).executeTakeFirst();
  const cursor: LogCursor | null = saved ? { inode: saved.inode, offset: saved.byte_offset, lineNo: saved.line_no } : null;
  // Rotated while no import ran (queue_log → queue_log.1): finish the old file first, then read the new one.
  let rotatedFile = saved && (await stat(path)).ino !== saved.inode ? await fileWithInode(path, saved.inode) : null;
  let follower = await LogFollower.open(rotatedFile ?? path, cursor);
  // A saved state belongs to the file it was read from; after rotation the new file starts fresh.
  const resumed = saved && follower.position.inode === saved.inode && follower.position.offset === saved.byte_offset;
  const state = resumed ? (JSON.parse(saved.state_json) as QueueLogParserState) : undefined;
  // A large rest to read (a first import, a backlog) is parsed in a worker thread while this one stores.
  const rest = (await stat(rotatedFile ?? path)).size - follower.position.offset + (rotatedFile ? (await stat(path)).size : 0);
  const bulk = rest >= (options.threadFromBytes ?? THREAD_FROM_BYTES);
  const parser = createBlockParser({ state, thread: bulk });
  // A bulk import parses 2 MiB blocks (what a block makes dies young in the parsing thread) and stores eight per
  // transaction (fewer commits, each writing its pages once); one transaction is one block as far as the cursor goes.
  const blockBytes = bulk ? BULK_BLOCK_BYTES : undefined;
  const perTransaction = bulk ? BULK_BLOCKS_PER_TRANSACTION : 1;
  // SQLite: the bulk path runs prepared statements on the connection, inside the chunk's transaction.
  const sqlite = sqliteConnectionOf(db);
  const checkpointer = bulk && sqlite ? checkpointInBackground(sqlite) : null;
  const progress: ImportProgress = { lines: 0, contacts: 0, spans: 0, errors: [], unknownEvents: {} };
  const talkingSpans = talkingSpanCounter();
  // Thresholds and maps, reloaded now and then; a parsing thread counts each block's cells with them too.
  let context: ReportContext = await loadReportContext(db);
  let contextAt = performance.now();
  let cellSettings = keyedCellSettingsOf(context);
  /** Blocks read and handed to the parser, oldest first, with the cursor after each. */
  const pending: { parsed: Promise<ParsedBlock>; cursor: LogCursor; lines: number }[] = [];
  let atEnd = false;
  /** The next read, under way while a transaction is stored (a read waits for a thread of the I/O pool). */
  let reading: Promise<ByteBlock> | null = null;
  // A large import into few stored contacts builds the contacts' time indexes after it, sorted (import-indexes.ts).
  let deferring = false;
  if (bulk && sqlite && worthDeferring(storedContactsAtMost(sqlite), rest / BYTES_PER_CALL_AT_MOST)) {
    await deferIndexes(db, sqlite);
    deferring = true;
  }
  try {
    for (;;) {
      // Keep the parser a transaction's blocks ahead of the store (when it has a thread of its own).
      while (!atEnd && pending.length < (parser.threaded ? 2 * perTransaction : 1)) {
        const chunk = await (reading ?? follower.readBytes(blockBytes));
        reading = null;
        if (chunk.lineCount === 0) atEnd = true;
        else {
          const parsed = parser.parse(chunk.bytes, chunk.firstLineNo, cellSettings);
          parsed.catch(() => undefined); // awaited in order below; a failure surfaces there
          pending.push({ parsed, cursor: chunk.cursor, lines: chunk.lineCount });
        }
      }
      const blocks = pending.splice(0, perTransaction);
      if (blocks.length > 0) {
        if (parser.threaded && !atEnd) {
          reading = follower.readBytes(blockBytes);
          reading.catch(() => undefined); // awaited above at the next turn
        }
        const outs = await Promise.all(blocks.map((b) => b.parsed));
        if (options.signal?.aborted) break;
        const last = blocks[blocks.length - 1];
        await db.transaction().execute(async (tx) => {
          if (performance.now() - contextAt > CONTEXT_TTL_MS) {
            context = await loadReportContext(tx);
            contextAt = performance.now();
            cellSettings = keyedCellSettingsOf(context);
          }
          for (const out of outs) {
            const stored = await storeRecords(tx, out.records, 'queue_log', { sqlite, context, talkingSpans });
            progress.contacts += stored.contacts;
            progress.spans += stored.spans;
          }
          const row = {
            inode: last.cursor.inode,
            byte_offset: last.cursor.offset,
            line_no: last.cursor.lineNo,
            state_json: outs[outs.length - 1].stateJson,
            updated_at: now(),
          };
          await tx
            .insertInto('import_cursor')
            .values({ source, ...row })
            .onConflict((oc) => oc.column('source').doUpdateSet(row))
            .execute();
        });
        for (const b of blocks) progress.lines += b.lines;
        for (const out of outs) {
          for (const e of out.errors) if (progress.errors.length < MAX_ERRORS_KEPT) progress.errors.push(e);
          for (const [k, v] of Object.entries(out.unknownEvents))
            progress.unknownEvents[k] = (progress.unknownEvents[k] ?? 0) + v;
        }
        options.onProgress?.(progress);
        // Stopped (SIGINT/SIGTERM on `--follow`): end after the transaction just stored, also in a large backlog;
        // the cursor is after it and the blocks parsed ahead are dropped (the next run reads them again).
        if (options.signal?.aborted) break;
        continue;
      }
      // Everything read is stored and the file has no further whole line (yet).
      atEnd = false;
      if (deferring) {
        // The backlog is stored: the indexes are built before a --follow goes on waiting for new lines.
        await buildMissingIndexes(db, sqlite);
        deferring = false;
      }
      if (rotatedFile) {
        // The rotated file is read to its end: the file now at the path follows, from its start (open calls go on).
        await follower.close();
        follower = await LogFollower.open(path, null);
        rotatedFile = null;
        continue;
      }
      if (!options.follow) break;
      if (await follower.rotated()) {
        await follower.reopen();
        continue;
      }
      if (options.signal?.aborted) break;
      await pause(options.pollMs ?? 1000, options.signal);
      if (options.signal?.aborted) break;
    }
  } finally {
    await reading?.catch(() => undefined);
    await parser.close();
    try {
      // Also after a failure: what was stored is stored. If this does not run (the process killed), the next open
      // of the database builds them (restoreDeferredIndexes).
      if (deferring) await buildMissingIndexes(db, sqlite);
    } finally {
      await checkpointer?.stop();
      await follower.close();
    }
  }
  return progress;
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The file beside `path` whose name starts like it (queue_log.1, queue_log-20261202) and has inode `inode`. */
async function fileWithInode(path: string, inode: number): Promise<string | null> {
  const dir = dirname(resolve(path));
  const base = basename(path);
  for (const name of await readdir(dir)) {
    if (!name.startsWith(base) || name === base) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    if (st?.isFile() && st.ino === inode) return join(dir, name);
  }
  return null;
}
