import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { staffingPlan } from '../../domain/erlang/staffing-plan.ts';
import { buildSchedule, recountCoverage } from '../../domain/schedule/build-schedule.ts';
import { publishViolations } from '../../domain/schedule/publish-check.ts';
import { publishedOverlaps } from '../../domain/schedule/schedule-periods.ts';
import type { Lock } from '../../domain/schedule/types.ts';
import type { Db } from '../../store/audit.ts';
import { writeAudit } from '../../store/audit.ts';
import { notify } from '../../store/notifications.ts';
import { loadSchedule, neighbourShifts, scheduleAgents, scheduleRules } from '../../store/schedule-people.ts';
import { HttpProblem, notFound } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { computeForecast } from '../services/forecast-service.ts';

const PLAN: Role[] = ['planner', 'manager', 'admin'];
const TAGS = ['schedules'];

/**
 * The stored result with coverage and fit recounted from the assignments as they are now (after requests and
 * edits), and the violations as publishing would find them now (kept locks, leave approved since, neighbours).
 */
async function currentResult(db: Db, id: number, json: string | null) {
  if (!json) return null;
  const result = JSON.parse(json) as {
    coverage?: Parameters<typeof recountCoverage>[0];
    understaffed?: { intervalStart: string; skillGroup: string }[];
  };
  const loaded = await loadSchedule(db, id);
  if (!loaded) return result;
  const violations = publishViolations(loaded.roster, loaded.agents, loaded.rules, loaded.ctx);
  if (!result.coverage) return { ...result, violations };
  const now = recountCoverage(result.coverage, loaded.roster, loaded.dates, loaded.rules.intervalMinutes);
  const under = new Set(now.coverage.filter((c) => c.scheduled < c.required).map((c) => `${c.intervalStart}|${c.skillGroup}`));
  return {
    ...result,
    ...now,
    violations,
    understaffed: result.understaffed?.filter((u) => under.has(`${u.intervalStart}|${u.skillGroup}`)),
  };
}

/** The locked assignments of a stored schedule that fall on the new period's dates, as the builder's locks. */
async function lockedAssignments(
  db: Db,
  scheduleId: number,
  dates: string[],
  zone: string,
  noOf: Map<number, string>,
): Promise<Lock[]> {
  if (!(await db.selectFrom('schedule').select('id').where('id', '=', scheduleId).executeTakeFirst()))
    throw new HttpProblem(422, 'Unprocessable Entity', `schedule ${scheduleId} does not exist`, [
      { path: 'body.keepLocksFrom', message: 'no such schedule' },
    ]);
  const rows = await db
    .selectFrom('schedule_assignment')
    .select(['agent_id', 'date', 'shift', 'segments_json'])
    .where('schedule_id', '=', scheduleId)
    .where('locked', '=', 1)
    .where('date', 'in', dates.length ? dates : [''])
    .execute();
  return rows.flatMap((r) => {
    const agent = noOf.get(r.agent_id);
    const [shift, skillGroup] = r.shift.split('·');
    const first = (JSON.parse(r.segments_json) as { start: string }[])[0];
    if (!agent || !shift || !skillGroup || !first) return [];
    return [{ agent, date: r.date, shift, skillGroup, start: DateTime.fromISO(first.start, { zone }).toFormat('HH:mm') }];
  });
}

