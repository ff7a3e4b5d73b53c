import type { ExpressionBuilder } from 'kysely';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.ts';
import type { DayOverride } from '../domain/calendar/day-kind.ts';
import { queryTokens } from '../domain/text/segment.ts';
import type { TransitionResult } from '../domain/work-orders/state-machine.ts';
import type {
  AnswerBasis,
  Assignment,
  HistoryEntry,
  OrderState,
  Satisfaction,
  Status,
  WorkOrder,
} from '../domain/work-orders/types.ts';
import type { Viewer, VisibilityFilter, VisibleOrder } from '../domain/work-orders/visibility.ts';
import type { Db } from './audit.ts';
import type { Database } from './schema.ts';
import {
  type DispatchRow,
  type HistoryActor,
  historyRows,
  newOrderRow,
  type OrderRow,
  transitionWrites,
} from './work-order-rows.ts';

export type { DispatchRow, OrderRow } from './work-order-rows.ts';

/** Handling units keep office hours even when the hotline answers around the clock. */
export const UNIT_HOURS: BusinessCalendar['hours'] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];

export async function businessCalendar(db: Db): Promise<BusinessCalendar> {
  const center = await db.selectFrom('center').select('time_zone').orderBy('id').executeTakeFirst();
  const rows = await db.selectFrom('day_override').selectAll().execute();
  const overrides = new Map<string, DayOverride>(
    rows.map((r) => [r.date, { date: r.date, kind: r.kind as DayOverride['kind'], name: r.name ?? undefined }]),
  );
  return { timeZone: center?.time_zone ?? 'Asia/Shanghai', hours: UNIT_HOURS, overrides };
}

export async function teamOfAgent(db: Db, agentId: number | null): Promise<number | null> {
  if (agentId == null) return null;
  const r = await db.selectFrom('agent').select('team_id').where('id', '=', agentId).executeTakeFirst();
  return r?.team_id ?? null;
}

/** Next number of the day, YYYYMMDD-NNNNNN; call inside the transaction that inserts the order. */
export async function nextSequence(db: Db, day: string): Promise<number> {
  await db
    .insertInto('work_order_sequence')
    .values({ day, last: 0 })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db
    .updateTable('work_order_sequence')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('day', '=', day)
    .execute();
  const r = await db.selectFrom('work_order_sequence').select('last').where('day', '=', day).executeTakeFirstOrThrow();
  return r.last;
}

/** The viewer of the visibility rules: the user's own team and the teams they lead, their unit and its right to personal data. */
export async function viewerOf(
  db: Db,
  user: { id: number; roles: readonly string[]; agentId: number | null; unitId: number | null },
): Promise<Viewer> {
  const teamIds = new Set<number>();
  if (user.agentId != null) {
    const own = await teamOfAgent(db, user.agentId);
    if (own != null) teamIds.add(own);
    for (const t of await db.selectFrom('team').select('id').where('leader_agent_id', '=', user.agentId).execute())
      teamIds.add(t.id);
  }
  const unit =
    user.unitId == null
      ? undefined
      : await db.selectFrom('handling_unit').select('can_see_personal_data').where('id', '=', user.unitId).executeTakeFirst();
  return {
    userId: user.id,
    roles: user.roles,
    teamIds: [...teamIds],
    unitId: user.unitId,
    unitSeesPersonalData: unit?.can_see_personal_data === 1,
  };
}

type OrderEb = ExpressionBuilder<Database, 'work_order'>;

/** The WHERE of a visibility filter (visibility.ts `clauseHolds`, in SQL). */
function visibleWhere(eb: OrderEb, f: Exclude<VisibilityFilter, { kind: 'all' }>) {
  if (f.kind === 'none') return eb('work_order.id', '<', 0);
  return eb.or(
    f.clauses.map((c) => {
      switch (c.field) {
        case 'firstOwnerId':
          return eb('work_order.first_owner_user_id', '=', Number(c.equals));
        case 'teamId':
          return eb('work_order.team_id', 'in', c.in.map(Number));
        case 'queue':
          return eb('work_order.assignee_queue', '=', c.equals);
        default: // unitIds: dispatched (now or before) to the unit
          return eb.exists(
            eb
              .selectFrom('work_order_dispatch as v')
              .select('v.id')
              .whereRef('v.work_order_id', '=', 'work_order.id')
              .where('v.unit_id', '=', Number(c.contains)),
          );
      }
    }),
  );
}

