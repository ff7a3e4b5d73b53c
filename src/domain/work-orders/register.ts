import { orderNumberAt } from './number.ts';
import type { Actor } from './state-machine.ts';
import type { Category, Channel, EntityId, HistoryEntry, OrderContent, Priority, WorkOrder } from './types.ts';
import { routeUrgent, type UrgentRoute } from './urgent-routing.ts';
import { type FieldIssue, markUrgent, resolveCategory, validateOrder } from './validate.ts';

/**
 * 受理: registering a work order from a call (or web form, WeChat, e-mail, SMS). Applies the registration rules
 * (validate.ts) after writing the urgent mark the priority calls for, files a case that fits several categories
 * under the stricter one, numbers it in the center's zone, makes the registering agent its first owner
 * (首问负责) and routes an urgent order at once (urgent-routing.ts).
 */
export interface RegisterInput {
  channel: Channel;
  /** One category, or all that fit (e.g. consultation and complaint → complaint). */
  categories: readonly Category[];
  priority: Priority;
  title: string;
  location: string;
  content: OrderContent;
  caller: { name: string | null; phone: string | null };
  contactIds?: readonly string[];
  callEndedAt?: number | null;
}

export interface RegisterContext {
  id: EntityId;
  at: number;
  timeZone: string;
  /** The day's sequence number, from the store. */
  sequence: number;
  teamId: EntityId | null;
  shiftLeadsOnDuty: readonly EntityId[];
  unitHeadId: EntityId | null;
}

const MAY_REGISTER = ['agent', 'team_lead', 'manager'];

export type RegisterResult =
  | { ok: true; order: WorkOrder; entry: HistoryEntry; route: UrgentRoute | null }
  | { ok: false; issues: FieldIssue[] };

export function registerOrder(input: RegisterInput, actor: Actor, ctx: RegisterContext): RegisterResult {
  if (!actor.roles.some((r) => MAY_REGISTER.includes(r)))
    return { ok: false, issues: [{ path: 'actor', message: `registering needs one of the roles ${MAY_REGISTER.join(', ')}` }] };
  if (input.categories.length === 0) return { ok: false, issues: [{ path: 'categories', message: '请选择工单类别' }] };
  const category = resolveCategory(input.categories);
  const title = markUrgent(input.title, input.priority === 'urgent');
  const issues = validateOrder({ title, location: input.location, category, content: input.content, priority: input.priority });
  if (issues.length > 0) return { ok: false, issues };
  const number = orderNumberAt(ctx.at, ctx.timeZone, ctx.sequence);
  const route =
    input.priority === 'urgent' ? routeUrgent({ shiftLeadsOnDuty: ctx.shiftLeadsOnDuty, unitHeadId: ctx.unitHeadId }) : null;
  const order: WorkOrder = {
    id: ctx.id,
    number,
    channel: input.channel,
    category,
    priority: input.priority,
    title,
    location: input.location.trim(),
    content: input.content,
    caller: input.caller,
    contactIds: [...(input.contactIds ?? [])],
    teamId: ctx.teamId,
    createdAt: ctx.at,
    callEndedAt: input.callEndedAt ?? null,
    escalationLevel: 'general',
    status: 'registered',
    firstOwnerId: actor.id,
    assignments: [],
    dueAt: null,
    closedAt: null,
    redoCount: 0,
    returnCount: 0,
    reminderCount: 0,
    supervised: false,
    extension: null,
    satisfaction: null,
    answer: null,
    mergedIntoId: null,
  };
  const entry: HistoryEntry = {
    orderId: ctx.id,
    at: ctx.at,
    actorId: actor.id,
    action: 'register',
    fromStatus: null,
    toStatus: 'registered',
    data: { number, category, priority: input.priority, ...(route ? { route: route.queue } : {}) },
  };
  return { ok: true, order, entry, route };
}
