import type { Migration } from 'kysely';
import type { AnyDb } from './helpers.ts';

/**
 * Where a contact's recording is (an http(s) URL or a path the recording server resolves), so an evaluator
 * can play it beside the scorecard. Null when the source gives none.
 */
export const contactRecording: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('contact').addColumn('recording_url', 'text').execute();
  },
};
