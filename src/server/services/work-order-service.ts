import type { Role } from '../../domain/auth/roles.ts';
import { type BusinessCalendar, localDate, workingMsBetween } from '../../domain/calendar/business-calendar.ts';
import { DEFAULT_DEADLINE_POLICY, orderDueAt } from '../../domain/work-orders/deadline-policy.ts';
import { escalate } from '../../domain/work-orders/escalation.ts';
import { recipientsOf } from '../../domain/work-orders/recipients.ts';
import { type RegisterInput, registerOrder } from '../../domain/work-orders/register.ts';
import { type Action, type Actor as OrderActor, transition } from '../../domain/work-orders/state-machine.ts';
import type { HistoryEntry, OrderState } from '../../domain/work-orders/types.ts';
import { canSee } from '../../domain/work-orders/visibility.ts';
import type { Actor } from '../../store/audit.ts';
import { writeAudit } from '../../store/audit.ts';
import { notify, usersWithRole } from '../../store/notifications.ts';
import {
  businessCalendar,
  insertHistory,
  insertOrder,
  type LoadedOrder,
  loadOrder,
  nextSequence,
  saveTransition,
  shiftLeadsOnDuty,
  teamOfAgent,
  usersOfUnits,
  viewerOf,
} from '../../store/work-orders.ts';
import type { AppContext, SessionUser } from '../context.ts';
import { HttpProblem, unprocessable } from '../problem.ts';

/**
 * The work-order flow over the store: registration (register.ts), checked transitions (state-machine.ts) with
 * deadlines from the center's table (deadline-policy.ts), escalation (escalation.ts) and who is told
 * (recipients.ts). Each call runs in one transaction: a refused step throws before anything is written.
 */
export const orderActor = (user: SessionUser): OrderActor => ({ id: user.id, roles: user.roles, unitId: user.unitId });

/** An action as the API takes it: deadlines are computed here, never given by the client. */
export type ApiAction =
  | Exclude<Action, { type: 'dispatch' | 'requestExtension' | 'callback' | 'redo' }>
  | { type: 'dispatch'; unitIds: number[]; note?: string }
  | { type: 'requestExtension'; until: string; reason: string }
  | { type: 'callback'; satisfaction: Extract<Action, { type: 'callback' }>['satisfaction']; note?: string }
  | { type: 'redo'; reason: string };

function toAction(a: ApiAction, order: OrderState, cal: BusinessCalendar, now: number): Action {
  const due = () => orderDueAt(DEFAULT_DEADLINE_POLICY, cal, order, now);
  switch (a.type) {
    case 'dispatch':
      return { ...a, dueAt: due() };
    case 'requestExtension':
      return { ...a, until: Date.parse(a.until) };
    case 'callback':
      // 不满意 is a redo: the units get a fresh deadline from now.
      return a.satisfaction === 'dissatisfied' ? { ...a, redoDueAt: due() } : a;
    case 'redo':
      return { ...a, dueAt: due() };
    default:
      return a;
  }
}

const CODES = { role: 403, unit: 403, status: 409, input: 422 } as const;

async function tell(
  db: AppContext['db'],
  order: { id: number; number: string },
  userIds: Iterable<number>,
  kind: string,
  text: string,
  at: number,
) {
  const ids = [...new Set(userIds)];
  await notify(
    db,
    ids.map((userId) => ({ userId, kind, text, link: `/work-orders/${order.id}` })),
    at,
  );
}

/** Raises the order's escalation level when its facts call for it; writes the history line and tells each level's people. */
async function escalateIfDue(db: AppContext['db'], cal: BusinessCalendar, o: LoadedOrder['row'], state: OrderState, now: number) {
  const open = state.status !== 'closed' && state.status !== 'merged';
  const overdueWorkingMs = open && state.dueAt != null && now > state.dueAt ? workingMsBetween(cal, state.dueAt, now) : 0;
  const e = escalate(
    { id: o.id, open, level: o.escalation_level as 'general' },
    { overdueWorkingMs, redoCount: state.redoCount },
    now,
  );
  if (!e.raised || !e.entry) return { level: o.escalation_level, entry: null };
  const people: number[] = [];
  for (const audience of e.notify) {
    if (audience === 'first_owner' && o.first_owner_user_id != null) people.push(o.first_owner_user_id);
    else if (audience === 'unit')
      people.push(
        ...(await usersOfUnits(
          db,
          state.assignments.filter((a) => a.status !== 'returned').map((a) => Number(a.unitId)),
        )),
      );
    else if (audience === 'team_lead' || audience === 'manager') people.push(...(await usersWithRole(db, audience)));
  }
  const name = e.level === 'center' ? '中心督办' : e.level === 'major' ? '重大' : '一般';
  await tell(db, o, people, 'escalation', `工单 ${o.number} 升级为${name}`, now);
  return { level: e.level, entry: e.entry };
}

