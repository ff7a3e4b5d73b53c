import type SQLite from 'better-sqlite3';
import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import { cellAccumulator } from '../domain/metrics/interval-cube.ts';
import { type RecordColumns, recordColumnsOf } from '../ingest/queue-log/block-codec.ts';
import { linkTalkingSpans } from '../ingest/queue-log/talking-span.ts';
import type { Db } from './audit.ts';
import { storeRecordsSqlite } from './bulk-sqlite.ts';
import { indexesForQueries } from './import-indexes.ts';
import { insertAgentStateSpans, lastOfEachKey, upsertContacts } from './contacts.ts';
import { addCells, cubeOptionsOf, loadReportContext, type ReportContext, rebuildCells } from './interval-cells.ts';
import { spansNeedingRows, TALKING_FROM_CONTACTS, type TalkingSpanCounter } from './talking-spans.ts';

const CELL_MS = 15 * 60_000;

export interface StoreOptions {
  /** The connection of sqliteConnectionOf(db) when `db` is a transaction of it: the bulk path (bulk-sqlite.ts). */
  sqlite?: SQLite.Database;
  /** The report context, when the caller has loaded it recently (thresholds and maps). */
  context?: ReportContext;
  /** The talking spans counted by the import's earlier batches (a pair answered in the same millisecond counts once). */
  talkingSpans?: TalkingSpanCounter;
}

/**
 * Stores a batch of normalised records and counts the new ones into the 15-minute cells they fall in. Call
 * inside a transaction together with whatever marks the batch as done (a follow cursor), so that an
 * interrupted import leaves either all of a batch or none of it. Records already stored are not counted
 * again; a stored `unknown` call completed by this batch has its cell recounted from the stored contacts;
 * a queue_log call's talking span is kept in its contact, not in a row of its own (talking-spans.ts).
 */
export async function storeContactBatch(
  db: Db,
  contacts: readonly Contact[],
  spans: readonly AgentStateSpan[],
  source: string,
  options: StoreOptions = {},
): Promise<{ contacts: number; spans: number }> {
  if (options.sqlite)
    return storeRecordsSqlite(
      db,
      options.sqlite,
      recordColumnsOf(lastOfEachKey(contacts), spans),
      source,
      options.context,
      options.talkingSpans,
    );
  const { added, upgraded, unique, status } = await upsertContacts(db, contacts, source);
  let rows = spans;
  let derived = 0;
  if (source === TALKING_FROM_CONTACTS && spans.length > 0) {
    const found = await spansNeedingRows(
      db,
      (k) => spans[k],
      linkTalkingSpans(spans, unique),
      status,
      (i) => unique[i].key,
      (k) => spans[k].start,
      (k) => spans[k].agent,
      options.talkingSpans,
    );
    rows = spans.filter((_, k) => found.needsRow[k] === 1);
    derived = found.derived;
  }
  const newSpans = (rows.length ? await insertAgentStateSpans(db, rows, source) : 0) + derived;
  if (added.length + upgraded.length > 0) {
    const ctx = options.context ?? (await loadReportContext(db));
    if (added.length > 0) {
      const acc = cellAccumulator(cubeOptionsOf(ctx));
      acc.add(added);
      await addCells(db, acc.cells());
    }
    // Cells are 15 minutes in UTC too: every zone's offset is a whole number of quarter hours.
    const slots = new Set(upgraded.map((c) => Math.floor(c.enteredAt / CELL_MS) * CELL_MS));
    if (slots.size > 0) await indexesForQueries(db, options.sqlite);
    for (const slot of slots) await rebuildCells(db, slot, slot + CELL_MS, ctx);
  }
  return { contacts: added.length + upgraded.length, spans: newSpans };
}

/** {@link storeContactBatch} of records given as columns (a parsed block): SQLite writes them in place. */
export async function storeRecords(
  db: Db,
  records: RecordColumns,
  source: string,
  options: StoreOptions = {},
): Promise<{ contacts: number; spans: number }> {
  if (options.sqlite && records.uniqueKeys)
    return storeRecordsSqlite(db, options.sqlite, records, source, options.context, options.talkingSpans);
  return storeContactBatch(db, records.contacts(), records.spans(), source, options);
}