export interface OrderFilter {
  status?: readonly string[];
  category?: string;
  unitId?: number;
  location?: string;
  q?: string;
  overdue?: boolean;
  /** Open orders due before this instant (the due-soon list). */
  dueBefore?: number;
  /** Orders with a pending extension request. */
  extensionPending?: boolean;
  /** Orders registered more than this many ms after their call ended (话后完成超时). */
  completedLaterThanMs?: number;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

const CLOSED = ['closed', 'merged'];

/** Orders the filter lets through, filtered; search matches every query token in title and content. */
export async function listOrders(db: Db, visible: VisibilityFilter, f: OrderFilter, now: number) {
  let q = db.selectFrom('work_order');
  if (visible.kind !== 'all') q = q.where((eb) => visibleWhere(eb, visible));
  if (f.status?.length) q = q.where('status', 'in', [...f.status]);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.location) q = q.where('location', 'like', `%${escapeLike(f.location)}%`);
  if (f.unitId != null) {
    const unitId = f.unitId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('work_order_dispatch as d2')
          .select('d2.id')
          .whereRef('d2.work_order_id', '=', 'work_order.id')
          .where('d2.unit_id', '=', unitId),
      ),
    );
  }
  if (f.extensionPending) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('work_order_dispatch as d3')
          .select('d3.id')
          .whereRef('d3.work_order_id', '=', 'work_order.id')
          .where('d3.extension_status', '=', 'pending'),
      ),
    );
  }
  if (f.completedLaterThanMs != null) {
    const limit = f.completedLaterThanMs;
    q = q.where('call_ended_at', 'is not', null).where((eb) => eb('created_at', '>', eb('call_ended_at', '+', limit)));
  }
  if (f.from != null) q = q.where('created_at', '>=', f.from);
  if (f.to != null) q = q.where('created_at', '<', f.to);
  if (f.overdue) q = q.where('due_at', '<', now).where('status', 'not in', CLOSED);
  if (f.dueBefore != null) q = q.where('due_at', '>=', now).where('due_at', '<', f.dueBefore).where('status', 'not in', CLOSED);
  for (const token of f.q ? queryTokens(f.q) : []) q = q.where('search_text', 'like', `% ${escapeLike(token)} %`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = f.overdue || f.dueBefore != null ? q.orderBy('due_at', 'asc') : q.orderBy('created_at', 'desc');
  const rows = await order.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function loadRows(db: Db, id: number): Promise<{ order: OrderRow | undefined; dispatches: DispatchRow[] }> {
  const order = await db.selectFrom('work_order').selectAll().where('id', '=', id).executeTakeFirst();
  const dispatches = await db
    .selectFrom('work_order_dispatch')
    .innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
    .selectAll('work_order_dispatch')
    .select(['handling_unit.name as unit_name', 'handling_unit.can_see_personal_data', 'handling_unit.head_user_id'])
    .where('work_order_id', '=', id)
    .orderBy('work_order_dispatch.id')
    .execute();
  return { order, dispatches };
}

/** The facts the visibility rules read. */
export function visibleOrderOf(order: OrderRow, dispatches: readonly { unit_id: number }[]): VisibleOrder {
  return {
    firstOwnerId: order.first_owner_user_id,
    teamId: order.team_id,
    unitIds: [...new Set(dispatches.map((d) => d.unit_id))],
    queue: order.assignee_queue === 'shift_lead' || order.assignee_queue === 'unit_head' ? order.assignee_queue : null,
  };
}

const assignmentOf = (d: DispatchRow): Assignment => ({
  unitId: d.unit_id,
  status: d.status as Assignment['status'],
  dispatchedAt: d.dispatched_at,
  reply: d.reply,
  returnReason: d.return_reason,
});

/** The state-machine view of a stored order: every dispatch row is an assignment (returned ones stay inactive). */
export function stateOf(order: OrderRow, dispatches: readonly DispatchRow[]): OrderState {
  const pending = dispatches.find((d) => d.extension_status === 'pending' && d.extension_until != null);
  return {
    id: order.id,
    status: order.status as Status,
    category: order.category as OrderState['category'],
    priority: order.priority as OrderState['priority'],
    firstOwnerId: order.first_owner_user_id ?? 0,
    assignments: dispatches.map(assignmentOf),
    dueAt: order.due_at,
    closedAt: order.closed_at,
    redoCount: order.redo_count,
    returnCount: order.return_count,
    reminderCount: order.reminder_count,
    supervised: order.supervised === 1,
    extension: pending
      ? {
          unitId: pending.unit_id,
          until: pending.extension_until as number,
          reason: pending.extension_reason ?? '',
          status: 'pending',
        }
      : null,
    satisfaction: order.satisfaction as Satisfaction | null,
    answer:
      order.answer_text != null
        ? {
            text: order.answer_text,
            basis: {
              kind: (order.answer_basis_kind ?? 'knowledge') as AnswerBasis['kind'],
              reference: order.answer_basis_ref ?? '',
            },
          }
        : null,
    mergedIntoId: order.merged_into_id,
  };
}

/** An order with its dispatch rows and state, or undefined. */
export async function loadOrder(db: Db, id: number): Promise<LoadedOrder | undefined> {
  const { order, dispatches } = await loadRows(db, id);
  return order ? loadedOrderOf(order, dispatches) : undefined;
}

/** A stored order with what the domain reads of it: its state and the facts of the visibility rules. */
export interface LoadedOrder {
  row: OrderRow;
  dispatches: DispatchRow[];
  state: OrderState;
  visible: VisibleOrder;
}

export function loadedOrderOf(row: OrderRow, dispatches: DispatchRow[]): LoadedOrder {
  return { row, dispatches, state: stateOf(row, dispatches), visible: visibleOrderOf(row, dispatches) };
}

export async function insertHistory(db: Db, entries: readonly HistoryEntry[], actor: HistoryActor) {
  if (entries.length === 0) return;
  await db.insertInto('work_order_history').values(historyRows(entries, actor)).execute();
}

/**
 * Stores a successful transition: the order's fields (guarded by its version, so two people acting at once
 * cannot both win — returns false then), each unit's row, and the history lines of both orders of a merge.
 */
export async function saveTransition(
  db: Db,
  before: LoadedOrder,
  result: Extract<TransitionResult<OrderState>, { ok: true }>,
  actor: HistoryActor,
  extra: { escalationLevel?: string } = {},
): Promise<boolean> {
  const w = transitionWrites(before, result, actor, extra);
  const res = await db
    .updateTable('work_order')
    .set(w.order)
    .where('id', '=', before.row.id)
    .where('version', '=', w.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  for (const u of w.updates) await db.updateTable('work_order_dispatch').set(u.set).where('id', '=', u.id).execute();
  if (w.inserts.length > 0) await db.insertInto('work_order_dispatch').values(w.inserts).execute();
  if (w.history.length > 0) await db.insertInto('work_order_history').values(w.history).execute();
  return true;
}

/** Inserts a registered order (register.ts) with its contacts and first history line; returns its id. */
export async function insertOrder(
  db: Db,
  o: WorkOrder,
  extra: { firstOwnerAgentId: number | null; queue: string | null },
): Promise<number> {
  const { id } = await db.insertInto('work_order').values(newOrderRow(o, extra)).returning('id').executeTakeFirstOrThrow();
  if (o.contactIds.length > 0) {
    await db
      .insertInto('work_order_contact')
      .values([...new Set(o.contactIds)].map((k) => ({ work_order_id: id, contact_key: k })))
      .execute();
  }
  return id;
}

export async function orderDetail(db: Db, id: number) {
  const loaded = await loadOrder(db, id);
  if (!loaded) return undefined;
  const history = await db
    .selectFrom('work_order_history')
    .selectAll()
    .where('work_order_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const contacts = await db.selectFrom('work_order_contact').select('contact_key').where('work_order_id', '=', id).execute();
  const attachments = await db
    .selectFrom('work_order_attachment')
    .select(['id', 'file_name', 'mime_type', 'size_bytes', 'uploaded_by', 'uploaded_at'])
    .where('work_order_id', '=', id)
    .execute();
  return { ...loaded, history, contacts: contacts.map((c) => c.contact_key), attachments };
}

/** Open orders with a deadline before `now`: the escalation sweep's candidates. */
export async function overdueOpenOrderIds(db: Db, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('work_order')
    .select('id')
    .where('due_at', '<', now)
    .where('status', 'not in', CLOSED)
    .where('escalation_level', '!=', 'center')
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The knowledge lookup of the entry form: answers given on the spot to closed consultations, with their basis,
 * newest first, matching every query token.
 */
export async function searchAnswers(db: Db, q: string, limit: number) {
  let sel = db
    .selectFrom('work_order')
    .select(['id', 'number', 'title', 'answer_text', 'answer_basis_kind', 'answer_basis_ref', 'closed_at'])
    .where('category', '=', 'consultation')
    .where('status', '=', 'closed')
    .where('answer_text', 'is not', null);
  for (const token of queryTokens(q)) sel = sel.where('search_text', 'like', `% ${escapeLike(token)} %`);
  return sel.orderBy('closed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Team leads on duty at `date` (the center's date): those with a shift that day in a published schedule. When no
 * published schedule covers the day at all (no roster kept), every team lead counts as on duty.
 */
export async function shiftLeadsOnDuty(db: Db, date: string): Promise<number[]> {
  const leads = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select(['app_user.id', 'app_user.agent_id'])
    .where('user_role.role', '=', 'team_lead')
    .where('app_user.disabled', '=', 0)
    .execute();
  const rostered = await db
    .selectFrom('schedule_assignment')
    .innerJoin('schedule', 'schedule.id', 'schedule_assignment.schedule_id')
    .select('schedule_assignment.agent_id')
    .where('schedule.published_at', 'is not', null)
    .where('schedule_assignment.date', '=', date)
    .execute();
  if (rostered.length === 0) return leads.map((l) => l.id);
  const working = new Set(rostered.map((r) => r.agent_id));
  return leads.filter((l) => l.agent_id != null && working.has(l.agent_id)).map((l) => l.id);
}

/** Users of handling units (for notifying a unit). */
export async function usersOfUnits(db: Db, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('unit_id', 'in', [...unitIds])
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}
