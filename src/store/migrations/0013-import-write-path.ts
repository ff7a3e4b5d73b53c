import { type Migration, sql } from 'kysely';
import { CELL_COUNTS, CELL_SECONDS } from './0007-interval-cells.ts';
import { type AnyDb, isPostgres } from './helpers.ts';

/**
 * Fewer B-trees for an import to write (docs/formats.md §1 "Speed"):
 * - `contact_caller` (caller_id, entered_at) goes: no query reads contacts by caller (repeat contacts are found
 *   from a time range), and a caller number is a random key, the dearest index to keep up per stored call.
 * - On SQLite `interval_cell` becomes a WITHOUT ROWID table keyed by its primary key (start_at, queue, agent): one
 *   B-tree per cell instead of the table plus its key index. PostgreSQL keeps its table as it is.
 */
export const importWritePath: Migration = {
  async up(db: AnyDb) {
    await db.schema.dropIndex('contact_caller').ifExists().execute();
    if (isPostgres(db)) return;
    let t = db.schema
      .createTable('interval_cell_keyed')
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('agent', 'text', (c) => c.notNull())
      .addColumn('start_at', 'bigint', (c) => c.notNull());
    for (const col of CELL_COUNTS) t = t.addColumn(col, 'integer', (c) => c.notNull());
    for (const col of CELL_SECONDS) t = t.addColumn(col, 'real', (c) => c.notNull());
    await t.addPrimaryKeyConstraint('interval_cell_pk', ['start_at', 'queue', 'agent']).modifyEnd(sql`without rowid`).execute();
    const cols = sql.join(['queue', 'agent', 'start_at', ...CELL_COUNTS, ...CELL_SECONDS].map((c) => sql.ref(c)));
    await sql`insert into interval_cell_keyed (${cols}) select ${cols} from interval_cell`.execute(db);
    await db.schema.dropTable('interval_cell').execute();
    await db.schema.alterTable('interval_cell_keyed').renameTo('interval_cell').execute();
  },
};
