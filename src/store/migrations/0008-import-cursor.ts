import type { Migration } from 'kysely';
import type { AnyDb } from './helpers.ts';

/** Where each followed ACD log stopped, with the parser's open calls, so an import resumes after a restart. */
export const importCursor: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('import_cursor')
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('inode', 'bigint', (c) => c.notNull())
      .addColumn('byte_offset', 'bigint', (c) => c.notNull())
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('state_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
