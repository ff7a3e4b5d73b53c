import type SQLite from 'better-sqlite3';
import { type Insertable, sql } from 'kysely';
import { type AuditEntry, auditRow, type Db } from './audit.ts';
import { isPostgres } from './migrations/helpers.ts';
import { notificationRows } from './notifications.ts';
import type { Database } from './schema.ts';
import {
  type DispatchRow,
  historyRows,
  type NewHistoryRow,
  newOrderRow,
  ORDER_DEFAULTS,
  type OrderRow,
  transitionWrites,
} from './work-order-rows.ts';
import { sqlWorkOrderStore, type WorkOrderStore } from './work-order-store.ts';
import { loadedOrderOf } from './work-orders.ts';

export interface MemoryWorkOrderStore extends WorkOrderStore {
  /** Writes every row made so far to the database, in the order the SQL store would have written them. */
  flush(): Promise<{ orders: number; history: number; notifications: number; audit: number }>;
}

/**
 * A work-order store that keeps the orders it is given in memory and writes them in bulk at `flush()`: the demo
 * seed replays thousands of orders through the work-order service in well under a second this way, where a query
 * per read and write would take tens. It reads the organisation (users, teams, units, calendar) through the SQL
 * store once per question — that data does not change while it runs — and computes every row with the same
 * functions as the SQL store (work-order-rows.ts), so what it writes is what the same steps through the API write
 * (work-order-memory-store.test.ts compares the two). For a database without work orders, inside one transaction;
 * `sqlite`: the connection of sqliteConnectionOf when `db` is a transaction of it (rows inserted by one prepared
 * statement per table instead of SQL built per batch).
 */
