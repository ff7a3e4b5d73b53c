import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { PERSONAL_DATA_ROLES, type Role } from '../../domain/auth/roles.ts';
import { addWorkingDays, addWorkingHours, workingMsBetween } from '../../domain/calendar/working-time.ts';
import { maskName, maskPhone } from '../../domain/privacy/mask.ts';
import { searchTokens } from '../../domain/text/segment.ts';
import { backlogAgeing, orderRates } from '../../domain/work-orders/order-metrics.ts';
import { DEFAULT_DEADLINES, escalationLevel, markUrgent, orderNumber, validateOrder } from '../../domain/work-orders/order-rules.ts';
import { type Action, applyAction, availableActions, CATEGORIES, CHANNELS, SATISFACTION, TransitionError } from '../../domain/work-orders/workflow.ts';
import { AttachmentRejected, attachmentRoot, readAttachment, saveAttachment } from '../../store/attachments.ts';
import { writeAudit } from '../../store/audit.ts';
import { notify, usersWithRole } from '../../store/notifications.ts';
import {
  businessCalendar, canSee, listOrders, nextSequence, type OrderViewer, orderDetail, stateOf, teamOfAgent,
} from '../../store/work-orders.ts';
import type { SessionUser } from '../context.ts';
import { HttpProblem, notFound, unprocessable } from '../problem.ts';
import { defineRoute, idParams, paging } from '../route.ts';

const TAGS = ['work-orders'];
const COMPLETION_LIMIT_MS = 15 * 60_000;
const ACCESS: Role[] = ['agent', 'team_lead', 'manager', 'admin', 'qa', 'unit_handler'];
const CREATE: Role[] = ['agent', 'team_lead', 'manager'];

const createBody = z.object({
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  urgent: z.boolean().default(false),
  title: z.string().trim().min(1).max(200),
  location: z.string().trim().max(200),
  content: z.object({ time: z.string().max(200).optional(), place: z.string().max(200).optional(), what: z.string().max(4000).optional(), demand: z.string().max(2000).optional() }),
  callerName: z.string().trim().max(50).optional(),
  callerPhone: z.string().trim().regex(/^[0-9+\- ]{3,20}$/, 'digits, + or -').optional(),
  contactKeys: z.array(z.string().max(200)).max(10).default([]),
  callEndedAt: z.string().datetime({ offset: true }).optional(),
});

const actionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), answer: z.string().max(4000), basis: z.string().max(500) }),
  z.object({ type: z.literal('dispatch'), unitIds: z.array(z.number().int().positive()).min(1).max(10), note: z.string().max(1000).optional() }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('reply'), reply: z.string().max(4000) }),
  z.object({ type: z.literal('return'), reason: z.string().max(1000) }),
  z.object({ type: z.literal('request_extension'), until: z.string().datetime({ offset: true }), reason: z.string().min(1).max(1000) }),
  z.object({ type: z.literal('decide_extension'), approve: z.boolean(), note: z.string().max(1000).optional() }),
  z.object({ type: z.literal('callback'), satisfaction: z.enum(SATISFACTION), note: z.string().max(1000).optional() }),
  z.object({ type: z.literal('close'), note: z.string().max(1000) }),
  z.object({ type: z.literal('remind'), note: z.string().max(1000).optional() }),
  z.object({ type: z.literal('supervise'), note: z.string().max(1000).optional() }),
  z.object({ type: z.literal('merge'), intoId: z.number().int().positive(), note: z.string().max(1000).optional() }),
]);

async function viewerOf(ctxDb: Parameters<typeof teamOfAgent>[0], user: SessionUser): Promise<OrderViewer> {
  return { roles: user.roles, agentId: user.agentId, unitId: user.unitId, teamId: await teamOfAgent(ctxDb, user.agentId) };
}

