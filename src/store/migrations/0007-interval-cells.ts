import type { Migration } from 'kysely';
import type { AnyDb } from './helpers.ts';

/** Additive 15-minute cells of contacts (src/domain/metrics/interval-cube.ts): every report sums these. */
export const intervalCells: Migration = {
  async up(db: AnyDb) {
    let t = db.schema
      .createTable('interval_cell')
      .addColumn('queue', 'text', (c) => c.notNull())
      // '' for contacts no agent answered, so the primary key needs no NULL.
      .addColumn('agent', 'text', (c) => c.notNull())
      .addColumn('start_at', 'bigint', (c) => c.notNull());
    for (const col of CELL_COUNTS) {
      t = t.addColumn(col, 'integer', (c) => c.notNull());
    }
    for (const col of CELL_SECONDS) {
      t = t.addColumn(col, 'real', (c) => c.notNull());
    }
    await t.addPrimaryKeyConstraint('interval_cell_pk', ['start_at', 'queue', 'agent']).execute();
  },
};

/** The cell's counts (integer columns) and seconds (real columns), in table order; 0013 rebuilds the table with them. */
export const CELL_COUNTS = [
  'offered',
  'answered',
  'abandoned',
  'short_abandoned',
  'timeout',
  'exit_key',
  'exit_empty',
  'unknown_end',
  'answered_within_t',
  'abandoned_after_t',
  'handled',
  'transferred',
  'ring_no_answer',
];
export const CELL_SECONDS = ['sum_answer_wait', 'sum_abandon_wait', 'max_wait', 'sum_talk', 'sum_hold', 'sum_acw'];
