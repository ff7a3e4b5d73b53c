import type { Migration } from 'kysely';
import { type AnyDb, withId } from './helpers.ts';

/** Forecasts and their adjustments, schedules with assignments, requests, points, bids and notifications. */
export const planning: Migration = {
  async up(db: AnyDb) {
    await withId(db, db.schema.createTable('forecast_run'))
      .addColumn('skill_group_id', 'integer', (c) => c.notNull().references('skill_group.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('interval_minutes', 'integer', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('backtest_json', 'text', (c) => c.notNull())
      /** JSON: [{ intervalStart, offered, ahtSeconds }] */
      .addColumn('intervals_json', 'text', (c) => c.notNull())
      .addColumn('horizon_start', 'bigint', (c) => c.notNull())
      .addColumn('horizon_end', 'bigint', (c) => c.notNull())
      .execute();
    await withId(db, db.schema.createTable('forecast_adjustment'))
      .addColumn('skill_group_id', 'integer', (c) => c.references('skill_group.id'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'real', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('schedule'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('weeks', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      /** JSON: fit, paid hours, lower bound, gap, coverage, solver log. */
      .addColumn('result_json', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint')
      .execute();
    await withId(db, db.schema.createTable('schedule_assignment'))
      .addColumn('schedule_id', 'integer', (c) => c.notNull().references('schedule.id').onDelete('cascade'))
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('shift', 'text', (c) => c.notNull())
      .addColumn('segments_json', 'text', (c) => c.notNull())
      .addColumn('breaks_json', 'text', (c) => c.notNull())
      .addColumn('pay_rate', 'real', (c) => c.notNull().defaultTo(1))
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('schedule_assignment_day', ['schedule_id', 'agent_id', 'date'])
      .execute();
    await db.schema.createIndex('schedule_assignment_agent').on('schedule_assignment').columns(['agent_id', 'date']).execute();
    await withId(db, db.schema.createTable('schedule_request'))
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('with_agent_id', 'integer')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('decided_at', 'bigint')
      .execute();
    await withId(db, db.schema.createTable('points_ledger'))
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('delta', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('ref', 'text')
      .execute();
    await withId(db, db.schema.createTable('bid'))
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id'))
      .addColumn('round', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await withId(db, db.schema.createTable('notification'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('read_at', 'bigint')
      .execute();
    await db.schema.createIndex('notification_user').on('notification').columns(['user_id', 'at']).execute();
  },
};