/** Caller data as this viewer may see it: masked for roles not allowed, and for units not allowed. */
function callerFor(user: SessionUser, row: { caller_name: string | null; caller_phone: string | null }, unitAllowed: boolean) {
  const allowed = user.roles.some((r) => PERSONAL_DATA_ROLES.includes(r)) || (user.roles.includes('unit_handler') && unitAllowed);
  return allowed ? { callerName: row.caller_name, callerPhone: row.caller_phone } : { callerName: maskName(row.caller_name), callerPhone: maskPhone(row.caller_phone) };
}

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export async function workOrderRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST', url: '/api/v1/work-orders', access: CREATE, tags: TAGS, body: createBody,
    summary: 'Register a work order (受理); urgent ones go to the shift leads at once',
    handler: async ({ ctx, body, user, actor, reply }) => {
      const issues = validateOrder({ title: body.title, location: body.location, category: body.category, content: body.content });
      if (issues.length > 0) throw unprocessable('the order is incomplete', issues.map((i) => ({ path: `body.${i.path}`, message: i.message })));
      const cal = await businessCalendar(ctx.db);
      const now = ctx.now();
      const title = markUrgent(body.title, body.urgent);
      return ctx.db.transaction().execute(async (tx) => {
        const day = DateTime.fromMillis(now, { zone: cal.timeZone }).toISODate() ?? '';
        const number = orderNumber(day, await nextSequence(tx, day.replaceAll('-', '')));
        const teamId = await teamOfAgent(tx, user.agentId);
        const text = ` ${searchTokens(`${title} ${body.location} ${Object.values(body.content).join(' ')}`).join(' ')} `;
        const { id } = await tx.insertInto('work_order').values({
          number, channel: body.channel, category: body.category, priority: body.urgent ? 'urgent' : 'normal', urgent: body.urgent ? 1 : 0,
          status: 'registered', title, content_json: JSON.stringify(body.content), location: body.location,
          caller_name: body.callerName ?? null, caller_phone: body.callerPhone ?? null, first_owner_user_id: user.id,
          first_owner_agent_id: user.agentId, team_id: teamId, assignee_queue: body.urgent ? 'shift_lead' : null, created_at: now,
          call_ended_at: body.callEndedAt ? Date.parse(body.callEndedAt) : null, due_at: null, closed_at: null, satisfaction: null,
          merged_into_id: null, search_text: text,
        }).returning('id').executeTakeFirstOrThrow();
        if (body.contactKeys.length > 0) await tx.insertInto('work_order_contact').values(body.contactKeys.map((k) => ({ work_order_id: id, contact_key: k }))).execute();
        await tx.insertInto('work_order_history').values({ work_order_id: id, at: now, actor_user_id: user.id, actor: actor.name, action: 'register', from_status: null, to_status: 'registered', note: null, data_json: null }).execute();
        if (body.urgent) {
          // 急件 go to the shift leads' queue at once; every team lead is notified (who is on duty comes with schedules).
          const leads = await usersWithRole(tx, 'team_lead');
          await notify(tx, leads.map((u) => ({ userId: u, kind: 'urgent_order', text: `急件 ${number}：${title}`, link: `/work-orders/${id}` })), now);
        }
        await writeAudit(tx, actor, { action: 'create', entity: 'work_order', entityId: id, after: { number, title, category: body.category } }, now);
        reply.code(201);
        return { id, number, status: 'registered' };
      });
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/work-orders', access: ACCESS, tags: TAGS,
    summary: 'Work orders the caller may see, with filters and Chinese full-text search',
    query: z.object({
      status: z.string().max(30).optional(), category: z.enum(CATEGORIES).optional(), unitId: z.coerce.number().int().positive().optional(),
      location: z.string().max(100).optional(), q: z.string().max(100).optional(), overdue: z.enum(['true', 'false']).optional(),
      dueWithinHours: z.coerce.number().positive().max(24 * 30).optional(),
      from: z.string().datetime({ offset: true }).optional(), to: z.string().datetime({ offset: true }).optional(), ...paging,
    }),
    handler: async ({ ctx, query, user }) => {
      const viewer = await viewerOf(ctx.db, user);
      const { total, rows } = await listOrders(ctx.db, viewer, {
        ...query, overdue: query.overdue === 'true', from: query.from ? Date.parse(query.from) : undefined, to: query.to ? Date.parse(query.to) : undefined,
      }, ctx.now());
      const now = ctx.now();
      return {
        total,
        items: rows.map((r) => ({
          id: r.id, number: r.number, title: r.title, category: r.category, channel: r.channel, status: r.status, urgent: r.urgent === 1,
          location: r.location, createdAt: iso(r.created_at), dueAt: iso(r.due_at), closedAt: iso(r.closed_at),
          overdue: r.due_at != null && r.due_at < now && r.status !== 'closed' && r.status !== 'merged',
          redoCount: r.redo_count, escalationLevel: r.escalation_level, supervised: r.supervised === 1,
          ...callerFor(user, r, false),
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/work-orders/:id', access: ACCESS, tags: TAGS, params: idParams,
    summary: 'One work order with its dispatches, full history, linked calls and attachments',
    handler: async ({ ctx, params, user }) => {
      const d = await orderDetail(ctx.db, params.id);
      if (!d || !(await canSee(ctx.db, await viewerOf(ctx.db, user), d.order))) throw notFound('work order');
      const unitAllowed = d.dispatches.some((x) => x.unit_id === user.unitId && x.can_see_personal_data === 1);
      const o = d.order;
      const cal = await businessCalendar(ctx.db);
      const now = ctx.now();
      const open = o.status !== 'closed' && o.status !== 'merged';
      return {
        id: o.id, number: o.number, title: o.title, category: o.category, channel: o.channel, status: o.status, urgent: o.urgent === 1,
        location: o.location, content: JSON.parse(o.content_json), ...callerFor(user, o, unitAllowed),
        createdAt: iso(o.created_at), callEndedAt: iso(o.call_ended_at), dueAt: iso(o.due_at), closedAt: iso(o.closed_at),
        remainingWorkingHours: open && o.due_at != null ? workingMsBetween(cal, now, o.due_at) / 3_600_000 : null,
        redoCount: o.redo_count, returnCount: o.return_count, reminderCount: o.reminder_count, supervised: o.supervised === 1,
        escalationLevel: o.escalation_level, satisfaction: o.satisfaction, mergedIntoId: o.merged_into_id,
        firstOwnerAgentId: o.first_owner_agent_id,
        // The seed center's rule: the order is completed within 15 minutes of the call's end.
        completedLate: o.call_ended_at != null ? o.created_at - o.call_ended_at > COMPLETION_LIMIT_MS : null,
        dispatches: d.dispatches.map((x) => ({
          id: x.id, unitId: x.unit_id, unitName: x.unit_name, status: x.status, dispatchedAt: iso(x.dispatched_at), acceptedAt: iso(x.accepted_at),
          repliedAt: iso(x.replied_at), reply: x.reply, dueAt: iso(x.due_at), extensionUntil: iso(x.extension_until), extensionStatus: x.extension_status,
        })),
        history: d.history.map((h) => ({ at: iso(h.at), actor: h.actor, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, note: h.note })),
        contacts: d.contacts,
        attachments: d.attachments.map((a) => ({ id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size_bytes })),
        actions: availableActions(o.status as never, user.roles),
      };
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/work-orders/:id/actions', access: ACCESS, tags: TAGS, params: idParams, body: actionBody,
    summary: 'Move an order along its flow (dispatch, accept, reply, return, callback, extension, remind, supervise, merge …)',
    handler: async ({ ctx, params, body, user, actor }) => {
      const viewer = await viewerOf(ctx.db, user);
      const cal = await businessCalendar(ctx.db);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (tx) => {
        const o = await tx.selectFrom('work_order').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!o || !(await canSee(tx, viewer, o))) throw notFound('work order');
        // A unit acts on its own dispatch only.
        const mine = user.unitId == null ? undefined
          : await tx.selectFrom('work_order_dispatch').selectAll().where('work_order_id', '=', o.id).where('unit_id', '=', user.unitId).orderBy('id', 'desc').executeTakeFirst();
        const anyDispatch = await tx.selectFrom('work_order_dispatch').selectAll().where('work_order_id', '=', o.id).orderBy('id', 'desc').executeTakeFirst();
        const action: Action = body.type === 'request_extension' ? { ...body, until: Date.parse(body.until) } : (body as Action);
        let next;
        try {
          next = applyAction(stateOf(o, mine ?? anyDispatch), action, user.roles);
        } catch (err) {
          if (err instanceof TransitionError) {
            throw err.code === 'role' ? new HttpProblem(403, 'Forbidden', err.message) : new HttpProblem(409, 'Conflict', err.message, [{ path: 'body.type', message: err.message }]);
          }
          throw err;
        }
        const set: Record<string, unknown> = {
          status: next.status, redo_count: next.redoCount, return_count: next.returnCount, reminder_count: next.reminderCount,
          supervised: next.supervised ? 1 : 0, version: o.version + 1,
        };
        let note: string | null = 'note' in body ? (body.note ?? null) : null;
        switch (body.type) {
          case 'answer':
            set.closed_at = now;
            set.content_json = JSON.stringify({ ...JSON.parse(o.content_json), answer: body.answer, basis: body.basis });
            break;
          case 'dispatch': {
            const units = await tx.selectFrom('handling_unit').select('id').where('id', 'in', body.unitIds).execute();
            if (units.length !== new Set(body.unitIds).size) throw unprocessable('unknown handling unit', [{ path: 'body.unitIds', message: 'unknown handling unit' }]);
            const due = o.urgent === 1 ? addWorkingHours(cal, now, DEFAULT_DEADLINES.urgentWorkingHours) : addWorkingDays(cal, now, DEFAULT_DEADLINES.workingDays[o.category as keyof typeof DEFAULT_DEADLINES.workingDays]);
            await tx.insertInto('work_order_dispatch').values(body.unitIds.map((unitId) => ({
              work_order_id: o.id, unit_id: unitId, status: 'dispatched', dispatched_at: now, accepted_at: null, replied_at: null, reply: null,
              due_at: due, extension_until: null, extension_status: null, extension_reason: null,
            }))).execute();
            set.due_at = due;
            set.assignee_queue = null;
            break;
          }
          case 'accept':
          case 'start':
          case 'reply':
          case 'return':
            if (!mine) throw new HttpProblem(403, 'Forbidden', 'this order is not dispatched to your unit');
            await tx.updateTable('work_order_dispatch').set({
              status: next.status, accepted_at: body.type === 'accept' ? now : mine.accepted_at,
              replied_at: body.type === 'reply' ? now : mine.replied_at, reply: body.type === 'reply' ? body.reply : mine.reply,
            }).where('id', '=', mine.id).execute();
            if (body.type === 'reply') note = body.reply;
            if (body.type === 'return') note = body.reason;
            break;
          case 'request_extension':
            if (!mine) throw new HttpProblem(403, 'Forbidden', 'this order is not dispatched to your unit');
            await tx.updateTable('work_order_dispatch').set({ extension_until: Date.parse(body.until), extension_status: 'pending', extension_reason: body.reason }).where('id', '=', mine.id).execute();
            note = body.reason;
            break;
          case 'decide_extension': {
            const d = anyDispatch!;
            await tx.updateTable('work_order_dispatch').set({ extension_status: body.approve ? 'approved' : 'rejected', due_at: body.approve ? d.extension_until : d.due_at }).where('id', '=', d.id).execute();
            if (body.approve && d.extension_until) set.due_at = d.extension_until;
            break;
          }
          case 'callback':
            set.satisfaction = body.satisfaction;
            if (next.status === 'closed') set.closed_at = now;
            else {
              // 重办: back to the same units, with a fresh deadline.
              const due = addWorkingDays(cal, now, DEFAULT_DEADLINES.workingDays[o.category as keyof typeof DEFAULT_DEADLINES.workingDays]);
              await tx.updateTable('work_order_dispatch').set({ status: 'dispatched', accepted_at: null, replied_at: null, due_at: due }).where('work_order_id', '=', o.id).execute();
              set.due_at = due;
            }
            break;
          case 'close':
            set.closed_at = now;
            break;
          case 'merge': {
            const target = await tx.selectFrom('work_order').select(['id', 'status']).where('id', '=', body.intoId).executeTakeFirst();
            if (!target || target.id === o.id || target.status === 'merged') throw unprocessable('cannot merge into that order', [{ path: 'body.intoId', message: 'not an open order' }]);
            set.merged_into_id = body.intoId;
            await tx.insertInto('work_order_history').values({ work_order_id: body.intoId, at: now, actor_user_id: user.id, actor: actor.name, action: 'merged_from', from_status: null, to_status: null, note: `合并工单 ${o.number}`, data_json: JSON.stringify({ from: o.id }) }).execute();
            break;
          }
          default:
            break;
        }
        const overdueMs = set.due_at ?? o.due_at;
        set.escalation_level = escalationLevel({ overdueMs: overdueMs != null && next.status !== 'closed' ? Math.max(0, workingMsBetween(cal, overdueMs as number, now)) : 0, redoCount: next.redoCount });
        if (set.escalation_level !== o.escalation_level && next.status !== 'closed') {
          // Escalation notifies the people of the new level: team leads for 重大, managers for 中心督办.
          const role = set.escalation_level === 'center' ? 'manager' : 'team_lead';
          const people = await usersWithRole(tx, role);
          await notify(tx, people.map((u) => ({ userId: u, kind: 'escalation', text: `工单 ${o.number} 升级为${set.escalation_level === 'center' ? '中心督办' : '重大'}`, link: `/work-orders/${o.id}` })), now);
        }
        // Optimistic check: the row must be the one read, so two people acting at once cannot both win.
        const res = await tx.updateTable('work_order').set(set).where('id', '=', o.id).where('version', '=', o.version).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new HttpProblem(409, 'Conflict', 'the order changed meanwhile; reload and try again');
        await tx.insertInto('work_order_history').values({
          work_order_id: o.id, at: now, actor_user_id: user.id, actor: actor.name, action: body.type, from_status: o.status, to_status: next.status,
          note, data_json: JSON.stringify(body),
        }).execute();
        await writeAudit(tx, actor, { action: body.type, entity: 'work_order', entityId: o.id, before: { status: o.status }, after: { status: next.status } }, now);
        if (o.first_owner_user_id != null && o.first_owner_user_id !== user.id) {
          // 首问负责: the first owner follows the order to the end.
          await notify(tx, [{ userId: o.first_owner_user_id, kind: 'order_progress', text: `工单 ${o.number}：${body.type} → ${next.status}`, link: `/work-orders/${o.id}` }], now);
        }
        return { id: o.id, status: next.status, dueAt: iso((set.due_at as number | undefined) ?? o.due_at), redoCount: next.redoCount };
      });
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/work-orders/:id/attachments', access: ACCESS, tags: TAGS, params: idParams,
    summary: 'Attach an image or document (PNG, JPEG, PDF, docx/xlsx; ≤ 10 MiB), stored outside the database',
    body: z.object({ fileName: z.string().trim().min(1).max(200), base64: z.string().min(1).max(14_500_000) }),
    bodyLimit: 15 * 1024 * 1024,
    handler: async ({ ctx, params, body, user, actor, reply }) => {
      const o = await ctx.db.selectFrom('work_order').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!o || !(await canSee(ctx.db, await viewerOf(ctx.db, user), o))) throw notFound('work order');
      let saved;
      try {
        saved = await saveAttachment(attachmentRoot(), Buffer.from(body.base64, 'base64'));
      } catch (err) {
        if (err instanceof AttachmentRejected) throw unprocessable(err.message, [{ path: 'body.base64', message: err.message }]);
        throw err;
      }
      const now = ctx.now();
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx.insertInto('work_order_attachment').values({
          work_order_id: o.id, file_name: body.fileName, mime_type: saved.mimeType, size_bytes: saved.size, sha256: saved.sha256,
          storage_path: saved.storagePath, uploaded_by: actor.name, uploaded_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('work_order_history').values({ work_order_id: o.id, at: now, actor_user_id: user.id, actor: actor.name, action: 'attach', from_status: null, to_status: null, note: body.fileName, data_json: null }).execute();
        await writeAudit(tx, actor, { action: 'attach', entity: 'work_order', entityId: o.id, after: { fileName: body.fileName, sha256: saved.sha256 } }, now);
        reply.code(201);
        return { id, fileName: body.fileName, mimeType: saved.mimeType, size: saved.size };
      });
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/work-orders/:id/attachments/:attachmentId', access: ACCESS, tags: TAGS,
    params: z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
    summary: 'Download an attachment of an order the caller may see',
    handler: async ({ ctx, params, user, reply }) => {
      const o = await ctx.db.selectFrom('work_order').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!o || !(await canSee(ctx.db, await viewerOf(ctx.db, user), o))) throw notFound('work order');
      const a = await ctx.db.selectFrom('work_order_attachment').selectAll().where('id', '=', params.attachmentId).where('work_order_id', '=', o.id).executeTakeFirst();
      if (!a) throw notFound('attachment');
      const bytes = await readAttachment(attachmentRoot(), a.storage_path);
      // Served as a download with the type we detected, never rendered inline as the client named it.
      return reply
        .header('content-type', a.mime_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/work-orders/reports/summary', access: ['manager', 'team_lead', 'admin', 'qa'], tags: TAGS,
    summary: 'On-time closure, closed first time, satisfaction, return and redo rates, backlog ageing, volume by category and unit',
    query: z.object({ from: z.string().datetime({ offset: true }), to: z.string().datetime({ offset: true }) }),
    handler: async ({ ctx, query }) => {
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      const rows = await ctx.db.selectFrom('work_order').selectAll().where('created_at', '>=', from).where('created_at', '<', to).execute();
      const dispatched = new Set((await ctx.db.selectFrom('work_order_dispatch').select('work_order_id').distinct().execute()).map((r) => r.work_order_id));
      const facts = rows.map((r) => ({
        status: r.status, dispatched: dispatched.has(r.id), dueAt: r.due_at, closedAt: r.closed_at, returnCount: r.return_count,
        redoCount: r.redo_count, satisfaction: r.satisfaction, createdAt: r.created_at,
      }));
      const byCategory: Record<string, number> = {};
      for (const r of rows) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
      const byUnit = await ctx.db.selectFrom('work_order_dispatch').innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
        .innerJoin('work_order', 'work_order.id', 'work_order_dispatch.work_order_id')
        .select(['handling_unit.name', (eb) => eb.fn.countAll<number>().as('n')])
        .where('work_order.created_at', '>=', from).where('work_order.created_at', '<', to).groupBy('handling_unit.name').execute();
      return { rates: orderRates(facts), backlog: backlogAgeing(facts, ctx.now()), byCategory, byUnit: byUnit.map((u) => ({ unit: u.name, count: Number(u.n) })) };
    },
  });
}