async function tellRecipients(db: AppContext['db'], o: LoadedOrder['row'], next: OrderState, entry: HistoryEntry, now: number) {
  const r = recipientsOf(next, entry);
  const people = [...r.userIds.map(Number), ...(await usersOfUnits(db, r.unitIds.map(Number)))];
  for (const role of r.roles) people.push(...(await usersWithRole(db, role)));
  await tell(db, o, people, 'order_progress', `工单 ${o.number}：${entry.action} → ${next.status}`, now);
}

/** Applies one API action to a stored order the user may act on; throws problem+json when refused. */
export async function actOnOrder(ctx: AppContext, user: SessionUser, actor: Actor, id: number, body: ApiAction) {
  const cal = await businessCalendar(ctx.db);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (tx) => {
    const before = await loadOrder(tx, id);
    if (!before || !canSee(await viewerOf(tx, user), before.visible))
      throw new HttpProblem(404, 'Not Found', 'work order not found');
    const r = transition(before.state, toAction(body, before.state, cal, now), orderActor(user), now);
    if (!r.ok) {
      const { code, message, field } = r.error;
      throw new HttpProblem(
        CODES[code],
        code === 'input' ? 'Unprocessable Content' : code === 'status' ? 'Conflict' : 'Forbidden',
        message,
        [{ path: `body.${field ?? 'type'}`, message }],
      );
    }
    // Checked after role and status, so a refused role is told 403 whatever the input.
    if (body.type === 'dispatch') {
      const units = await tx.selectFrom('handling_unit').select('id').where('id', 'in', body.unitIds).execute();
      if (units.length !== new Set(body.unitIds).size)
        throw unprocessable('unknown handling unit', [{ path: 'body.unitIds', message: 'unknown handling unit' }]);
    }
    if (body.type === 'merge') {
      const target = await tx
        .selectFrom('work_order')
        .select(['id', 'status'])
        .where('id', '=', Number(body.intoId))
        .executeTakeFirst();
      if (!target || target.status === 'closed' || target.status === 'merged') {
        throw unprocessable('cannot merge into that order', [{ path: 'body.intoId', message: 'not an open order' }]);
      }
    }
    const esc = await escalateIfDue(tx, cal, before.row, r.order, now);
    const saved = await saveTransition(tx, before, r, { userId: user.id, name: actor.name }, { escalationLevel: esc.level });
    if (!saved) throw new HttpProblem(409, 'Conflict', 'the order changed meanwhile; reload and try again');
    if (esc.entry) await insertHistory(tx, [esc.entry], { userId: null, name: 'system' });
    await tellRecipients(tx, before.row, r.order, r.entry, now);
    await writeAudit(
      tx,
      actor,
      {
        action: body.type,
        entity: 'work_order',
        entityId: id,
        before: { status: before.state.status },
        after: { status: r.order.status },
      },
      now,
    );
    return {
      id,
      status: r.order.status,
      dueAt: r.order.dueAt == null ? null : new Date(r.order.dueAt).toISOString(),
      redoCount: r.order.redoCount,
      escalationLevel: esc.level,
    };
  });
}

export interface RegisterBody extends Omit<RegisterInput, 'contactIds' | 'callEndedAt'> {
  contactKeys: string[];
  callEndedAt?: string;
  /** For an urgent order: the unit whose head receives it when no shift lead is on duty. */
  unitId?: number;
}

/**
 * 受理: registers an order; an urgent one goes at once to the shift leads on duty, or — when none is on duty —
 * is dispatched to the chosen unit and its head told.
 */
