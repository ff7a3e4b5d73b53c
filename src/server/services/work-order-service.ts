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
import { type OrderUser, sqlWorkOrderStore, type WorkOrderStore } from '../../store/work-order-store.ts';
import type { LoadedOrder } from '../../store/work-orders.ts';
import type { AppContext } from '../context.ts';
import { HttpProblem, unprocessable } from '../problem.ts';

/**
 * The work-order flow over the store: registration (register.ts), checked transitions (state-machine.ts) with
 * deadlines from the center's table (deadline-policy.ts), escalation (escalation.ts) and who is told
 * (recipients.ts). Each call runs in one transaction: a refused step throws before anything is written.
 * The steps themselves (`…In`) take a {@link WorkOrderStore} and the instant, so the demo seed replays its
 * history through exactly this code.
 */
export const orderActor = (user: OrderUser): OrderActor => ({ id: user.id, roles: user.roles, unitId: user.unitId });

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
  store: WorkOrderStore,
  order: { id: number; number: string },
  userIds: Iterable<number>,
  kind: string,
  text: string,
  at: number,
) {
  const ids = [...new Set(userIds)];
  await store.notify(
    ids.map((userId) => ({ userId, kind, text, link: `/work-orders/${order.id}` })),
    at,
  );
}

/** Raises the order's escalation level when its facts call for it; writes the history line and tells each level's people. */
async function escalateIfDue(
  store: WorkOrderStore,
  cal: BusinessCalendar,
  o: LoadedOrder['row'],
  state: OrderState,
  now: number,
) {
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
        ...(await store.usersOfUnits(state.assignments.filter((a) => a.status !== 'returned').map((a) => Number(a.unitId)))),
      );
    else if (audience === 'team_lead' || audience === 'manager') people.push(...(await store.usersWithRole(audience)));
  }
  const name = e.level === 'center' ? '中心督办' : e.level === 'major' ? '重大' : '一般';
  await tell(store, o, people, 'escalation', `工单 ${o.number} 升级为${name}`, now);
  return { level: e.level, entry: e.entry };
}

async function tellRecipients(store: WorkOrderStore, o: LoadedOrder['row'], next: OrderState, entry: HistoryEntry, now: number) {
  const r = recipientsOf(next, entry);
  const people = [...r.userIds.map(Number), ...(await store.usersOfUnits(r.unitIds.map(Number)))];
  for (const role of r.roles) people.push(...(await store.usersWithRole(role)));
  await tell(store, o, people, 'order_progress', `工单 ${o.number}：${entry.action} → ${next.status}`, now);
}

/** Applies one API action to a stored order the user may act on, in one transaction; throws problem+json when refused. */
export async function actOnOrder(ctx: AppContext, user: OrderUser, actor: Actor, id: number, body: ApiAction) {
  const now = ctx.now();
  return ctx.db.transaction().execute((tx) => actOnOrderIn(sqlWorkOrderStore(tx), user, actor, id, body, now));
}

