import type { Migration } from 'kysely';
import { type AnyDb, withId } from './helpers.ts';

/**
 * The people side of schedules (issue #6):
 * - `schedule_request`: the colleague's day of a two-way swap (换班), the rule check shown to the planner
 *   and the planner's reason.
 * - `points_rule`: configured behaviours that earn schedule points (排班积分), seeded with two.
 * - `bid_round`: a bidding round (竞投) for holiday rest days or preferred shifts, with its targets and their
 *   capacity; `bid.round` holds the round's id.
 */
export const schedulePeople: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('schedule_request').addColumn('with_date', 'text').execute();
    await db.schema.alterTable('schedule_request').addColumn('check_json', 'text').execute();
    await db.schema.alterTable('schedule_request').addColumn('decision_reason', 'text').execute();
    await withId(db, db.schema.createTable('points_rule'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .execute();
    await db
      .insertInto('points_rule')
      .values([
        { code: 'extra_shift', name: '加班顶岗', points: 10 },
        { code: 'full_adherence', name: '整周遵守排班', points: 5 },
      ])
      .execute();
    await withId(db, db.schema.createTable('bid_round'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      /** JSON: [{ target, capacity }] */
      .addColumn('targets_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('published_at', 'bigint')
      .execute();
    await db.schema.createIndex('bid_round_agent').on('bid').columns(['round', 'agent_id']).execute();
  },
};
