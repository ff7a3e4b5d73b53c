import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { createQueueLogParser } from '../ingest/queue-log/parser.ts';
import type { QueueLogParserState } from '../ingest/queue-log/parser-state.ts';
import { type LogCursor, LogFollower } from '../ingest/tail/log-follower.ts';
import { sqliteConnectionOf } from './database.ts';
import { storeContactBatch } from './import-contacts.ts';
import { loadReportContext, type ReportContext } from './interval-cells.ts';
import type { Database } from './schema.ts';

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
}

const MAX_ERRORS_KEPT = 1000;
/** How long an import reuses the thresholds and maps it loaded (a mapping change also rebuilds all cells). */
const CONTEXT_TTL_MS = 10_000;

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
  const parser = createQueueLogParser({ state });
  // SQLite: the bulk path runs prepared statements on the connection, inside the chunk's transaction.
  const sqlite = sqliteConnectionOf(db);
  const progress: ImportProgress = { lines: 0, contacts: 0, spans: 0, errors: [], unknownEvents: {} };
  let context: ReportContext | undefined;
  let contextAt = 0;
  try {
    for (;;) {
      const chunk = await follower.readBlock();
      parser.pushBlock(chunk.text, chunk.firstLineNo);
      progress.lines += chunk.lineCount;
      if (chunk.lineCount > 0) {
        const out = parser.drain();
        await db.transaction().execute(async (tx) => {
          if (!context || performance.now() - contextAt > CONTEXT_TTL_MS) {
            context = await loadReportContext(tx);
            contextAt = performance.now();
          }
          const stored = await storeContactBatch(tx, out.contacts, out.spans, 'queue_log', { sqlite, context });
          progress.contacts += stored.contacts;
          progress.spans += stored.spans;
          const row = {
            inode: chunk.cursor.inode,
            byte_offset: chunk.cursor.offset,
            line_no: chunk.cursor.lineNo,
            state_json: JSON.stringify(parser.state()),
            updated_at: now(),
          };
          await tx
            .insertInto('import_cursor')
            .values({ source, ...row })
            .onConflict((oc) => oc.column('source').doUpdateSet(row))
            .execute();
        });
        for (const e of out.errors) if (progress.errors.length < MAX_ERRORS_KEPT) progress.errors.push(e);
        for (const [k, v] of Object.entries(out.unknownEvents)) progress.unknownEvents[k] = (progress.unknownEvents[k] ?? 0) + v;
        options.onProgress?.(progress);
        continue;
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
      await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
      if (options.signal?.aborted) break;
    }
  } finally {
    await follower.close();
  }
  return progress;
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