/** {@link actOnOrder} on a store, at `now`. */
export async function actOnOrderIn(
  store: WorkOrderStore,
  user: OrderUser,
  actor: Actor,
  id: number,
  body: ApiAction,
  now: number,
) {
  const cal = await store.calendar();
  const before = await store.loadOrder(id);
  if (!before || !canSee(await store.viewerOf(user), before.visible))
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
    const units = await store.handlingUnits(body.unitIds);
    if (units.length !== new Set(body.unitIds).size)
      throw unprocessable('unknown handling unit', [{ path: 'body.unitIds', message: 'unknown handling unit' }]);
  }
  if (body.type === 'merge') {
    const target = await store.orderStatus(Number(body.intoId));
    if (!target || target === 'closed' || target === 'merged') {
      throw unprocessable('cannot merge into that order', [{ path: 'body.intoId', message: 'not an open order' }]);
    }
  }
  const esc = await escalateIfDue(store, cal, before.row, r.order, now);
  const saved = await store.saveTransition(before, r, { userId: user.id, name: actor.name }, { escalationLevel: esc.level });
  if (!saved) throw new HttpProblem(409, 'Conflict', 'the order changed meanwhile; reload and try again');
  if (esc.entry) await store.insertHistory([esc.entry], { userId: null, name: 'system' });
  await tellRecipients(store, before.row, r.order, r.entry, now);
  await store.audit(
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
export async function registerWorkOrder(ctx: AppContext, user: OrderUser, actor: Actor, body: RegisterBody) {
  const now = ctx.now();
  return ctx.db.transaction().execute((tx) => registerWorkOrderIn(sqlWorkOrderStore(tx), user, actor, body, now));
}

/** {@link registerWorkOrder} on a store, at `now`. */
export async function registerWorkOrderIn(store: WorkOrderStore, user: OrderUser, actor: Actor, body: RegisterBody, now: number) {
  const cal = await store.calendar();
  const day = localDate(cal, now);
  const unit = body.unitId == null ? undefined : (await store.handlingUnits([body.unitId]))[0];
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
      sequence: await store.nextSequence(day.replaceAll('-', '')),
      teamId: await store.teamOfAgent(user.agentId),
      shiftLeadsOnDuty: urgent ? await store.shiftLeadsOnDuty(day) : [],
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
  const id = await store.insertOrder(r.order, { firstOwnerAgentId: user.agentId, queue });
  await store.insertHistory([{ ...r.entry, orderId: id }], { userId: user.id, name: actor.name });
  const o = { id, number: r.order.number };
  let status: string = r.order.status;
  if (r.route?.queue === 'shift_lead')
    await tell(store, o, r.route.userIds.map(Number), 'urgent_order', `急件 ${o.number}：${r.order.title}`, now);
  else if (urgent && unit) {
    // No shift lead on duty: the order goes straight to the unit, and its head is told.
    await tell(
      store,
      o,
      r.route?.queue === 'unit_head' ? r.route.userIds.map(Number) : await store.usersOfUnits([unit.id]),
      'urgent_order',
      `急件 ${o.number}：${r.order.title}`,
      now,
    );
    const loaded = (await store.loadOrder(id)) as LoadedOrder;
    const d = transition(
      loaded.state,
      { type: 'dispatch', unitIds: [unit.id], dueAt: orderDueAt(DEFAULT_DEADLINE_POLICY, cal, loaded.state, now) },
      orderActor(user),
      now,
    );
    if (d.ok && (await store.saveTransition(loaded, d, { userId: user.id, name: actor.name }))) status = d.order.status;
  } else if (urgent) {
    // Nobody to send it to is a configuration gap: the managers are told rather than the order left unseen.
    await tell(
      store,
      o,
      await store.usersWithRole('manager'),
      'urgent_order',
      `急件 ${o.number} 无值班长在岗且未指定承办单位：${r.order.title}`,
      now,
    );
  }
  await store.audit(
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
}

/** The sweep that escalates open overdue orders (run by a supervisor's button or a scheduler; no timers). */
export async function escalateOverdue(ctx: AppContext, ids: readonly number[]) {
  const cal = await sqlWorkOrderStore(ctx.db).calendar();
  const now = ctx.now();
  let raised = 0;
  for (const id of ids)
    if (await ctx.db.transaction().execute((tx) => escalateOrderIn(sqlWorkOrderStore(tx), cal, id, now))) raised++;
  return { checked: ids.length, raised };
}

/** One order of the sweep, on a store at `now`; true when its level was raised. */
export async function escalateOrderIn(store: WorkOrderStore, cal: BusinessCalendar, id: number, now: number): Promise<boolean> {
  const o = await store.loadOrder(id);
  if (!o) return false;
  const esc = await escalateIfDue(store, cal, o.row, o.state, now);
  if (!esc.entry) return false;
  await store.setEscalationLevel(id, esc.level, o.row.version + 1);
  await store.insertHistory([esc.entry], { userId: null, name: 'system' });
  return true;
}

export const CREATE_ROLES: Role[] = ['agent', 'team_lead', 'manager'];
