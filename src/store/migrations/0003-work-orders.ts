import type { Migration } from 'kysely';
import { type AnyDb, withId } from './helpers.ts';

/** Work orders (工单), their dispatches to handling units, history, linked contacts and attachments. */
export const workOrders: Migration = {
  async up(db: AnyDb) {
    await withId(db, db.schema.createTable('work_order'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      /** JSON: the structured content (time, place, what happened, what the caller asks, …). */
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('caller_name', 'text')
      .addColumn('caller_phone', 'text')
      .addColumn('first_owner_user_id', 'integer', (c) => c.references('app_user.id'))
      .addColumn('first_owner_agent_id', 'integer', (c) => c.references('agent.id'))
      .addColumn('team_id', 'integer', (c) => c.references('team.id'))
      .addColumn('assignee_queue', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('call_ended_at', 'bigint')
      .addColumn('due_at', 'bigint')
      .addColumn('closed_at', 'bigint')
      .addColumn('redo_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('supervised', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('escalation_level', 'text', (c) => c.notNull().defaultTo('general'))
      .addColumn('satisfaction', 'text')
      .addColumn('merged_into_id', 'integer')
      /** Space-separated search tokens (Chinese word segmentation) of title and content. */
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('work_order_status_due').on('work_order').columns(['status', 'due_at']).execute();
    await db.schema.createIndex('work_order_created').on('work_order').columns(['created_at']).execute();
    await db.schema.createIndex('work_order_owner').on('work_order').columns(['first_owner_agent_id']).execute();
    await db.schema.createIndex('work_order_team').on('work_order').columns(['team_id']).execute();
    await db.schema.createIndex('work_order_caller').on('work_order').columns(['caller_phone']).execute();

    await withId(db, db.schema.createTable('work_order_dispatch'))
      .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_order.id').onDelete('cascade'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('handling_unit.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('dispatched_at', 'bigint', (c) => c.notNull())
      .addColumn('accepted_at', 'bigint')
      .addColumn('replied_at', 'bigint')
      .addColumn('reply', 'text')
      .addColumn('due_at', 'bigint')
      .addColumn('extension_until', 'bigint')
      .addColumn('extension_status', 'text')
      .addColumn('extension_reason', 'text')
      .execute();
    await db.schema.createIndex('work_order_dispatch_unit').on('work_order_dispatch').columns(['unit_id', 'status']).execute();
    await db.schema.createIndex('work_order_dispatch_order').on('work_order_dispatch').columns(['work_order_id']).execute();

    await withId(db, db.schema.createTable('work_order_history'))
      .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_order.id').onDelete('cascade'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('note', 'text')
      .addColumn('data_json', 'text')
      .execute();
    await db.schema.createIndex('work_order_history_order').on('work_order_history').columns(['work_order_id', 'at']).execute();

    await db.schema
      .createTable('work_order_contact')
      .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_order.id').onDelete('cascade'))
      .addColumn('contact_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('work_order_contact_pk', ['work_order_id', 'contact_key'])
      .execute();

    await withId(db, db.schema.createTable('work_order_attachment'))
      .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_order.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_path', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
      .execute();

    // Work-order numbers are per day in the center's zone: YYYYMMDD-NNNNNN.
    await db.schema
      .createTable('work_order_sequence')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();
  },
};
