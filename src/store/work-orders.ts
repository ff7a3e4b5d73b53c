import type { DayOverride } from '../domain/calendar/day-kind.ts';
import type { BusinessCalendar } from '../domain/calendar/working-time.ts';
import { queryTokens } from '../domain/text/segment.ts';
import type { OrderState, Status } from '../domain/work-orders/workflow.ts';
import type { Db } from './audit.ts';

/** Who is asking, for the visibility rules of docs/work-orders.md. */
export interface OrderViewer {
  roles: readonly string[];
  agentId: number | null;
  unitId: number | null;
  teamId: number | null;
}

const SEE_ALL = ['manager', 'admin', 'qa'];

/** Handling units keep office hours even when the hotline answers around the clock. */
export const UNIT_HOURS: BusinessCalendar['hours'] = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];

export async function businessCalendar(db: Db): Promise<BusinessCalendar> {
  const center = await db.selectFrom('center').select('time_zone').orderBy('id').executeTakeFirst();
  const rows = await db.selectFrom('day_override').selectAll().execute();
  const overrides = new Map<string, DayOverride>(rows.map((r) => [r.date, { date: r.date, kind: r.kind as DayOverride['kind'], name: r.name ?? undefined }]));
  return { timeZone: center?.time_zone ?? 'Asia/Shanghai', hours: UNIT_HOURS, overrides };
}

export async function teamOfAgent(db: Db, agentId: number | null): Promise<number | null> {
  if (agentId == null) return null;
  const r = await db.selectFrom('agent').select('team_id').where('id', '=', agentId).executeTakeFirst();
  return r?.team_id ?? null;
}

/** Next number of the day, YYYYMMDD-NNNNNN; call inside the transaction that inserts the order. */
export async function nextSequence(db: Db, day: string): Promise<number> {
  await db.insertInto('work_order_sequence').values({ day, last: 0 }).onConflict((oc) => oc.column('day').doNothing()).execute();
  await db.updateTable('work_order_sequence').set((eb) => ({ last: eb('last', '+', 1) })).where('day', '=', day).execute();
  const r = await db.selectFrom('work_order_sequence').select('last').where('day', '=', day).executeTakeFirstOrThrow();
  return r.last;
}

export interface OrderFilter {
  status?: string;
  category?: string;
  unitId?: number;
  location?: string;
  q?: string;
  overdue?: boolean;
  /** Open orders due within this many hours from now (the due-soon list). */
  dueWithinHours?: number;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

/** Orders the viewer may see, filtered; search matches every query token in title and content. */
export async function listOrders(db: Db, viewer: OrderViewer, f: OrderFilter, now: number) {
  let q = db.selectFrom('work_order');
  if (!viewer.roles.some((r) => SEE_ALL.includes(r))) {
    q = q.where((eb) => {
      const ors = [];
      if (viewer.roles.includes('agent') && viewer.agentId != null) ors.push(eb('work_order.first_owner_agent_id', '=', viewer.agentId));
      if ((viewer.roles.includes('agent') || viewer.roles.includes('team_lead')) && viewer.teamId != null) ors.push(eb('work_order.team_id', '=', viewer.teamId));
      if (viewer.roles.includes('team_lead')) ors.push(eb('work_order.assignee_queue', '=', 'shift_lead'));
      if (viewer.roles.includes('unit_handler') && viewer.unitId != null) {
        ors.push(eb.exists(eb.selectFrom('work_order_dispatch as d').select('d.id').whereRef('d.work_order_id', '=', 'work_order.id').where('d.unit_id', '=', viewer.unitId)));
      }
      // No rule applies: an always-false condition (ids are positive).
      return ors.length > 0 ? eb.or(ors) : eb('work_order.id', '<', 0);
    });
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.location) q = q.where('location', 'like', `%${escapeLike(f.location)}%`);
  if (f.unitId != null) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.exists(eb.selectFrom('work_order_dispatch as d2').select('d2.id').whereRef('d2.work_order_id', '=', 'work_order.id').where('d2.unit_id', '=', unitId)));
  }
  if (f.from != null) q = q.where('created_at', '>=', f.from);
  if (f.to != null) q = q.where('created_at', '<', f.to);
  if (f.overdue) q = q.where('due_at', '<', now).where('status', 'not in', ['closed', 'merged']);
  if (f.dueWithinHours != null) q = q.where('due_at', '>=', now).where('due_at', '<', now + f.dueWithinHours * 3_600_000).where('status', 'not in', ['closed', 'merged']);
  for (const token of f.q ? queryTokens(f.q) : []) q = q.where('search_text', 'like', `% ${escapeLike(token)} %`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** May this viewer see this order? (the single-order form of the list's rule) */
export async function canSee(db: Db, viewer: OrderViewer, order: { id: number; first_owner_agent_id: number | null; team_id: number | null; assignee_queue: string | null }): Promise<boolean> {
  if (viewer.roles.some((r) => SEE_ALL.includes(r))) return true;
  if (viewer.roles.includes('agent') && viewer.agentId != null && order.first_owner_agent_id === viewer.agentId) return true;
  if ((viewer.roles.includes('agent') || viewer.roles.includes('team_lead')) && viewer.teamId != null && order.team_id === viewer.teamId) return true;
  if (viewer.roles.includes('team_lead') && order.assignee_queue === 'shift_lead') return true;
  if (viewer.roles.includes('unit_handler') && viewer.unitId != null) {
    const d = await db.selectFrom('work_order_dispatch').select('id').where('work_order_id', '=', order.id).where('unit_id', '=', viewer.unitId).executeTakeFirst();
    return d != null;
  }
  return false;
}

export function stateOf(row: { status: string; category: string; redo_count: number; return_count: number; reminder_count: number; supervised: number }, ext: { extension_until: number | null; extension_status: string | null } | undefined): OrderState {
  return {
    status: row.status as Status,
    category: row.category as OrderState['category'],
    redoCount: row.redo_count,
    returnCount: row.return_count,
    reminderCount: row.reminder_count,
    supervised: row.supervised === 1,
    extension: ext?.extension_until != null && ext.extension_status ? { until: ext.extension_until, status: ext.extension_status as 'pending' } : null,
  };
}

export async function orderDetail(db: Db, id: number) {
  const order = await db.selectFrom('work_order').selectAll().where('id', '=', id).executeTakeFirst();
  if (!order) return undefined;
  const dispatches = await db
    .selectFrom('work_order_dispatch')
    .innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
    .selectAll('work_order_dispatch')
    .select(['handling_unit.name as unit_name', 'handling_unit.can_see_personal_data'])
    .where('work_order_id', '=', id)
    .orderBy('work_order_dispatch.id')
    .execute();
  const history = await db.selectFrom('work_order_history').selectAll().where('work_order_id', '=', id).orderBy('at').orderBy('id').execute();
  const contacts = await db.selectFrom('work_order_contact').select('contact_key').where('work_order_id', '=', id).execute();
  const attachments = await db.selectFrom('work_order_attachment').select(['id', 'file_name', 'mime_type', 'size_bytes', 'uploaded_by', 'uploaded_at']).where('work_order_id', '=', id).execute();
  return { order, dispatches, history, contacts: contacts.map((c) => c.contact_key), attachments };
}
