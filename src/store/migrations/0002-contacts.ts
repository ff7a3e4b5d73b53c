import type { Migration } from 'kysely';
import type { AnyDb } from './helpers.ts';

/** Normalised contacts and agent states, and the maps from ACD names to skill groups and agents. */
export const contacts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('contact')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('caller_id', 'text')
      .addColumn('entered_at', 'bigint', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('wait_seconds', 'real')
      .addColumn('answered_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('agent', 'text')
      .addColumn('talk_seconds', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('hold_seconds', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('acw_seconds', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('transferred', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ring_no_answer', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contact_entered').on('contact').columns(['entered_at']).execute();
    await db.schema.createIndex('contact_queue_entered').on('contact').columns(['queue', 'entered_at']).execute();
    await db.schema.createIndex('contact_caller').on('contact').columns(['caller_id', 'entered_at']).execute();
    await db.schema
      .createTable('agent_state_span')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('agent', 'text', (c) => c.notNull())
      .addColumn('queue', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('start_at', 'bigint', (c) => c.notNull())
      .addColumn('end_at', 'bigint', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agent_state_span_start').on('agent_state_span').columns(['start_at']).execute();
    await db.schema
      .createTable('queue_map')
      .addColumn('queue_name', 'text', (c) => c.primaryKey())
      .addColumn('skill_group_id', 'integer', (c) => c.references('skill_group.id'))
      .execute();
    await db.schema
      .createTable('agent_map')
      .addColumn('identity', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'integer', (c) => c.references('agent.id'))
      .execute();
  },
};
