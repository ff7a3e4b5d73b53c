import type SQLite from 'better-sqlite3';
import { cellAccumulator } from '../domain/metrics/interval-cube.ts';
import { CELL, CONTACT, cellNumbers, type RecordColumns, SPAN } from '../ingest/queue-log/block-codec.ts';
import type { Db } from './audit.ts';
import { indexesForQueries } from './import-indexes.ts';
import { ADDED, COMPLETED_COLUMNS, CONTACT_COLUMNS, contactRow, SPAN_COLUMNS, UPGRADED } from './contacts.ts';
import {
  CELL_ADD_SET,
  CELL_COLUMNS,
  CELL_KEY,
  cubeOptionsOf,
  keyedCellSettingsOf,
  loadReportContext,
  type ReportContext,
  rebuildCells,
} from './interval-cells.ts';
import { spansNeedingRows, TALKING_FROM_CONTACTS, type TalkingSpanCounter } from './talking-spans.ts';

const CELL_MS = 15 * 60_000;

interface Statements {
  insert: SQLite.Statement;
  complete: SQLite.Statement;
  span: SQLite.Statement;
  cell: SQLite.Statement;
  /** {@link CELLS_PER_STATEMENT} cells in one statement. */
  cells: SQLite.Statement;
}

/**
 * Cells are added several to a statement: a third less time per cell than one by one (measured on this WITHOUT
 * ROWID upsert; the contact insert, with its text key and two indexes, was slower that way, so it stays per row).
 */
const CELLS_PER_STATEMENT = 16;
const prepared = new WeakMap<SQLite.Database, Statements>();

