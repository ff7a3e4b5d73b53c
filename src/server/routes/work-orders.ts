import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { workingMsBetween } from '../../domain/calendar/business-calendar.ts';
import { maskName, maskPhone } from '../../domain/privacy/mask.ts';
import { completionTiming, DEFAULT_COMPLETION_LIMIT_MS } from '../../domain/work-orders/after-call.ts';
import { duplicateCandidates } from '../../domain/work-orders/duplicate.ts';
import { allowedActions } from '../../domain/work-orders/state-machine.ts';
import { CATEGORIES, CHANNELS, SATISFACTION, STATUSES } from '../../domain/work-orders/types.ts';
import {
  callerDataVisible,
  canSee,
  type Viewer,
  type VisibleOrder,
  visibilityFilter,
} from '../../domain/work-orders/visibility.ts';
import {
  businessCalendar,
  listOrders,
  loadOrder,
  orderDetail,
  overdueOpenOrderIds,
  searchAnswers,
  viewerOf,
  visibleOrderOf,
} from '../../store/work-orders.ts';
import type { AppContext, SessionUser } from '../context.ts';
import { notFound } from '../problem.ts';
import { defineRoute, idParams, paging } from '../route.ts';
import { actOnOrder, CREATE_ROLES, escalateOverdue, orderActor, registerWorkOrder } from '../services/work-order-service.ts';
import { workOrderAttachmentRoutes } from './work-order-attachments.ts';
import { workOrderReportRoutes } from './work-order-reports.ts';

export const TAGS = ['work-orders'];
export const ACCESS: Role[] = ['agent', 'team_lead', 'manager', 'admin', 'qa', 'unit_handler'];
const SUPERVISORS: Role[] = ['team_lead', 'manager', 'admin'];

const createBody = z.object({
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  /** Other categories the case also fits; the stricter one is filed (consultation + complaint → complaint). */
  alsoCategories: z.array(z.enum(CATEGORIES)).max(4).default([]),
  urgent: z.boolean().default(false),
  /** Urgent orders: the unit whose head receives it when no shift lead is on duty. */
  unitId: z.number().int().positive().optional(),
  title: z.string().trim().min(1).max(200),
  location: z.string().trim().max(200),
  content: z.object({
    time: z.string().max(200).optional(),
    place: z.string().max(200).optional(),
    what: z.string().max(4000).optional(),
    demand: z.string().max(2000).optional(),
  }),
  callerName: z.string().trim().max(50).optional(),
  callerPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{3,20}$/, 'digits, + or -')
    .optional(),
  contactKeys: z.array(z.string().max(200)).max(10).default([]),
  callEndedAt: z.string().datetime({ offset: true }).optional(),
});

const note = z.string().max(1000).optional();
const actionBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('answerDirectly'),
    answer: z.string().max(4000),
    basis: z.object({ kind: z.enum(['knowledge', 'law', 'policy']), reference: z.string().max(500) }),
  }),
  z.object({ type: z.literal('dispatch'), unitIds: z.array(z.number().int().positive()).min(1).max(10), note }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('reply'), reply: z.string().max(4000) }),
  z.object({ type: z.literal('return'), reason: z.string().max(1000) }),
  z.object({ type: z.literal('requestExtension'), until: z.string().datetime({ offset: true }), reason: z.string().max(1000) }),
  z.object({ type: z.literal('approveExtension'), note }),
  z.object({ type: z.literal('rejectExtension'), note: z.string().max(1000) }),
  z.object({ type: z.literal('callback'), satisfaction: z.enum(SATISFACTION), note }),
  z.object({ type: z.literal('redo'), reason: z.string().max(1000) }),
  z.object({ type: z.literal('close'), note: z.string().max(1000) }),
  z.object({ type: z.literal('remind'), note }),
  z.object({ type: z.literal('supervise'), note }),
  z.object({ type: z.literal('merge'), intoId: z.number().int().positive(), note }),
]);

/** Caller data as this viewer may see it: masked for roles not allowed, and for units not allowed. */
function callerFor(v: Viewer, o: VisibleOrder, row: { caller_name: string | null; caller_phone: string | null }) {
  return callerDataVisible(v, o)
    ? { callerName: row.caller_name, callerPhone: row.caller_phone }
    : { callerName: maskName(row.caller_name), callerPhone: maskPhone(row.caller_phone) };
}

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());
const OPEN = (status: string) => status !== 'closed' && status !== 'merged';

/** The order if the user may see it, else 404. */
export async function visibleOrder(ctx: AppContext, user: SessionUser, id: number) {
  const viewer = await viewerOf(ctx.db, user);
  const o = await loadOrder(ctx.db, id);
  if (!o || !canSee(viewer, o.visible)) throw notFound('work order');
  return { viewer, o };
}