export async function memoryWorkOrderStore(db: Db, sqlite?: SQLite.Database): Promise<MemoryWorkOrderStore> {
  const existing = await db.selectFrom('work_order').select('id').limit(1).execute();
  if (existing.length > 0) throw new Error('the in-memory work-order store starts from a database without work orders');
  const sqlStore = sqlWorkOrderStore(db);
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, read());
    return memo.get(key) as Promise<T>;
  };
  const units = new Map(
    (await db.selectFrom('handling_unit').select(['id', 'name', 'can_see_personal_data', 'head_user_id']).execute()).map((u) => [
      u.id,
      u,
    ]),
  );
  const sequences = new Map((await db.selectFrom('work_order_sequence').selectAll().execute()).map((r) => [r.day, r.last]));
  const touchedDays = new Set<string>();
  const orders = new Map<number, OrderRow>();
  const dispatches = new Map<number, DispatchRow[]>();
  const dispatchById = new Map<number, DispatchRow>();
  const contacts: { work_order_id: number; contact_key: string }[] = [];
  const history: NewHistoryRow[] = [];
  const notifications: ReturnType<typeof notificationRows> = [];
  const audit: ReturnType<typeof auditRow>[] = [];
  let nextOrderId = 1;
  let nextDispatchId =
    Number(
      (
        await db
          .selectFrom('work_order_dispatch')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    ) + 1;
  const copy = (id: number) => {
    const row = orders.get(id);
    return (
      row &&
      loadedOrderOf(
        { ...row },
        (dispatches.get(id) ?? []).map((d) => ({ ...d })),
      )
    );
  };
  const live = (id: number) => {
    const row = orders.get(id);
    if (!row) throw new Error(`work order ${id} is not in the in-memory store`);
    return row;
  };
  return {
    calendar: () => once('calendar', () => sqlStore.calendar()),
    viewerOf: (u) => once(`viewer:${u.id}:${u.roles.join()}:${u.agentId}:${u.unitId}`, () => sqlStore.viewerOf(u)),
    teamOfAgent: (agentId) => once(`team:${agentId}`, () => sqlStore.teamOfAgent(agentId)),
    shiftLeadsOnDuty: (date) => once(`leads:${date}`, () => sqlStore.shiftLeadsOnDuty(date)),
    usersOfUnits: (ids) => once(`unitUsers:${ids.join()}`, () => sqlStore.usersOfUnits(ids)),
    usersWithRole: (role) => once(`role:${role}`, () => sqlStore.usersWithRole(role)),
    handlingUnits: async (ids) =>
      [...units.values()]
        .filter((u) => ids.includes(u.id))
        .sort((a, b) => a.id - b.id)
        .map((u) => ({ id: u.id, head_user_id: u.head_user_id })),
    async nextSequence(day) {
      const last = (sequences.get(day) ?? 0) + 1;
      sequences.set(day, last);
      touchedDays.add(day);
      return last;
    },
    loadOrder: async (id) => copy(id),
    orderStatus: async (id) => orders.get(id)?.status,
    async insertOrder(o, extra) {
      const id = nextOrderId++;
      orders.set(id, { id, ...newOrderRow(o, extra), ...ORDER_DEFAULTS });
      dispatches.set(id, []);
      for (const k of new Set(o.contactIds)) contacts.push({ work_order_id: id, contact_key: k });
      return id;
    },
    async insertHistory(entries, actor) {
      history.push(...historyRows(entries, actor));
    },
    async saveTransition(before, result, actor, extra) {
      const w = transitionWrites(before, result, actor, extra);
      const row = live(before.row.id);
      if (row.version !== w.version) return false;
      Object.assign(row, w.order);
      for (const u of w.updates) Object.assign(dispatchById.get(u.id) as DispatchRow, u.set);
      for (const n of w.inserts) {
        const unit = units.get(n.unit_id);
        const d: DispatchRow = {
          started_at: null,
          returned_at: null,
          return_reason: null,
          extension_requested_at: null,
          ...n,
          id: nextDispatchId++,
          unit_name: unit?.name ?? '',
          can_see_personal_data: unit?.can_see_personal_data ?? 0,
          head_user_id: unit?.head_user_id ?? null,
        } as DispatchRow;
        dispatches.get(row.id)?.push(d);
        dispatchById.set(d.id, d);
      }
      history.push(...w.history);
      return true;
    },
    async setEscalationLevel(id, level, version) {
      Object.assign(live(id), { escalation_level: level, version });
    },
    // As overdueOpenOrderIds in work-orders.ts.
    async overdueOpenOrderIds(now, limit) {
      return [...orders.values()]
        .filter(
          (o) =>
            o.due_at != null &&
            o.due_at < now &&
            o.status !== 'closed' &&
            o.status !== 'merged' &&
            o.escalation_level !== 'center',
        )
        .sort((a, b) => (a.due_at as number) - (b.due_at as number) || a.id - b.id)
        .slice(0, limit)
        .map((o) => o.id);
    },
    async notify(items, at) {
      notifications.push(...notificationRows(items, at));
    },
    async audit(actor, entry: AuditEntry, at) {
      audit.push(auditRow(actor, entry, at));
    },
    async flush() {
      const insert = sqlite ? insertEach(sqlite) : insertChunked(db);
      await insert('work_order', [...orders.values()]);
      await insert('work_order_contact', contacts);
      const rows = [...dispatchById.values()].map(({ unit_name, can_see_personal_data, head_user_id, ...d }) => d);
      await insert('work_order_dispatch', rows);
      await insert('work_order_history', history);
      await insert('notification', notifications);
      await insert('audit_log', audit);
      for (const day of touchedDays) {
        const last = sequences.get(day) ?? 0;
        await db
          .insertInto('work_order_sequence')
          .values({ day, last })
          .onConflict((oc) => oc.column('day').doUpdateSet({ last }))
          .execute();
      }
      // The rows came with their ids; PostgreSQL's identity sequences must be told where they stand.
      if (isPostgres(db))
        for (const table of ['work_order', 'work_order_dispatch'])
          await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(
            db,
          );
      return { orders: orders.size, history: history.length, notifications: notifications.length, audit: audit.length };
    },
  };
}

type Insert = <K extends keyof Database & string>(table: K, rows: readonly Insertable<Database[K]>[]) => Promise<void>;

/** Multi-row inserts of at most ~8,000 parameters each (well inside SQLite's and PostgreSQL's limits). */
function insertChunked(db: Db): Insert {
  return async (table, rows) => {
    if (rows.length === 0) return;
    const size = Math.max(1, Math.floor(8000 / Object.keys(rows[0] as object).length));
    for (let i = 0; i < rows.length; i += size)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + size))
        .execute();
  };
}

/** One prepared INSERT per table, run per row with the values in the first row's column order. */
function insertEach(sqlite: SQLite.Database): Insert {
  return async (table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0] as object);
    const statement = sqlite.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) statement.run(columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
  };
}
