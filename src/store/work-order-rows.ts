import type { Insertable, Selectable, Updateable } from 'kysely';
import { searchTokens } from '../domain/text/segment.ts';
import type { TransitionResult } from '../domain/work-orders/state-machine.ts';
import type { Assignment, HistoryEntry, OrderState, WorkOrder } from '../domain/work-orders/types.ts';
import type { Database } from './schema.ts';

/**
 * The rows a work-order step writes, computed without the database: registering (`newOrderRow`), history lines
 * (`historyRows`) and a checked transition (`transitionWrites`). The SQL store executes them; the demo seed's
 * in-memory store applies them to its copies and inserts them in bulk — one computation, so both write the same.
 */
export type OrderRow = Selectable<Database['work_order']>;
export type DispatchRow = Selectable<Database['work_order_dispatch']> & {
  unit_name: string;
  can_see_personal_data: number;
  head_user_id: number | null;
};
export type NewDispatchRow = Insertable<Database['work_order_dispatch']>;
export type NewHistoryRow = Insertable<Database['work_order_history']>;
export type OrderUpdate = Updateable<Database['work_order']>;
export type DispatchUpdate = Updateable<Database['work_order_dispatch']>;

/** A stored order as loaded: the row, its dispatch rows (with their unit) and what the domain reads of them. */
export interface StoredOrder {
  row: OrderRow;
  dispatches: readonly DispatchRow[];
}

/** Who acted, as the history stores it. */
export interface HistoryActor {
  userId: number | null;
  name: string;
}

/** The work_order row of a registered order (register.ts); the database fills the defaulted columns. */
export function newOrderRow(o: WorkOrder, extra: { firstOwnerAgentId: number | null; queue: string | null }) {
  const text = ` ${searchTokens(`${o.title} ${o.location} ${Object.values(o.content).join(' ')}`).join(' ')} `;
  return {
    number: o.number,
    channel: o.channel,
    category: o.category,
    priority: o.priority,
    urgent: o.priority === 'urgent' ? 1 : 0,
    status: o.status,
    title: o.title,
    content_json: JSON.stringify(o.content),
    location: o.location,
    caller_name: o.caller.name,
    caller_phone: o.caller.phone,
    first_owner_user_id: Number(o.firstOwnerId),
    first_owner_agent_id: extra.firstOwnerAgentId,
    team_id: o.teamId == null ? null : Number(o.teamId),
    assignee_queue: extra.queue,
    created_at: o.createdAt,
    call_ended_at: o.callEndedAt,
    due_at: null,
    closed_at: null,
    satisfaction: null,
    merged_into_id: null,
    search_text: text,
  } satisfies Insertable<Database['work_order']>;
}

/** The columns a new work_order row gets from the migrations' defaults (0003, 0012). */
export const ORDER_DEFAULTS = {
  redo_count: 0,
  return_count: 0,
  reminder_count: 0,
  supervised: 0,
  escalation_level: 'general',
  answer_text: null,
  answer_basis_kind: null,
  answer_basis_ref: null,
  version: 1,
} as const;

export function historyRows(entries: readonly HistoryEntry[], actor: HistoryActor): NewHistoryRow[] {
  return entries.map((e) => ({
    work_order_id: Number(e.orderId),
    at: e.at,
    actor_user_id: e.actorId === 'system' ? null : actor.userId,
    actor: e.actorId === 'system' ? 'system' : actor.name,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    note: e.note ?? null,
    data_json:
      e.data || e.unitId != null ? JSON.stringify({ ...e.data, ...(e.unitId != null ? { unitId: e.unitId } : {}) }) : null,
  }));
}

/** What a transition writes: the order's fields (guarded by `version`), each unit's row, and the history lines. */
export interface TransitionWrites {
  order: OrderUpdate;
  /** The version the order must still have (optimistic check). */
  version: number;
  /** Changed rows by id, in the order the SQL store updates them; new rows (a unit added) in `inserts`. */
  updates: { id: number; set: DispatchUpdate }[];
  inserts: NewDispatchRow[];
  history: NewHistoryRow[];
}

/**
 * The rows of a successful transition. A unit has at most one active (not returned) row; the assignments are
 * matched to the rows by it. A redo drops a pending extension (state-machine.ts), and its row says so.
 */
export function transitionWrites(
  before: StoredOrder & { state: OrderState },
  result: Extract<TransitionResult<OrderState>, { ok: true }>,
  actor: HistoryActor,
  extra: { escalationLevel?: string } = {},
): TransitionWrites {
  const next = result.order;
  const at = result.entry.at;
  const order: OrderUpdate = {
    status: next.status,
    due_at: next.dueAt,
    closed_at: next.closedAt,
    redo_count: next.redoCount,
    return_count: next.returnCount,
    reminder_count: next.reminderCount,
    supervised: next.supervised ? 1 : 0,
    satisfaction: next.satisfaction,
    merged_into_id: next.mergedIntoId == null ? null : Number(next.mergedIntoId),
    answer_text: next.answer?.text ?? null,
    answer_basis_kind: next.answer?.basis.kind ?? null,
    answer_basis_ref: next.answer?.basis.reference ?? null,
    // Once dispatched, an urgent order has left the shift lead's queue.
    assignee_queue: next.assignments.length > 0 ? null : before.row.assignee_queue,
    escalation_level: extra.escalationLevel ?? before.row.escalation_level,
    version: before.row.version + 1,
  };
  const drop = before.state.extension != null && next.extension == null;
  const updates: TransitionWrites['updates'] = [];
  const inserts: NewDispatchRow[] = [];
  const active = new Map(before.dispatches.filter((d) => d.status !== 'returned').map((d) => [d.unit_id, d]));
  const touched = new Set<number>();
  for (const a of next.assignments) {
    const row = active.get(Number(a.unitId));
    if (!row) {
      if (a.status === 'returned') continue; // an old returned row, unchanged
      inserts.push({
        work_order_id: before.row.id,
        unit_id: Number(a.unitId),
        status: a.status,
        dispatched_at: a.dispatchedAt,
        accepted_at: null,
        replied_at: null,
        reply: null,
        due_at: next.dueAt,
        extension_until: null,
        extension_status: null,
        extension_reason: null,
      });
      continue;
    }
    const ext = next.extension?.unitId === row.unit_id ? next.extension : null;
    const redone = a.status === 'dispatched' && row.status === 'replied';
    const reached = (status: Assignment['status'], was: number | null) =>
      a.status === status && row.status !== status ? at : redone ? null : was;
    touched.add(row.id);
    updates.push({
      id: row.id,
      set: {
        status: a.status,
        dispatched_at: a.dispatchedAt,
        accepted_at: reached('accepted', row.accepted_at),
        started_at: reached('in_progress', row.started_at),
        replied_at: reached('replied', row.replied_at),
        reply: a.reply,
        returned_at: a.status === 'returned' ? at : row.returned_at,
        return_reason: a.returnReason,
        due_at: next.dueAt,
        ...(ext ? { extension_until: ext.until, extension_status: ext.status, extension_reason: ext.reason } : {}),
        ...(ext?.status === 'pending' ? { extension_requested_at: at } : {}),
        ...(drop && !ext && row.extension_status === 'pending' ? { extension_status: 'dropped' } : {}),
      },
    });
  }
  if (drop)
    for (const d of before.dispatches)
      if (!touched.has(d.id) && d.extension_status === 'pending')
        updates.push({ id: d.id, set: { extension_status: 'dropped' } });
  return {
    order,
    version: before.row.version,
    updates,
    inserts,
    history: historyRows([result.entry, ...result.related], actor),
  };
}