export async function workOrderRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/work-orders',
    access: CREATE_ROLES,
    tags: TAGS,
    body: createBody,
    summary:
      'Register a work order (受理); urgent ones go to the shift leads on duty at once, else to the chosen unit and its head',
    handler: async ({ ctx, body, user, actor, reply }) => {
      const { category, alsoCategories, urgent, callerName, callerPhone, ...rest } = body;
      const created = await registerWorkOrder(ctx, user, actor, {
        ...rest,
        categories: [category, ...alsoCategories],
        priority: urgent ? 'urgent' : 'normal',
        caller: { name: callerName ?? null, phone: callerPhone ?? null },
      });
      reply.code(201);
      return created;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders',
    access: ACCESS,
    tags: TAGS,
    summary:
      'Work orders the caller may see, with filters (status list, category, unit, location, overdue, due soon, pending extension, registered late after the call) and Chinese full-text search',
    query: z.object({
      status: z
        .string()
        .max(200)
        .optional()
        .refine((s) => !s || s.split(',').every((x) => (STATUSES as readonly string[]).includes(x)), 'comma-separated statuses'),
      category: z.enum(CATEGORIES).optional(),
      unitId: z.coerce.number().int().positive().optional(),
      location: z.string().max(100).optional(),
      q: z.string().max(100).optional(),
      overdue: z.enum(['true', 'false']).optional(),
      dueWithinHours: z.coerce
        .number()
        .positive()
        .max(24 * 30)
        .optional(),
      extensionPending: z.enum(['true', 'false']).optional(),
      lateCompletion: z.enum(['true', 'false']).optional(),
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
      ...paging,
    }),
    handler: async ({ ctx, query, user }) => {
      const viewer = await viewerOf(ctx.db, user);
      const now = ctx.now();
      const { total, rows } = await listOrders(
        ctx.db,
        visibilityFilter(viewer),
        {
          ...query,
          status: query.status ? query.status.split(',') : undefined,
          overdue: query.overdue === 'true',
          extensionPending: query.extensionPending === 'true',
          completedLaterThanMs: query.lateCompletion === 'true' ? DEFAULT_COMPLETION_LIMIT_MS : undefined,
          dueBefore: query.dueWithinHours != null ? now + query.dueWithinHours * 3_600_000 : undefined,
          from: query.from ? Date.parse(query.from) : undefined,
          to: query.to ? Date.parse(query.to) : undefined,
        },
        now,
      );
      const ids = rows.map((r) => r.id);
      const units =
        ids.length === 0
          ? []
          : await ctx.db
              .selectFrom('work_order_dispatch')
              .innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
              .select([
                'work_order_dispatch.work_order_id',
                'work_order_dispatch.unit_id',
                'handling_unit.name',
                'work_order_dispatch.status',
                'work_order_dispatch.due_at',
                'work_order_dispatch.extension_status',
                'work_order_dispatch.extension_until',
              ])
              .where('work_order_dispatch.work_order_id', 'in', ids)
              .orderBy('work_order_dispatch.id')
              .execute();
      return {
        total,
        items: rows.map((r) => {
          const mine = units.filter((u) => u.work_order_id === r.id);
          return {
            id: r.id,
            number: r.number,
            title: r.title,
            category: r.category,
            channel: r.channel,
            status: r.status,
            urgent: r.urgent === 1,
            location: r.location,
            createdAt: iso(r.created_at),
            dueAt: iso(r.due_at),
            closedAt: iso(r.closed_at),
            overdue: r.due_at != null && r.due_at < now && OPEN(r.status),
            redoCount: r.redo_count,
            escalationLevel: r.escalation_level,
            supervised: r.supervised === 1,
            queue: r.assignee_queue,
            units: mine.map((u) => ({
              unitId: u.unit_id,
              unitName: u.name,
              status: u.status,
              dueAt: iso(u.due_at),
              extensionStatus: u.extension_status,
              extensionUntil: iso(u.extension_until),
            })),
            ...callerFor(viewer, visibleOrderOf(r, mine), r),
          };
        }),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders/knowledge',
    access: CREATE_ROLES,
    tags: TAGS,
    query: z.object({ q: z.string().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(10) }),
    summary:
      'Knowledge lookup for the entry form: answers given to closed consultations, with their basis (knowledge article, law or policy)',
    handler: async ({ ctx, query }) => ({
      items: (await searchAnswers(ctx.db, query.q, query.limit)).map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        answer: r.answer_text,
        basisKind: r.answer_basis_kind,
        basisReference: r.answer_basis_ref,
        closedAt: iso(r.closed_at),
      })),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/work-orders/escalations',
    access: SUPERVISORS,
    tags: TAGS,
    summary:
      'Escalate open overdue orders (general → major → center management), notifying each level; computed from stored deadlines',
    handler: async ({ ctx }) => escalateOverdue(ctx, await overdueOpenOrderIds(ctx.db, ctx.now(), 5000)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders/:id',
    access: ACCESS,
    tags: TAGS,
    params: idParams,
    summary:
      'One work order with each unit’s status, full history, linked calls, attachments and the actions the caller may take',
    handler: async ({ ctx, params, user }) => {
      const viewer = await viewerOf(ctx.db, user);
      const d = await orderDetail(ctx.db, params.id);
      if (!d || !canSee(viewer, d.visible)) throw notFound('work order');
      const o = d.row;
      const cal = await businessCalendar(ctx.db);
      const now = ctx.now();
      const unitName = new Map(d.dispatches.map((x) => [x.unit_id, x.unit_name]));
      // The survivor of a merge by its number, as people quote orders (ids are internal).
      const mergedInto =
        o.merged_into_id == null
          ? null
          : await ctx.db.selectFrom('work_order').select('number').where('id', '=', o.merged_into_id).executeTakeFirst();
      return {
        id: o.id,
        number: o.number,
        title: o.title,
        category: o.category,
        channel: o.channel,
        status: o.status,
        urgent: o.urgent === 1,
        priority: o.priority,
        location: o.location,
        content: JSON.parse(o.content_json),
        ...callerFor(viewer, d.visible, o),
        answer: o.answer_text,
        basis: o.answer_basis_ref ? { kind: o.answer_basis_kind, reference: o.answer_basis_ref } : null,
        createdAt: iso(o.created_at),
        callEndedAt: iso(o.call_ended_at),
        dueAt: iso(o.due_at),
        closedAt: iso(o.closed_at),
        remainingWorkingHours:
          OPEN(o.status) && o.due_at != null
            ? (o.due_at >= now ? workingMsBetween(cal, now, o.due_at) : -workingMsBetween(cal, o.due_at, now)) / 3_600_000
            : null,
        redoCount: o.redo_count,
        returnCount: o.return_count,
        reminderCount: o.reminder_count,
        supervised: o.supervised === 1,
        escalationLevel: o.escalation_level,
        satisfaction: o.satisfaction,
        mergedIntoId: o.merged_into_id,
        mergedIntoNumber: mergedInto?.number ?? null,
        queue: o.assignee_queue,
        firstOwnerUserId: o.first_owner_user_id,
        // 话后完成时限: registered within 15 minutes of the call's end (the seed center's rule).
        completedLate: o.call_ended_at != null ? completionTiming(o.call_ended_at, o.created_at).late : null,
        dispatches: d.dispatches.map((x) => ({
          id: x.id,
          unitId: x.unit_id,
          unitName: x.unit_name,
          status: x.status,
          dispatchedAt: iso(x.dispatched_at),
          acceptedAt: iso(x.accepted_at),
          startedAt: iso(x.started_at),
          repliedAt: iso(x.replied_at),
          reply: x.reply,
          returnedAt: iso(x.returned_at),
          returnReason: x.return_reason,
          dueAt: iso(x.due_at),
          extensionUntil: iso(x.extension_until),
          extensionStatus: x.extension_status,
          extensionReason: x.extension_reason,
        })),
        history: d.history.map((h) => {
          const data = h.data_json ? (JSON.parse(h.data_json) as { unitId?: number }) : {};
          return {
            id: h.id,
            at: iso(h.at),
            actor: h.actor,
            action: h.action,
            fromStatus: h.from_status,
            toStatus: h.to_status,
            note: h.note,
            unitName: data.unitId != null ? (unitName.get(data.unitId) ?? null) : null,
          };
        }),
        contacts: d.contacts,
        attachments: d.attachments.map((a) => ({ id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size_bytes })),
        actions: allowedActions(d.state, orderActor(user)),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders/:id/duplicates',
    access: SUPERVISORS,
    tags: TAGS,
    params: idParams,
    summary: 'Open orders of the same caller about the same matter (candidates to merge)',
    handler: async ({ ctx, params, user }) => {
      const { o } = await visibleOrder(ctx, user, params.id);
      const r = o.row;
      if (!r.caller_phone) return { items: [] };
      const digits = r.caller_phone.replace(/\D/g, '').slice(-8);
      const others = await ctx.db
        .selectFrom('work_order')
        .select(['id', 'number', 'title', 'caller_phone', 'content_json', 'created_at', 'status'])
        .where('caller_phone', 'like', `%${digits}`)
        .where('id', '!=', r.id)
        .where('status', 'not in', ['closed', 'merged'])
        .limit(200)
        .execute();
      const text = (x: { title: string; content_json: string }) =>
        `${x.title} ${Object.values(JSON.parse(x.content_json)).join(' ')}`;
      const found = duplicateCandidates(
        { id: r.id, callerPhone: r.caller_phone, text: text(r), createdAt: r.created_at },
        others.map((x) => ({ id: x.id, callerPhone: x.caller_phone, text: text(x), createdAt: x.created_at })),
      );
      return {
        items: found.map((f) => {
          const x = others.find((y) => y.id === f.id)!;
          return { id: x.id, number: x.number, title: x.title, status: x.status, similarity: f.similarity };
        }),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/work-orders/:id/actions',
    access: ACCESS,
    tags: TAGS,
    params: idParams,
    body: actionBody,
    summary:
      'Move an order along its flow: dispatch to units, accept, start, reply, return, extension request/decision, callback, redo, close, remind, supervise, merge',
    handler: async ({ ctx, params, body, user, actor }) => {
      return actOnOrder(ctx, user, actor, params.id, body);
    },
  });

  await workOrderAttachmentRoutes(app);
  await workOrderReportRoutes(app);
}
