import type { Migration } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.ts';

/**
 * Two quality refinements:
 * - `calibration_session.participants_json`: the evaluators invited to a session (JSON array of user ids).
 *   Null for sessions created before: any QA user could score those.
 * - `evaluation.score` as double precision on PostgreSQL. `real` is 4-byte there (≈ 7 significant digits:
 *   4300/51 came back as 84.31373), while SQLite's REAL is 8-byte; the same evaluation must score the same
 *   on both databases.
 */
export const qualityRefinements: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('calibration_session').addColumn('participants_json', 'text').execute();
    if (isPostgres(db))
      await db.schema
        .alterTable('evaluation')
        .alterColumn('score', (c) => c.setDataType('double precision'))
        .execute();
  },
};
