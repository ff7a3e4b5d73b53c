import type { Migration } from 'kysely';
import { type AnyDb, withId } from './helpers.ts';

/** Quality evaluation (质检): versioned scorecards, evaluations, disputes, coaching, calibration sessions. */
export const quality: Migration = {
  async up(db: AnyDb) {
    await withId(db, db.schema.createTable('scorecard'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      /** JSON: the scorecard definition (sections, items, weights, critical and bonus items). */
      .addColumn('definition_json', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('scorecard_key_version', ['key', 'version'])
      .execute();

    await withId(db, db.schema.createTable('evaluation'))
      .addColumn('scorecard_id', 'integer', (c) => c.notNull().references('scorecard.id'))
      .addColumn('contact_key', 'text')
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id'))
      .addColumn('evaluator_user_id', 'integer', (c) => c.references('app_user.id'))
      /** 'normal' | 'self' | 'calibration' | 'follow_up' */
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('calibration_session_id', 'integer')
      .addColumn('status', 'text', (c) => c.notNull())
      /** JSON: item answers { itemId: { value | na, comment, atSeconds } }. */
      .addColumn('answers_json', 'text', (c) => c.notNull())
      .addColumn('score', 'real')
      .addColumn('critical_failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_items_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('comment', 'text')
      .addColumn('evaluated_at', 'bigint', (c) => c.notNull())
      .addColumn('acknowledged_at', 'bigint')
      .execute();
    await db.schema.createIndex('evaluation_agent').on('evaluation').columns(['agent_id', 'evaluated_at']).execute();

    await withId(db, db.schema.createTable('evaluation_dispute'))
      .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
      .addColumn('raised_by_user_id', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      /** JSON: proposed changes per item. */
      .addColumn('proposal_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by_user_id', 'integer')
      .addColumn('decision_note', 'text')
      .addColumn('raised_at', 'bigint', (c) => c.notNull())
      .addColumn('decided_at', 'bigint')
      .execute();

    await withId(db, db.schema.createTable('coaching_task'))
      .addColumn('evaluation_id', 'integer', (c) => c.references('evaluation.id'))
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agent.id'))
      .addColumn('items_json', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('follow_up_evaluation_id', 'integer')
      .addColumn('note', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('calibration_session'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('scorecard_id', 'integer', (c) => c.notNull().references('scorecard.id'))
      /** JSON: contact keys scored by every participant. */
      .addColumn('contacts_json', 'text', (c) => c.notNull())
      .addColumn('expert_user_id', 'integer')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('closed_at', 'bigint')
      .execute();

    await withId(db, db.schema.createTable('qa_sample'))
      .addColumn('contact_key', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'integer', (c) => c.notNull())
      .addColumn('plan', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('replaced_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