export async function scheduleRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedules',
    access: ['planner', 'manager'],
    tags: TAGS,
    summary:
      "Build a draft schedule for coming weeks: forecast → Erlang C requirement → shift design (HiGHS) → rostering under the labour rules, kept across the boundary with the published schedule before it (its last days' shifts: previousShifts)",
    body: z.object({
      start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      weeks: z.number().int().min(1).max(2).default(1),
      name: z.string().trim().max(100).optional(),
      timeLimitSeconds: z.number().min(1).max(120).default(20),
      /** Re-optimise around the assignments locked in this schedule (planner edits, approved requests, overtime). */
      keepLocksFrom: z.number().int().positive().optional(),
    }),
    handler: async ({ ctx, body, actor, reply }) => {
      const groups = await ctx.db.selectFrom('skill_group').selectAll().orderBy('id').execute();
      const center = await ctx.db.selectFrom('center').select('time_zone').executeTakeFirst();
      const zone = center?.time_zone ?? 'Asia/Shanghai';
      const today = DateTime.fromMillis(ctx.now(), { zone }).startOf('day');
      const start = DateTime.fromISO(body.start, { zone });
      const offset = Math.round(start.diff(today, 'days').days);
      if (offset < 0)
        throw new HttpProblem(400, 'Bad Request', 'the schedule must start today or later', [
          { path: 'body.start', message: 'in the past' },
        ]);
      const days = body.weeks * 7;
      if (offset + days > 42)
        throw new HttpProblem(400, 'Bad Request', 'the forecast reaches 6 weeks ahead', [
          { path: 'body.start', message: 'too far ahead' },
        ]);
      const dates = Array.from({ length: days }, (_, i) => start.plus({ days: i }).toISODate() ?? '');
      const required: Record<string, number[][]> = {};
      const traffic: Record<string, { calls: number; ahtSeconds: number }[][]> = {};
      for (const g of groups) {
        const f = await computeForecast(
          ctx.db,
          { skillGroupId: g.id, horizonDays: offset + days, model: 'auto', intervalMinutes: 30 },
          ctx.now(),
        );
        const plan = staffingPlan(
          f.result.intervals.map((p) => ({
            skillGroup: g.name,
            start: p.intervalStart,
            calls: p.offered,
            ahtSeconds: p.ahtSeconds ?? 240,
          })),
          {
            intervalSeconds: 1800,
            model: 'c',
            targets: { serviceLevel: g.sl_target },
            slSeconds: g.sl_threshold_seconds,
            shrinkage: 0,
          },
        );
        required[g.name] = dates.map((_, d) => plan.slice((offset + d) * 48, (offset + d + 1) * 48).map((r) => r.agents));
        traffic[g.name] = dates.map((_, d) =>
          f.result.intervals
            .slice((offset + d) * 48, (offset + d + 1) * 48)
            .map((p) => ({ calls: p.offered, ahtSeconds: p.ahtSeconds ?? 240 })),
        );
      }
      const { agents: people, idOf, noOf } = await scheduleAgents(ctx.db);
      const locks = body.keepLocksFrom ? await lockedAssignments(ctx.db, body.keepLocksFrom, dates, zone, noOf) : [];
      const rules = await scheduleRules(ctx.db);
      // The published schedules on either side: rest, runs and nights are kept across the boundary, and the hours,
      // rest days and overtime of the calendar weeks and months shared with them are counted together.
      const around = await neighbourShifts(ctx.db, dates, zone, rules, { noOf });
      const previous = around.filter((e) => e.dayIndex < 0);
      const next = around.filter((e) => e.dayIndex >= dates.length);
      const out = await buildSchedule({
        locks,
        dates,
        timeZone: zone,
        required,
        traffic,
        agents: people,
        timeLimitSeconds: body.timeLimitSeconds,
        rules,
        previous,
        next,
      });
      const result = {
        fit: out.fit,
        underHours: out.underHours,
        overHours: out.overHours,
        paidHours: out.paidHours,
        lowerBound: out.lowerBound,
        gap: out.gap,
        unfilledShifts: out.unfilledShifts,
        violations: out.violations,
        coverage: out.coverage,
        understaffed: out.understaffed,
        warnings: out.warnings,
        crewStarts: out.crewStarts,
      };
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('schedule')
          .values({
            name: body.name ?? `${body.start} 起 ${body.weeks} 周`,
            start_date: body.start,
            weeks: body.weeks,
            status: 'draft',
            result_json: JSON.stringify(result),
            created_at: ctx.now(),
            created_by: actor.name,
            published_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const rows = out.assignments.map((a) => ({
          schedule_id: id,
          agent_id: idOf.get(a.agent) ?? 0,
          date: a.date,
          shift: `${a.shift}·${a.skillGroup}`,
          segments_json: JSON.stringify(a.segments),
          breaks_json: JSON.stringify(a.breaks),
          pay_rate: a.payRate,
          locked: a.locked ? 1 : 0,
        }));
        for (let i = 0; i < rows.length; i += 300)
          await tx
            .insertInto('schedule_assignment')
            .values(rows.slice(i, i + 300))
            .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'build',
            entity: 'schedule',
            entityId: id,
            after: { start: body.start, weeks: body.weeks, fit: out.fit, gap: out.gap, locksKept: locks.length },
          },
          ctx.now(),
        );
        reply.code(201);
        return {
          id,
          assignments: rows.length,
          fit: out.fit,
          paidHours: out.paidHours,
          lowerBound: out.lowerBound,
          gap: out.gap,
          unfilledShifts: out.unfilledShifts,
          violations: out.violations.length,
          locksKept: locks.length,
          previousShifts: previous.length,
          nextShifts: next.length,
        };
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedules',
    access: [...PLAN, 'team_lead'],
    tags: TAGS,
    summary: 'Schedules, newest first',
    handler: async ({ ctx }) => ({
      items: (await ctx.db.selectFrom('schedule').selectAll().orderBy('created_at', 'desc').limit(50).execute()).map((s) => {
        const r = s.result_json ? JSON.parse(s.result_json) : {};
        return {
          id: s.id,
          name: s.name,
          start: s.start_date,
          weeks: s.weeks,
          status: s.status,
          fit: r.fit ?? null,
          gap: r.gap ?? null,
          paidHours: r.paidHours ?? null,
        };
      }),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedules/:id',
    access: [...PLAN, 'team_lead'],
    tags: TAGS,
    params: idParams,
    summary: 'A schedule: assignments by agent and day, coverage, fit',
    handler: async ({ ctx, params }) => {
      const s = await ctx.db.selectFrom('schedule').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!s) throw notFound('schedule');
      const rows = await ctx.db
        .selectFrom('schedule_assignment')
        .innerJoin('agent', 'agent.id', 'schedule_assignment.agent_id')
        .leftJoin('team', 'team.id', 'agent.team_id')
        .select([
          'agent.employee_no',
          'agent.name',
          'team.name as team',
          'schedule_assignment.date',
          'schedule_assignment.shift',
          'schedule_assignment.segments_json',
          'schedule_assignment.pay_rate',
          'schedule_assignment.locked',
        ])
        .where('schedule_id', '=', s.id)
        .orderBy('agent.employee_no')
        .orderBy('schedule_assignment.date')
        .execute();
      return {
        id: s.id,
        name: s.name,
        start: s.start_date,
        weeks: s.weeks,
        status: s.status,
        result: await currentResult(ctx.db, s.id, s.result_json),
        assignments: rows.map((r) => ({
          agent: `${r.employee_no} ${r.name}`,
          agentNo: r.employee_no,
          team: r.team,
          date: r.date,
          shift: r.shift,
          segments: JSON.parse(r.segments_json),
          payRate: r.pay_rate,
          locked: Number(r.locked) === 1,
        })),
        templates: (await scheduleRules(ctx.db)).shiftTemplates.map((t) => ({
          name: t.name,
          earliestStart: t.earliestStart,
          latestStart: t.latestStart,
          startStepMinutes: t.startStepMinutes,
        })),
        skillGroups: (await ctx.db.selectFrom('skill_group').select('name').orderBy('id').execute()).map((g) => g.name),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedules/:id/publish',
    access: ['planner', 'manager'],
    tags: TAGS,
    params: idParams,
    summary:
      'Publish a schedule to the agents (each agent with shifts is notified); refused (409) when its dates overlap a published schedule (errors: published_overlap and "name: first…last shared day"), or when its assignments break a labour rule, within it or across the published schedules on either side as they are now (errors: rule and "agent: date: detail")',
    handler: async ({ ctx, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const s = await tx.selectFrom('schedule').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!s) throw notFound('schedule');
        if (s.status === 'published') throw new HttpProblem(409, 'Conflict', 'already published');
        // One published schedule a day: the rules across schedules read the others as neighbours, and the agents'
        // and teams' shifts would list a day twice. Checked first: with the same days twice the labour rules are moot.
        const published = await tx
          .selectFrom('schedule')
          .select(['name', 'start_date as start', 'weeks'])
          .where('status', '=', 'published')
          .execute();
        const overlaps = publishedOverlaps({ start: s.start_date, weeks: s.weeks }, published);
        if (overlaps.length)
          throw new HttpProblem(
            409,
            'Conflict',
            'the schedule overlaps a published schedule',
            overlaps.map((o) => ({ path: 'published_overlap', message: `${o.name}: ${o.from}${o.days > 1 ? `…${o.to}` : ''}` })),
          );
        // The whole draft, re-checked now: edits, kept locks, leave approved since the build and changed
        // neighbours can each leave a violation the build did not have (see publishViolations).
        const loaded = (await loadSchedule(tx, s.id))!;
        const broken = publishViolations(loaded.roster, loaded.agents, loaded.rules, loaded.ctx);
        if (broken.length)
          throw new HttpProblem(
            409,
            'Conflict',
            'the schedule breaks the labour rules',
            broken.map((v) => ({
              path: v.rule,
              message: `${v.agent}: ${v.dayIndex === undefined ? '' : `${loaded.dates[v.dayIndex]}: `}${v.detail}`,
            })),
          );
        await tx.updateTable('schedule').set({ status: 'published', published_at: ctx.now() }).where('id', '=', s.id).execute();
        const users = await tx
          .selectFrom('app_user')
          .innerJoin('schedule_assignment', 'schedule_assignment.agent_id', 'app_user.agent_id')
          .select('app_user.id')
          .where('schedule_assignment.schedule_id', '=', s.id)
          .distinct()
          .execute();
        await notify(
          tx,
          users.map((u) => ({ userId: u.id, kind: 'schedule', text: `排班已发布：${s.name}`, link: '/schedule/mine' })),
          ctx.now(),
        );
        await writeAudit(tx, actor, { action: 'publish', entity: 'schedule', entityId: s.id }, ctx.now());
        return { id: s.id, status: 'published', notified: users.length };
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedules/mine',
    access: ['agent', 'team_lead'],
    tags: TAGS,
    summary: "The signed-in agent's shifts in published schedules",
    handler: async ({ ctx, user }) => {
      if (user.agentId == null) return { items: [] };
      const rows = await ctx.db
        .selectFrom('schedule_assignment')
        .innerJoin('schedule', 'schedule.id', 'schedule_assignment.schedule_id')
        .select([
          'schedule_assignment.date',
          'schedule_assignment.shift',
          'schedule_assignment.segments_json',
          'schedule_assignment.breaks_json',
          'schedule_assignment.pay_rate',
        ])
        .where('schedule.status', '=', 'published')
        .where('schedule_assignment.agent_id', '=', user.agentId)
        .orderBy('schedule_assignment.date')
        .execute();
      return {
        items: rows.map((r) => ({
          date: r.date,
          shift: r.shift,
          segments: JSON.parse(r.segments_json),
          breaks: JSON.parse(r.breaks_json),
          payRate: r.pay_rate,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/schedules/team',
    access: ['agent', 'team_lead'],
    tags: TAGS,
    summary: "The shifts of the signed-in agent's team in published schedules (names and shift types only)",
    handler: async ({ ctx, user }) => {
      if (user.agentId == null) return { items: [] };
      const me = await ctx.db.selectFrom('agent').select('team_id').where('id', '=', user.agentId).executeTakeFirst();
      if (me?.team_id == null) return { items: [] };
      const rows = await ctx.db
        .selectFrom('schedule_assignment')
        .innerJoin('schedule', 'schedule.id', 'schedule_assignment.schedule_id')
        .innerJoin('agent', 'agent.id', 'schedule_assignment.agent_id')
        .select([
          'agent.employee_no',
          'agent.name',
          'schedule_assignment.date',
          'schedule_assignment.shift',
          'schedule_assignment.segments_json',
        ])
        .where('schedule.status', '=', 'published')
        .where('agent.team_id', '=', me.team_id)
        .orderBy('agent.employee_no')
        .orderBy('schedule_assignment.date')
        .execute();
      return {
        items: rows.map((r) => ({
          agent: `${r.employee_no} ${r.name}`,
          date: r.date,
          shift: r.shift,
          segments: JSON.parse(r.segments_json),
        })),
      };
    },
  });
}