function statementsFor(sqlite: SQLite.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const add = Object.entries(CELL_ADD_SET)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    const cellUpsert = (rows: number) =>
      `INSERT INTO interval_cell (${CELL_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${marks(CELL_COLUMNS.length)})`).join(', ')} ON CONFLICT (${CELL_KEY.join(', ')}) DO UPDATE SET ${add}`;
    s = {
      insert: sqlite.prepare(
        `INSERT INTO contact (${CONTACT_COLUMNS.join(', ')}) VALUES (${marks(CONTACT_COLUMNS.length)}) ON CONFLICT (key) DO NOTHING`,
      ),
      complete: sqlite.prepare(
        `UPDATE contact SET ${COMPLETED_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE key = @key AND outcome = 'unknown'`,
      ),
      span: sqlite.prepare(
        `INSERT INTO agent_state_span (${SPAN_COLUMNS.join(', ')}) VALUES (${marks(SPAN_COLUMNS.length)}) ON CONFLICT (key) DO NOTHING`,
      ),
      cell: sqlite.prepare(cellUpsert(1)),
      cells: sqlite.prepare(cellUpsert(CELLS_PER_STATEMENT)),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * SQLite's write of a block of records (keys unique), read in place from its columns — no object per record,
 * one prepared statement per row — inside the caller's transaction; what storeContactBatch does for the other
 * databases, with the same rows as result: contacts inserted by key (a stored `unknown` completed), a queue_log
 * call's talking span kept in its contact, the other spans by key, and the cells of the new contacts added to
 * the stored ones — the block's own cells when a parsing thread counted them with the current settings and
 * every contact was new, else counted here.
 */
export async function storeRecordsSqlite(
  db: Db,
  sqlite: SQLite.Database,
  records: RecordColumns,
  source: string,
  context?: ReportContext,
  talkingSpans?: TalkingSpanCounter,
): Promise<{ contacts: number; spans: number }> {
  if (!records.uniqueKeys) throw new Error('storeRecordsSqlite: the keys of a block must be unique');
  const st = statementsFor(sqlite);
  const { names, contactCount } = records;
  const n = records.contactNumbers;
  const t = records.contactTexts;
  const status = new Uint8Array(contactCount);
  let added = 0;
  let upgraded = 0;
  for (let i = 0; i < contactCount; i++) {
    const o = i * CONTACT.size;
    const agent = n[o + CONTACT.agent];
    const outcome = names[n[o + CONTACT.outcome]];
    // Positional values in CONTACT_COLUMNS order.
    const row = st.insert.run(
      t[i * 3],
      t[i * 3 + 1],
      names[n[o + CONTACT.queue]],
      t[i * 3 + 2],
      n[o + CONTACT.enteredAt],
      outcome,
      orNull(n[o + CONTACT.waitSeconds]),
      orNull(n[o + CONTACT.answeredAt]),
      orNull(n[o + CONTACT.endedAt]),
      agent < 0 ? null : names[agent],
      n[o + CONTACT.talkSeconds],
      n[o + CONTACT.holdSeconds],
      n[o + CONTACT.acwSeconds],
      n[o + CONTACT.transferred],
      n[o + CONTACT.ringNoAnswer],
      source,
    );
    if (row.changes > 0) {
      status[i] = ADDED;
      added++;
    } else if (outcome !== 'unknown' && st.complete.run(contactRow(records.contact(i), source)).changes > 0) {
      status[i] = UPGRADED;
      upgraded++;
    }
  }
  // A queue_log call's talking span is kept in its contact (talking-spans.ts): rows only for the other spans.
  let needsRow: Uint8Array | null = null;
  let derived = 0;
  const sn = records.spanNumbers;
  if (source === TALKING_FROM_CONTACTS && records.spanCount > 0) {
    ({ needsRow, derived } = await spansNeedingRows(
      db,
      (k) => records.span(k),
      records.talkingContact,
      status,
      (i) => records.contactKey(i),
      (k) => sn[k * SPAN.size + SPAN.start],
      (k) => names[sn[k * SPAN.size + SPAN.agent]],
      talkingSpans,
    ));
  }
  let spanRows = 0;
  for (let k = 0; k < records.spanCount; k++) {
    if (needsRow && needsRow[k] === 0) continue;
    const o = k * SPAN.size;
    const queue = sn[o + SPAN.queue];
    const reason = sn[o + SPAN.reason];
    spanRows += st.span.run(
      records.spanKey(k),
      names[sn[o + SPAN.agent]],
      queue < 0 ? null : names[queue],
      names[sn[o + SPAN.state]],
      reason < 0 ? null : names[reason],
      sn[o + SPAN.start],
      sn[o + SPAN.end],
      source,
    ).changes;
  }
  if (added + upgraded > 0) {
    const ctx = context ?? (await loadReportContext(db));
    if (added === contactCount && records.cells?.settings === keyedCellSettingsOf(ctx).key)
      addCellNumbers(st, records.cells.numbers, names);
    else if (added > 0) {
      const acc = cellAccumulator(cubeOptionsOf(ctx));
      for (let i = 0; i < contactCount; i++) if (status[i] === ADDED) acc.add([records.contact(i)]);
      const local: string[] = [];
      const ids = new Map<string, number>();
      const id = (name: string | null): number => {
        if (name === null) return -1;
        if (!ids.has(name)) ids.set(name, local.push(name) - 1);
        return ids.get(name) as number;
      };
      addCellNumbers(st, cellNumbers(acc.cells(), id), local);
    }
    // Cells are 15 minutes in UTC too: every zone's offset is a whole number of quarter hours.
    const slots = new Set<number>();
    for (let i = 0; i < contactCount; i++)
      if (status[i] === UPGRADED) slots.add(Math.floor(n[i * CONTACT.size + CONTACT.enteredAt] / CELL_MS) * CELL_MS);
    if (slots.size > 0) await indexesForQueries(db, sqlite);
    for (const slot of slots) await rebuildCells(db, slot, slot + CELL_MS, ctx);
  }
  return { contacts: added + upgraded, spans: spanRows + derived };
}

/**
 * Adds cells given as numbers (block-codec.ts CELL_FIELDS order) into the stored ones. Within one statement a
 * later row of the same key adds to the earlier one, as separate statements would.
 */
function addCellNumbers(st: Statements, c: Float64Array, names: readonly string[]): void {
  const count = c.length / CELL.size;
  const values: (string | number)[] = new Array(CELLS_PER_STATEMENT * CELL.size);
  let j = 0;
  for (; j + CELLS_PER_STATEMENT <= count; j += CELLS_PER_STATEMENT) {
    for (let r = 0; r < CELLS_PER_STATEMENT; r++) cellValues(c, (j + r) * CELL.size, names, values, r * CELL.size);
    st.cells.run(values);
  }
  const one: (string | number)[] = new Array(CELL.size);
  for (; j < count; j++) {
    cellValues(c, j * CELL.size, names, one, 0);
    st.cell.run(one);
  }
}

/** One cell's column values from its numbers at `o`, into `into` from `at`. */
function cellValues(c: Float64Array, o: number, names: readonly string[], into: (string | number)[], at: number): void {
  into[at] = names[c[o]];
  into[at + 1] = c[o + 1] < 0 ? '' : names[c[o + 1]];
  for (let f = 2; f < CELL.size; f++) into[at + f] = c[o + f];
}