export async function registerWorkOrder(ctx: AppContext, user: SessionUser, actor: Actor, body: RegisterBody) {
  const cal = await businessCalendar(ctx.db);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (tx) => {
    const day = localDate(cal, now);
    const unit =
      body.unitId == null
        ? undefined
        : await tx.selectFrom('handling_unit').select(['id', 'head_user_id']).where('id', '=', body.unitId).executeTakeFirst();
    if (body.unitId != null && !unit)
      throw unprocessable('unknown handling unit', [{ path: 'body.unitId', message: 'unknown handling unit' }]);
    const urgent = body.priority === 'urgent';
    const r = registerOrder(
      { ...body, contactIds: body.contactKeys, callEndedAt: body.callEndedAt ? Date.parse(body.callEndedAt) : null },
      orderActor(user),
      {
        id: 0,
        at: now,
        timeZone: cal.timeZone,
        sequence: await nextSequence(tx, day.replaceAll('-', '')),
        teamId: await teamOfAgent(tx, user.agentId),
        shiftLeadsOnDuty: urgent ? await shiftLeadsOnDuty(tx, day) : [],
        unitHeadId: unit?.head_user_id ?? null,
      },
    );
    if (!r.ok) {
      const status = r.issues.some((i) => i.path === 'actor') ? 403 : 422;
      throw new HttpProblem(
        status,
        status === 403 ? 'Forbidden' : 'Unprocessable Content',
        'the order is incomplete',
        r.issues.map((i) => ({ path: `body.${i.path}`, message: i.message })),
      );
    }
    const queue = r.route && r.route.queue !== 'none' ? r.route.queue : null;
    const id = await insertOrder(tx, r.order, { firstOwnerAgentId: user.agentId, queue });
    await insertHistory(tx, [{ ...r.entry, orderId: id }], { userId: user.id, name: actor.name });
    const o = { id, number: r.order.number };
    let status: string = r.order.status;
    if (r.route?.queue === 'shift_lead')
      await tell(tx, o, r.route.userIds.map(Number), 'urgent_order', `急件 ${o.number}：${r.order.title}`, now);
    else if (urgent && unit) {
      // No shift lead on duty: the order goes straight to the unit, and its head is told.
      await tell(
        tx,
        o,
        r.route?.queue === 'unit_head' ? r.route.userIds.map(Number) : await usersOfUnits(tx, [unit.id]),
        'urgent_order',
        `急件 ${o.number}：${r.order.title}`,
        now,
      );
      const loaded = (await loadOrder(tx, id)) as LoadedOrder;
      const d = transition(
        loaded.state,
        { type: 'dispatch', unitIds: [unit.id], dueAt: orderDueAt(DEFAULT_DEADLINE_POLICY, cal, loaded.state, now) },
        orderActor(user),
        now,
      );
      if (d.ok && (await saveTransition(tx, loaded, d, { userId: user.id, name: actor.name }))) status = d.order.status;
    } else if (urgent) {
      // Nobody to send it to is a configuration gap: the managers are told rather than the order left unseen.
      await tell(
        tx,
        o,
        await usersWithRole(tx, 'manager'),
        'urgent_order',
        `急件 ${o.number} 无值班长在岗且未指定承办单位：${r.order.title}`,
        now,
      );
    }
    await writeAudit(
      tx,
      actor,
      {
        action: 'create',
        entity: 'work_order',
        entityId: id,
        after: { number: o.number, title: r.order.title, category: r.order.category },
      },
      now,
    );
    return { id, number: o.number, status, category: r.order.category, route: queue };
  });
}

/** The sweep that escalates open overdue orders (run by a supervisor's button or a scheduler; no timers). */
export async function escalateOverdue(ctx: AppContext, ids: readonly number[]) {
  const cal = await businessCalendar(ctx.db);
  const now = ctx.now();
  let raised = 0;
  for (const id of ids) {
    await ctx.db.transaction().execute(async (tx) => {
      const o = await loadOrder(tx, id);
      if (!o) return;
      const esc = await escalateIfDue(tx, cal, o.row, o.state, now);
      if (!esc.entry) return;
      await tx
        .updateTable('work_order')
        .set({ escalation_level: esc.level, version: o.row.version + 1 })
        .where('id', '=', id)
        .execute();
      await insertHistory(tx, [esc.entry], { userId: null, name: 'system' });
      raised++;
    });
  }
  return { checked: ids.length, raised };
}

export const CREATE_ROLES: Role[] = ['agent', 'team_lead', 'manager'];
