import type { BusinessCalendar } from '../domain/calendar/business-calendar.ts';
import type { TransitionResult } from '../domain/work-orders/state-machine.ts';
import type { HistoryEntry, OrderState, WorkOrder } from '../domain/work-orders/types.ts';
import type { Viewer } from '../domain/work-orders/visibility.ts';
import { type Actor, type AuditEntry, type Db, writeAudit } from './audit.ts';
import { type NewNotification, notify, usersWithRole } from './notifications.ts';
import type { HistoryActor } from './work-order-rows.ts';
import {
  businessCalendar,
  insertHistory,
  insertOrder,
  type LoadedOrder,
  loadOrder,
  nextSequence,
  overdueOpenOrderIds,
  saveTransition,
  shiftLeadsOnDuty,
  teamOfAgent,
  usersOfUnits,
  viewerOf,
} from './work-orders.ts';

/** A user as the work-order rules read them. */
export interface OrderUser {
  id: number;
  roles: readonly string[];
  agentId: number | null;
  unitId: number | null;
}

/**
 * Everything the work-order service (src/server/services/work-order-service.ts) reads and writes, as one seam:
 * the API uses the SQL store inside each request's transaction; the demo seed replays weeks of orders through
 * the same service on an in-memory store (work-order-memory-store.ts) and writes its rows in bulk at the end.
 */
export interface WorkOrderStore {
  calendar(): Promise<BusinessCalendar>;
  viewerOf(user: OrderUser): Promise<Viewer>;
  teamOfAgent(agentId: number | null): Promise<number | null>;
  shiftLeadsOnDuty(date: string): Promise<number[]>;
  usersOfUnits(unitIds: readonly number[]): Promise<number[]>;
  usersWithRole(role: string): Promise<number[]>;
  /** Those of these handling units that exist, with their heads. */
  handlingUnits(ids: readonly number[]): Promise<{ id: number; head_user_id: number | null }[]>;
  /** The next number of the day (YYYYMMDD). */
  nextSequence(day: string): Promise<number>;
  loadOrder(id: number): Promise<LoadedOrder | undefined>;
  orderStatus(id: number): Promise<string | undefined>;
  insertOrder(o: WorkOrder, extra: { firstOwnerAgentId: number | null; queue: string | null }): Promise<number>;
  insertHistory(entries: readonly HistoryEntry[], actor: HistoryActor): Promise<void>;
  /** False when the order changed meanwhile (its version moved on). */
  saveTransition(
    before: LoadedOrder,
    result: Extract<TransitionResult<OrderState>, { ok: true }>,
    actor: HistoryActor,
    extra?: { escalationLevel?: string },
  ): Promise<boolean>;
  setEscalationLevel(id: number, level: string, version: number): Promise<void>;
  overdueOpenOrderIds(now: number, limit: number): Promise<number[]>;
  notify(items: readonly NewNotification[], at: number): Promise<void>;
  audit(actor: Actor, entry: AuditEntry, at: number): Promise<void>;
}

/** The store over a database or a transaction. */
export function sqlWorkOrderStore(db: Db): WorkOrderStore {
  return {
    calendar: () => businessCalendar(db),
    viewerOf: (user) => viewerOf(db, user),
    teamOfAgent: (agentId) => teamOfAgent(db, agentId),
    shiftLeadsOnDuty: (date) => shiftLeadsOnDuty(db, date),
    usersOfUnits: (ids) => usersOfUnits(db, ids),
    usersWithRole: (role) => usersWithRole(db, role),
    handlingUnits: async (ids) =>
      ids.length === 0
        ? []
        : db
            .selectFrom('handling_unit')
            .select(['id', 'head_user_id'])
            .where('id', 'in', [...ids])
            .orderBy('id')
            .execute(),
    nextSequence: (day) => nextSequence(db, day),
    loadOrder: (id) => loadOrder(db, id),
    orderStatus: async (id) =>
      (await db.selectFrom('work_order').select('status').where('id', '=', id).executeTakeFirst())?.status,
    insertOrder: (o, extra) => insertOrder(db, o, extra),
    insertHistory: (entries, actor) => insertHistory(db, entries, actor),
    saveTransition: (before, result, actor, extra) => saveTransition(db, before, result, actor, extra),
    setEscalationLevel: async (id, level, version) => {
      await db.updateTable('work_order').set({ escalation_level: level, version }).where('id', '=', id).execute();
    },
    overdueOpenOrderIds: (now, limit) => overdueOpenOrderIds(db, now, limit),
    notify: (items, at) => notify(db, items, at),
    audit: (actor, entry, at) => writeAudit(db, actor, entry, at),
  };
}
