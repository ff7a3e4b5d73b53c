import type SQLite from 'better-sqlite3';
import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import { buildCells } from '../domain/metrics/interval-cube.ts';
import type { BlockHints } from '../ingest/queue-log/block-codec.ts';
import { linkTalkingSpans } from '../ingest/queue-log/talking-span.ts';
import type { Db } from './audit.ts';
import { insertAgentStateSpans, upsertContacts } from './contacts.ts';
import { addCells, cubeOptionsOf, loadReportContext, type ReportContext, rebuildCells } from './interval-cells.ts';
import { spansNeedingRows, TALKING_FROM_CONTACTS } from './talking-spans.ts';

const CELL_MS = 15 * 60_000;

/**
 * Stores a batch of normalised records and counts the new ones into the 15-minute cells they fall in. Call
 * inside a transaction together with whatever marks the batch as done (a follow cursor), so that an
 * interrupted import leaves either all of a batch or none of it. Records already stored are not counted
 * again; a stored `unknown` call completed by this batch has its cell recounted from the stored contacts.
 * `options.sqlite`: the connection of sqliteConnectionOf(db) when `db` is a transaction of it (bulk path);
 * `options.context`: the report context, when the caller has loaded it recently (thresholds and maps);
 * `options.hints`: what the parsing thread already worked out about the batch (block-codec.ts), saving this one the work.
 */
export async function storeContactBatch(
  db: Db,
  contacts: readonly Contact[],
  spans: readonly AgentStateSpan[],
  source: string,
  options: { sqlite?: SQLite.Database; context?: ReportContext; hints?: BlockHints } = {},
): Promise<{ contacts: number; spans: number }> {
  const hints = options.hints;
  const { added, upgraded, unique, status } = await upsertContacts(db, contacts, source, options.sqlite, hints?.uniqueKeys);
  // A queue_log call's talking span is kept in its contact (talking-spans.ts): rows only for the other spans.
  let rows = spans;
  let derived = 0;
  if (source === TALKING_FROM_CONTACTS && spans.length > 0) {
    const links = hints?.uniqueKeys ? hints.talkingContact : linkTalkingSpans(spans, unique);
    ({ rows, derived } = await spansNeedingRows(db, spans, unique, status, links));
  }
  const newSpans = (rows.length ? await insertAgentStateSpans(db, rows, source, options.sqlite) : 0) + derived;
  if (added.length + upgraded.length > 0) {
    const ctx = options.context ?? (await loadReportContext(db));
    if (added.length > 0) await addCells(db, buildCells(added, cubeOptionsOf(ctx)), options.sqlite);
    // Cells are 15 minutes in UTC too: every zone's offset is a whole number of quarter hours.
    const slots = new Set(upgraded.map((c) => Math.floor(c.enteredAt / CELL_MS) * CELL_MS));
    for (const slot of slots) await rebuildCells(db, slot, slot + CELL_MS, ctx);
  }
  return { contacts: added.length + upgraded.length, spans: newSpans };
}
