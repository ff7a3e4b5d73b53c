import type { Migration } from 'kysely';
import { type AnyDb, withId } from './helpers.ts';

/** The organisation model, users, sessions, tokens and the audit log. */
export const organisation: Migration = {
  async up(db: AnyDb) {
    await withId(db, db.schema.createTable('center'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
      .addColumn('business_hours', 'text', (c) => c.notNull().defaultTo('[{"start":"08:00","end":"20:00"}]'))
      .execute();
    await withId(db, db.schema.createTable('site'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('seats', 'integer', (c) => c.notNull())
      .execute();
    await withId(db, db.schema.createTable('skill_group'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sl_threshold_seconds', 'integer', (c) => c.notNull().defaultTo(20))
      .addColumn('sl_target', 'real', (c) => c.notNull().defaultTo(0.8))
      .execute();
    await withId(db, db.schema.createTable('team'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('site_id', 'integer', (c) => c.references('site.id'))
      .addColumn('leader_agent_id', 'integer')
      .execute();
    await withId(db, db.schema.createTable('agent'))
      .addColumn('employee_no', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('team_id', 'integer', (c) => c.references('team.id'))
      .addColumn('hire_date', 'text')
      .addColumn('contract_hours_per_week', 'real', (c) => c.notNull().defaultTo(40))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('left_date', 'text')
      .execute();
    await db.schema
      .createTable('agent_skill')
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id').onDelete('cascade'))
      .addColumn('skill_group_id', 'integer', (c) => c.notNull().references('skill_group.id'))
      .addColumn('proficiency', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('agent_skill_pk', ['agent_id', 'skill_group_id'])
      .execute();
    await withId(db, db.schema.createTable('handling_unit'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('head_name', 'text')
      .addColumn('can_see_personal_data', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await withId(db, db.schema.createTable('app_user'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'integer', (c) => c.references('agent.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('handling_unit.id'))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('user_role')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
      .execute();
    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await withId(db, db.schema.createTable('api_token'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .execute();
    await withId(db, db.schema.createTable('audit_log'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
    await db.schema
      .createTable('day_override')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .execute();
  },
};
