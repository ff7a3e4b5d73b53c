import type { Migration } from 'kysely';
import type { AnyDb } from './helpers.ts';

/**
 * Multi-unit dispatch (src/domain/work-orders/state-machine.ts): each handling unit's share of an order is one
 * `work_order_dispatch` row with its own steps — started, returned with a reason, and its extension request —
 * and a redispatch after a return adds a new row, so the rows are the order's dispatch history.
 * - `work_order.answer_*`: a consultation answered on the spot records the answer and its basis (knowledge
 *   article, law or policy); the knowledge lookup of the entry form searches them.
 * - `handling_unit.head_user_id`: the unit's head, who receives urgent orders when no shift lead is on duty.
 */
export const workOrderUnits: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('work_order_dispatch').addColumn('started_at', 'bigint').execute();
    await db.schema.alterTable('work_order_dispatch').addColumn('returned_at', 'bigint').execute();
    await db.schema.alterTable('work_order_dispatch').addColumn('return_reason', 'text').execute();
    await db.schema.alterTable('work_order_dispatch').addColumn('extension_requested_at', 'bigint').execute();
    await db.schema.alterTable('work_order').addColumn('answer_text', 'text').execute();
    await db.schema.alterTable('work_order').addColumn('answer_basis_kind', 'text').execute();
    await db.schema.alterTable('work_order').addColumn('answer_basis_ref', 'text').execute();
    await db.schema.alterTable('handling_unit').addColumn('head_user_id', 'integer').execute();
    await db.schema.createIndex('work_order_first_owner_user').on('work_order').columns(['first_owner_user_id']).execute();
    await db.schema.createIndex('work_order_category_status').on('work_order').columns(['category', 'status']).execute();
  },
};
