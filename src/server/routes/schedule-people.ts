import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { awardBids } from '../../domain/schedule/bids.ts';
import { type ChangeCheck, checkChange, type ScheduleChange } from '../../domain/schedule/requests.ts';
import type { Violation } from '../../domain/schedule/rules-check.ts';
import type { Db } from '../../store/audit.ts';
import { writeAudit } from '../../store/audit.ts';
import { notify, usersWithRole } from '../../store/notifications.ts';
import {
  type JoinedPart,
  type LoadedSchedule,
  loadJoined,
  loadSchedule,
  notifyAgents,
  pointsBalances,
  publishedScheduleOn,
  saveRosterChange,
  scheduleAgents,
  splitRoster,
} from '../../store/schedule-people.ts';
import { conflict, HttpProblem, notFound } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';

const PLAN: Role[] = ['planner', 'manager', 'admin'];
const DECIDE: Role[] = ['planner', 'manager'];
const AGENT: Role[] = ['agent', 'team_lead'];
const TAGS = ['schedules'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const requireAgent = (agentId: number | null): number => {
  if (agentId == null) throw new HttpProblem(400, 'Bad Request', 'this user is not linked to an agent');
  return agentId;
};

export const violationProblems = (vs: readonly Violation[]) =>
  vs.map((v) => ({ path: v.rule, message: `${v.agent}: ${v.detail}` }));

interface RequestRow {
  kind: string;
  agent_id: number;
  date: string;
  with_agent_id: number | null;
  with_date: string | null;
}

/** A request as a change of the published schedule covering its date, checked with the labour rules; null without one. */
async function checkRequest(
  db: Db,
  r: RequestRow,
  cache = new Map<number, Promise<LoadedSchedule | null>>(),
): Promise<{ s: LoadedSchedule; check: ChangeCheck; parts?: JoinedPart[] } | null> {
  const id = await publishedScheduleOn(db, r.date);
  if (id && !cache.has(id)) cache.set(id, loadSchedule(db, id));
  const s = id ? await cache.get(id)! : null;
  if (!s) return null;
  const agent = s.noOf.get(r.agent_id) ?? '';
  const dayIndex = s.dates.indexOf(r.date);
  const change: ScheduleChange =
    r.kind === 'swap'
      ? {
          kind: 'swap',
          agent,
          dayIndex,
          withAgent: s.noOf.get(r.with_agent_id ?? 0) ?? '',
          withDay: r.with_date ? s.dates.indexOf(r.with_date) : undefined,
        }
      : { kind: r.kind as 'leave' | 'day_off', agent, dayIndex };
  if (change.kind === 'swap' && change.withDay === -1 && r.with_date) {
    // The colleague's day is in another published schedule: both as one period, checked across them.
    const other = await publishedScheduleOn(db, r.with_date);
    const j = other && other !== id ? await loadJoined(db, [id!, other]) : null;
    if (j) {
      const at = (d: string) => j.joined.dates.indexOf(d);
      const joined: ScheduleChange = { ...change, dayIndex: at(r.date), withDay: at(r.with_date) };
      return {
        s: j.joined,
        parts: j.parts,
        check: checkChange(j.joined.roster, j.joined.agents, j.joined.rules, joined, j.joined.ctx),
      };
    }
  }
  if (change.kind === 'swap' && change.withDay === -1)
    return {
      s,
      check: {
        eligible: false,
        violations: [
          {
            agent: change.withAgent,
            rule: 'one_shift_a_day',
            detail: "the colleague's day is in no published schedule that can be checked with this one",
          },
        ],
        roster: s.roster,
        agents: s.agents,
      },
    };
  return { s, check: checkChange(s.roster, s.agents, s.rules, change, s.ctx) };
}

const shownCheck = (c: { check: ChangeCheck } | null) =>
  c ? { eligible: c.check.eligible, violations: c.check.violations } : { eligible: true, violations: [] };

export async function schedulePeopleRoutes(app: FastifyInstance) {
  // ── Requests: leave, day off, swaps ─────────────────────────────────────────────
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedule-requests',
    access: AGENT,
    tags: TAGS,
    summary:
      'Request leave, a day off, or a shift swap with a colleague (换班; 替班 without withDate); checked with the labour rules at once',
    body: z.object({
      kind: z.enum(['leave', 'day_off', 'swap']),
      date,
      withAgent: z.string().trim().max(40).optional(),
      withDate: date.optional(),
      note: z.string().trim().max(500).optional(),
    }),
    handler: async ({ ctx, body, user, actor, reply }) => {
      const me = requireAgent(user.agentId);
      let withId: number | null = null;
      if (body.kind === 'swap') {
        const other = body.withAgent
          ? await ctx.db
              .selectFrom('agent')
              .select('id')
              .where('employee_no', '=', body.withAgent)
              .where('status', '=', 'active')
              .executeTakeFirst()
          : undefined;
        if (!other || other.id === me)
          throw new HttpProblem(400, 'Bad Request', 'a swap needs a colleague', [
            { path: 'body.withAgent', message: 'unknown colleague' },
          ]);
        withId = other.id;
        if (!(await publishedScheduleOn(ctx.db, body.date))) throw conflict('no published schedule on this date');
      }
      const row = {
        kind: body.kind,
        agent_id: me,
        date: body.date,
        with_agent_id: withId,
        with_date: body.kind === 'swap' ? (body.withDate ?? null) : null,
      };
      const check = shownCheck(await checkRequest(ctx.db, row));
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('schedule_request')
          .values({
            ...row,
            status: 'pending',
            note: body.note ?? null,
            decided_by: null,
            created_at: ctx.now(),
            decided_at: null,
            check_json: JSON.stringify(check),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          { action: 'create', entity: 'schedule_request', entityId: id, after: { ...row, check } },
          ctx.now(),
        );
        await notify(
          tx,
          (await usersWithRole(tx, 'planner')).map((userId) => ({
            userId,
            kind: 'schedule',
            text: `新的排班申请（${body.date}）`,
            link: '/schedule/requests',
          })),
          ctx.now(),
        );
        reply.code(201);
        return { id, status: 'pending', check };
      });
    },
  });

  const listRequests = async (db: Db, filter: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    const rows = await filter(base(db)).orderBy('schedule_request.created_at', 'desc').limit(200).execute();
    const names = new Map(
      (await db.selectFrom('agent').select(['id', 'employee_no', 'name']).execute()).map((a) => [
        a.id,
        `${a.employee_no} ${a.name}`,
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      agent: names.get(r.agent_id) ?? '',
      date: r.date,
      withAgent: r.with_agent_id ? (names.get(r.with_agent_id) ?? '') : null,
      withDate: r.with_date,
      status: r.status,
      note: r.note,
      reason: r.decision_reason,
      decidedBy: r.decided_by,
      createdAt: new Date(r.created_at).toISOString(),
      check: r.check_json ? (JSON.parse(r.check_json) as { eligible: boolean; violations: Violation[] }) : null,
    }));
  };
  const base = (db: Db) => db.selectFrom('schedule_request').selectAll();

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedule-requests/mine',
    access: AGENT,
    tags: TAGS,
    summary: "The signed-in agent's requests and swaps asked of them, with status and the planner's reason",
    handler: async ({ ctx, user }) => {
      if (user.agentId == null) return { items: [] };
      const me = user.agentId;
      return {
        items: await listRequests(ctx.db, (q) => q.where((eb) => eb.or([eb('agent_id', '=', me), eb('with_agent_id', '=', me)]))),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedule-requests',
    access: PLAN,
    tags: TAGS,
    summary: 'Requests for the planner; pending ones re-checked against the published schedule now',
    query: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() }),
    handler: async ({ ctx, query }) => {
      const items = await listRequests(ctx.db, (q) => (query.status ? q.where('status', '=', query.status) : q));
      const raw = new Map((await base(ctx.db).where('status', '=', 'pending').execute()).map((r) => [r.id, r]));
      const loaded = new Map<number, Promise<LoadedSchedule | null>>();
      for (const it of items)
        if (it.status === 'pending' && raw.has(it.id)) it.check = shownCheck(await checkRequest(ctx.db, raw.get(it.id)!, loaded));
      return { items };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedule-requests/:id/decision',
    access: DECIDE,
    tags: TAGS,
    params: idParams,
    summary:
      'Approve (refused with the broken rules when the change would break one) or reject with a reason; the published schedule changes and the agents are notified',
    body: z.object({ approve: z.boolean(), reason: z.string().trim().max(500).optional() }),
    handler: async ({ ctx, params, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const r = await base(tx).where('id', '=', params.id).executeTakeFirst();
        if (!r) throw notFound('request');
        if (r.status !== 'pending') throw conflict(`already ${r.status}`);
        const involved = [r.agent_id, ...(r.with_agent_id ? [r.with_agent_id] : [])];
        const label = { leave: '请假', day_off: '调休', swap: '换班' }[r.kind] ?? r.kind;
        if (!body.approve) {
          await tx
            .updateTable('schedule_request')
            .set({ status: 'rejected', decided_by: actor.name, decided_at: ctx.now(), decision_reason: body.reason ?? null })
            .where('id', '=', r.id)
            .execute();
          await notifyAgents(
            tx,
            [r.agent_id],
            `${label}申请（${r.date}）未获批准${body.reason ? `：${body.reason}` : ''}`,
            ctx.now(),
          );
          await writeAudit(
            tx,
            actor,
            { action: 'reject', entity: 'schedule_request', entityId: r.id, after: { reason: body.reason ?? null } },
            ctx.now(),
          );
          return { id: r.id, status: 'rejected' };
        }
        const c = await checkRequest(tx, r);
        if (c && !c.check.eligible)
          throw new HttpProblem(
            409,
            'Conflict',
            'the change would break the labour rules',
            violationProblems(c.check.violations),
          );
        if (r.kind === 'swap' && !c) throw conflict('no published schedule on this date');
        const save = {
          locked: true,
          text: `排班变更（${label}，${r.date}${r.with_date && r.with_date !== r.date ? ` / ${r.with_date}` : ''}）已生效`,
          at: ctx.now(),
        };
        const touched = new Set<string>();
        // A swap across two schedules stores each one's part of the changed roster.
        for (const p of c ? (c.parts ?? [{ s: c.s, offset: 0 }]) : [])
          for (const a of await saveRosterChange(tx, p.s, c!.parts ? splitRoster(c!.check.roster, p) : c!.check.roster, save))
            touched.add(a);
        const changed = [...touched];
        await tx
          .updateTable('schedule_request')
          .set({
            status: 'approved',
            decided_by: actor.name,
            decided_at: ctx.now(),
            decision_reason: body.reason ?? null,
            check_json: JSON.stringify(shownCheck(c)),
          })
          .where('id', '=', r.id)
          .execute();
        const unchanged = involved.filter((a) => !changed.includes(c?.s.noOf.get(a) ?? ''));
        await notifyAgents(tx, unchanged, `${label}申请（${r.date}）已批准`, ctx.now());
        await writeAudit(
          tx,
          actor,
          { action: 'approve', entity: 'schedule_request', entityId: r.id, after: { changed } },
          ctx.now(),
        );
        return { id: r.id, status: 'approved', changed };
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedule-requests/colleagues',
    access: AGENT,
    tags: TAGS,
    summary:
      'Colleagues sharing a skill with the signed-in agent, with their shift on a date in the published schedule (for a swap)',
    query: z.object({ date }),
    handler: async ({ ctx, user, query }) => {
      if (user.agentId == null) return { items: [] };
      const me = user.agentId;
      const mySkills = (await ctx.db.selectFrom('agent_skill').select('skill_group_id').where('agent_id', '=', me).execute()).map(
        (s) => s.skill_group_id,
      );
      if (mySkills.length === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('agent')
        .innerJoin('agent_skill', 'agent_skill.agent_id', 'agent.id')
        .leftJoin('team', 'team.id', 'agent.team_id')
        .select(['agent.id', 'agent.employee_no', 'agent.name', 'team.name as team'])
        .distinct()
        .where('agent.status', '=', 'active')
        .where('agent.id', '!=', me)
        .where('agent_skill.skill_group_id', 'in', mySkills)
        .orderBy('agent.employee_no')
        .execute();
      const sid = await publishedScheduleOn(ctx.db, query.date);
      const shifts = sid
        ? await ctx.db
            .selectFrom('schedule_assignment')
            .select(['agent_id', 'shift'])
            .where('schedule_id', '=', sid)
            .where('date', '=', query.date)
            .execute()
        : [];
      const on = new Map(shifts.map((s) => [s.agent_id, s.shift]));
      return { items: rows.map((a) => ({ agent: a.employee_no, name: a.name, team: a.team, shift: on.get(a.id) ?? null })) };
    },
  });

  // ── Points (排班积分) ─────────────────────────────────────────────────────────────
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedule-points/mine',
    access: AGENT,
    tags: TAGS,
    summary: "The signed-in agent's points balance and ledger",
    handler: async ({ ctx, user }) => {
      if (user.agentId == null) return { balance: 0, items: [] };
      const me = user.agentId;
      const rows = await ctx.db
        .selectFrom('points_ledger')
        .selectAll()
        .where('agent_id', '=', me)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return {
        balance: rows.reduce((n, r) => n + r.delta, 0),
        items: rows.map((r) => ({ at: new Date(r.at).toISOString(), delta: r.delta, reason: r.reason, ref: r.ref })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedule-points',
    access: PLAN,
    tags: TAGS,
    summary: 'Points rules (configured behaviours) and every agent’s balance',
    handler: async ({ ctx }) => {
      const rules = await ctx.db.selectFrom('points_rule').select(['code', 'name', 'points']).orderBy('id').execute();
      const bal = await pointsBalances(ctx.db);
      const agents = await ctx.db
        .selectFrom('agent')
        .select(['id', 'employee_no', 'name', 'hire_date'])
        .where('status', '=', 'active')
        .orderBy('employee_no')
        .execute();
      return {
        rules,
        items: agents.map((a) => ({ agent: a.employee_no, name: a.name, hireDate: a.hire_date, balance: bal.get(a.id) ?? 0 })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedule-points',
    access: DECIDE,
    tags: TAGS,
    summary: 'Credit points to agents for a configured behaviour (audited, agents notified)',
    body: z.object({
      agents: z.array(z.string().trim().min(1)).min(1).max(500),
      rule: z.string().trim().min(1),
      ref: z.string().trim().max(100).optional(),
    }),
    handler: async ({ ctx, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const rule = await tx.selectFrom('points_rule').selectAll().where('code', '=', body.rule).executeTakeFirst();
        if (!rule) throw new HttpProblem(400, 'Bad Request', 'unknown points rule', [{ path: 'body.rule', message: 'unknown' }]);
        const agents = await tx
          .selectFrom('agent')
          .select(['id', 'employee_no'])
          .where('employee_no', 'in', body.agents)
          .execute();
        if (agents.length !== new Set(body.agents).size)
          throw new HttpProblem(400, 'Bad Request', 'unknown agent', [{ path: 'body.agents', message: 'unknown agent' }]);
        await tx
          .insertInto('points_ledger')
          .values(
            agents.map((a) => ({ agent_id: a.id, at: ctx.now(), delta: rule.points, reason: rule.name, ref: body.ref ?? null })),
          )
          .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'credit',
            entity: 'points_ledger',
            entityId: null,
            after: { rule: rule.code, points: rule.points, agents: body.agents },
          },
          ctx.now(),
        );
        await notifyAgents(
          tx,
          agents.map((a) => a.id),
          `排班积分 +${rule.points}（${rule.name}）`,
          ctx.now(),
          '/schedule/mine',
        );
        return { credited: agents.length, points: rule.points };
      }),
  });

  // ── Bidding (竞投) ───────────────────────────────────────────────────────────────
  const targetsOf = (json: string) => JSON.parse(json) as { target: string; capacity: number }[];

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/bid-rounds',
    access: [...AGENT, ...PLAN],
    tags: TAGS,
    summary: 'Bid rounds; agents see their own bids, everyone the results of published rounds, planners every bid',
    handler: async ({ ctx, user }) => {
      const planner = user.roles.some((r) => PLAN.includes(r));
      const rounds = await ctx.db.selectFrom('bid_round').selectAll().orderBy('created_at', 'desc').limit(50).execute();
      const bids = rounds.length
        ? await ctx.db
            .selectFrom('bid')
            .innerJoin('agent', 'agent.id', 'bid.agent_id')
            .select([
              'bid.id',
              'bid.round',
              'bid.agent_id',
              'agent.employee_no',
              'agent.name',
              'agent.hire_date',
              'bid.target',
              'bid.points',
              'bid.status',
              'bid.created_at',
            ])
            .where(
              'bid.round',
              'in',
              rounds.map((r) => String(r.id)),
            )
            .orderBy('bid.created_at')
            .execute()
        : [];
      return {
        items: rounds.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          status: r.status,
          targets: targetsOf(r.targets_json),
          createdAt: new Date(r.created_at).toISOString(),
          bids: bids
            .filter(
              (b) =>
                b.round === String(r.id) &&
                (planner || b.agent_id === user.agentId || (r.status === 'published' && b.status === 'won')),
            )
            .map((b) => ({
              id: b.id,
              agent: `${b.employee_no} ${b.name}`,
              hireDate: b.hire_date,
              target: b.target,
              points: b.points,
              status: b.status,
              mine: b.agent_id === user.agentId,
              createdAt: new Date(b.created_at).toISOString(),
            })),
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/bid-rounds',
    access: DECIDE,
    tags: TAGS,
    summary: 'Open a bid round for holiday rest days or preferred shifts, each target with its places',
    body: z.object({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(['holiday_rest', 'preferred_shift']),
      targets: z
        .array(z.object({ target: z.string().trim().min(1).max(60), capacity: z.number().int().min(1).max(1000) }))
        .min(1)
        .max(60),
    }),
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('bid_round')
          .values({
            name: body.name,
            kind: body.kind,
            targets_json: JSON.stringify(body.targets),
            status: 'open',
            created_by: actor.name,
            created_at: ctx.now(),
            published_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'open', entity: 'bid_round', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, status: 'open' };
      }),
  });

  const round = async (db: Db, id: number) => {
    const r = await db.selectFrom('bid_round').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('bid round');
    return r;
  };

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/bid-rounds/:id/bids',
    access: AGENT,
    tags: TAGS,
    params: idParams,
    summary: 'Bid points on a target of an open round (one bid per target; a new bid replaces the old); at most the balance',
    body: z.object({ target: z.string().trim().min(1), points: z.number().int().min(0).max(100_000) }),
    handler: async ({ ctx, params, body, user, actor, reply }) => {
      const me = requireAgent(user.agentId);
      return ctx.db.transaction().execute(async (tx) => {
        const r = await round(tx, params.id);
        if (r.status !== 'open') throw conflict('the round is closed');
        if (!targetsOf(r.targets_json).some((t) => t.target === body.target))
          throw new HttpProblem(400, 'Bad Request', 'no such target', [{ path: 'body.target', message: 'not in this round' }]);
        const balance = (await pointsBalances(tx)).get(me) ?? 0;
        if (body.points > balance)
          throw new HttpProblem(400, 'Bad Request', `only ${balance} points`, [
            { path: 'body.points', message: `at most ${balance}` },
          ]);
        await tx
          .deleteFrom('bid')
          .where('round', '=', String(r.id))
          .where('agent_id', '=', me)
          .where('target', '=', body.target)
          .execute();
        const { id } = await tx
          .insertInto('bid')
          .values({
            agent_id: me,
            round: String(r.id),
            target: body.target,
            points: body.points,
            status: 'pending',
            created_at: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          { action: 'bid', entity: 'bid', entityId: id, after: { round: r.id, target: body.target, points: body.points } },
          ctx.now(),
        );
        reply.code(201);
        return { id, status: 'pending' };
      });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/bid-rounds/:id/award',
    access: DECIDE,
    tags: TAGS,
    params: idParams,
    summary: 'Close an open round and award it: more points, then seniority (hire date), then the earliest bid',
    handler: async ({ ctx, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const r = await round(tx, params.id);
        if (r.status !== 'open') throw conflict(`the round is ${r.status}`);
        const { hireDate, noOf } = await scheduleAgents(tx);
        const rows = await tx.selectFrom('bid').selectAll().where('round', '=', String(r.id)).execute();
        const bal = await pointsBalances(tx);
        const outcomes = awardBids(
          targetsOf(r.targets_json),
          rows.map((b) => ({
            id: b.id,
            agent: noOf.get(b.agent_id) ?? String(b.agent_id),
            target: b.target,
            points: b.points,
            hireDate: hireDate.get(noOf.get(b.agent_id) ?? '') ?? null,
            createdAt: b.created_at,
          })),
          new Map(rows.map((b) => [noOf.get(b.agent_id) ?? String(b.agent_id), bal.get(b.agent_id) ?? 0])),
        );
        for (const o of outcomes) await tx.updateTable('bid').set({ status: o.status }).where('id', '=', o.id).execute();
        await tx.updateTable('bid_round').set({ status: 'awarded' }).where('id', '=', r.id).execute();
        await writeAudit(tx, actor, { action: 'award', entity: 'bid_round', entityId: r.id, after: outcomes }, ctx.now());
        return { id: r.id, status: 'awarded', outcomes };
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/bid-rounds/:id/publish',
    access: DECIDE,
    tags: TAGS,
    params: idParams,
    summary:
      'Publish an awarded round: winners pay their points into the ledger, holiday rest days become approved days off, bidders are notified',
    handler: async ({ ctx, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const r = await round(tx, params.id);
        if (r.status !== 'awarded') throw conflict(r.status === 'open' ? 'award the round first' : 'already published');
        const rows = await tx.selectFrom('bid').selectAll().where('round', '=', String(r.id)).execute();
        const won = rows.filter((b) => b.status === 'won');
        if (won.length)
          await tx
            .insertInto('points_ledger')
            .values(
              won.map((b) => ({
                agent_id: b.agent_id,
                at: ctx.now(),
                delta: -b.points,
                reason: `竞投：${r.name} ${b.target}`,
                ref: `bid:${b.id}`,
              })),
            )
            .execute();
        const restDays = r.kind === 'holiday_rest' ? won.filter((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.target)) : [];
        if (restDays.length)
          await tx
            .insertInto('schedule_request')
            .values(
              restDays.map((b) => ({
                agent_id: b.agent_id,
                kind: 'day_off',
                date: b.target,
                with_agent_id: null,
                status: 'approved',
                note: `竞投 ${r.name}`,
                decided_by: actor.name,
                created_at: ctx.now(),
                decided_at: ctx.now(),
              })),
            )
            .execute();
        await tx.updateTable('bid_round').set({ status: 'published', published_at: ctx.now() }).where('id', '=', r.id).execute();
        for (const b of rows)
          await notifyAgents(
            tx,
            [b.agent_id],
            `竞投结果（${r.name}，${b.target}）：${b.status === 'won' ? `中标，扣 ${b.points} 分` : '未中标'}`,
            ctx.now(),
            '/schedule/mine',
          );
        await writeAudit(
          tx,
          actor,
          {
            action: 'publish',
            entity: 'bid_round',
            entityId: r.id,
            after: { won: won.map((b) => ({ agent: b.agent_id, target: b.target, points: b.points })) },
          },
          ctx.now(),
        );
        return { id: r.id, status: 'published', won: won.length };
      }),
  });
}
