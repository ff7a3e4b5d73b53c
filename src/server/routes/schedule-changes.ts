import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { scheduledCounts } from '../../domain/schedule/build-schedule.ts';
import { emergencyPlan } from '../../domain/schedule/emergency.ts';
import { checkChange } from '../../domain/schedule/requests.ts';
import type { RosterEntry } from '../../domain/schedule/roster.ts';
import { toMinutes, variantStartingAt } from '../../domain/schedule/shift-variants.ts';
import type { Db } from '../../store/audit.ts';
import { writeAudit } from '../../store/audit.ts';
import { type LoadedSchedule, loadSchedule, saveRosterChange } from '../../store/schedule-people.ts';
import { badRequest, conflict, HttpProblem, notFound } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { violationProblems } from './schedule-people.ts';

const DECIDE: Role[] = ['planner', 'manager'];
const TAGS = ['schedules'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const hm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

async function load(db: Db, id: number): Promise<LoadedSchedule> {
  const s = await loadSchedule(db, id);
  if (!s) throw notFound('schedule');
  return s;
}
const dayOf = (s: LoadedSchedule, d: string) => {
  const i = s.dates.indexOf(d);
  if (i < 0) throw badRequest('the date is outside the schedule', [{ path: 'body.date', message: 'outside the schedule' }]);
  return i;
};
const refuseIfBroken = (violations: Parameters<typeof violationProblems>[0]) => {
  if (violations.length)
    throw new HttpProblem(409, 'Conflict', 'the change would break the labour rules', violationProblems(violations));
};

/** Overtime block for an emergency: one segment, no break. */
const overtime = (agent: string, skillGroup: string, dayIndex: number, d: string, start: number, end: number): RosterEntry => ({
  agent,
  skillGroup,
  dayIndex,
  variant: {
    id: `加班@${d}@${start}-${end}`,
    template: '加班',
    date: d,
    segments: [{ start, end }],
    breaks: [],
    paidMinutes: end - start,
  },
});

export async function scheduleChangeRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/schedules/:id/cells',
    access: DECIDE,
    tags: TAGS,
    params: idParams,
    summary:
      "Change one agent's shift on one day (shift null = rest day), or exchange two cells of the grid (swapWith: a drag); checked with the labour rules, saved locked, the agents notified if published",
    body: z.object({
      agent: z.string().trim().min(1),
      date,
      shift: z.string().trim().min(1).nullable().optional(),
      start: hhmm.optional(),
      skillGroup: z.string().trim().min(1).optional(),
      swapWith: z.object({ agent: z.string().trim().min(1), date }).optional(),
    }),
    handler: async ({ ctx, params, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const s = await load(tx, params.id);
        const dayIndex = dayOf(s, body.date);
        const known = (a: string) => {
          const person = s.agents.find((x) => x.agent === a);
          if (!person) throw badRequest('unknown agent', [{ path: 'body.agent', message: `unknown agent ${a}` }]);
          return person;
        };
        const person = known(body.agent);
        const current = (a: string, d: number) => s.roster.find((e) => e.agent === a && e.dayIndex === d);
        const shiftOn = (
          template: string,
          d: number,
          start: string | undefined,
          agent: string,
          skillGroup: string,
        ): RosterEntry => {
          const t = s.rules.shiftTemplates.find((x) => x.name === template);
          const v = t ? variantStartingAt(t, s.dates[d]!, s.rules.intervalMinutes, start) : undefined;
          if (!v)
            throw badRequest('no such shift', [
              { path: 'body.shift', message: `unknown shift or start: ${template} ${start ?? ''}` },
            ]);
          return { agent, dayIndex: d, variant: v, skillGroup };
        };
        /** A cell's shift moved to another agent and day, same template and start. */
        const moved = (e: RosterEntry | undefined, agent: string, d: number) =>
          e ? shiftOn(e.variant.template, d, hm(Math.min(...e.variant.segments.map((g) => g.start))), agent, e.skillGroup) : null;
        let cells: { agent: string; dayIndex: number; entry: RosterEntry | null }[];
        if (body.swapWith) {
          known(body.swapWith.agent);
          const from = dayOf(s, body.swapWith.date);
          const a = current(body.agent, dayIndex);
          const b = current(body.swapWith.agent, from);
          if (!a && !b) throw badRequest('both cells are rest days', [{ path: 'body.swapWith', message: 'nothing to move' }]);
          cells = [
            { agent: body.agent, dayIndex, entry: moved(b, body.agent, dayIndex) },
            { agent: body.swapWith.agent, dayIndex: from, entry: moved(a, body.swapWith.agent, from) },
          ];
        } else {
          if (body.shift === undefined)
            throw badRequest('shift or swapWith is required', [{ path: 'body.shift', message: 'required' }]);
          const skillGroup = body.skillGroup ?? current(body.agent, dayIndex)?.skillGroup ?? person.skills[0] ?? '';
          cells = [
            {
              agent: body.agent,
              dayIndex,
              entry: body.shift === null ? null : shiftOn(body.shift, dayIndex, body.start, body.agent, skillGroup),
            },
          ];
        }
        const check = checkChange(s.roster, s.agents, s.rules, { kind: 'cells', cells }, s.ctx);
        refuseIfBroken(check.violations);
        const label = (c: (typeof cells)[number]) => `${s.dates[c.dayIndex]} ${c.entry?.variant.template ?? '休'}`;
        await saveRosterChange(tx, s, check.roster, {
          locked: true,
          text: `排班变更：${cells.map(label).join('，')}`,
          at: ctx.now(),
        });
        await writeAudit(tx, actor, { action: 'edit', entity: 'schedule', entityId: s.schedule.id, after: body }, ctx.now());
        return {
          cells: cells.map((c) => ({
            agent: c.agent,
            date: s.dates[c.dayIndex],
            shift: c.entry ? `${c.entry.variant.template}·${c.entry.skillGroup}` : null,
          })),
          locked: true,
        };
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedules/:id/emergency',
    access: DECIDE,
    tags: TAGS,
    params: idParams,
    summary:
      "Emergency re-planning (应急排班): today's actual vs forecast calls scale the requirement; the shortfall for the rest of the day and overtime from agents off duty within the rest rules",
    body: z.object({
      date,
      skillGroup: z.string().trim().min(1),
      forecastCalls: z.number().min(0),
      actualCalls: z.number().min(0),
      now: hhmm.optional(),
    }),
    handler: async ({ ctx, params, body }) => {
      const s = await load(ctx.db, params.id);
      const dayIndex = dayOf(s, body.date);
      const step = s.rules.intervalMinutes;
      const perDay = 1440 / step;
      const result = JSON.parse(
        (await ctx.db.selectFrom('schedule').select('result_json').where('id', '=', s.schedule.id).executeTakeFirstOrThrow())
          .result_json ?? '{}',
      ) as { coverage?: { intervalStart: string; skillGroup: string; required: number }[] };
      const base = Array(perDay).fill(0) as number[];
      for (const c of result.coverage ?? [])
        if (c.skillGroup === body.skillGroup && c.intervalStart.startsWith(body.date))
          base[Math.floor(toMinutes(c.intervalStart.slice(11, 16)) / step)] = c.required;
      const uplift = body.forecastCalls > 0 ? body.actualCalls / body.forecastCalls : 1;
      const required = base.map((r) => Math.ceil(r * uplift - 1e-9));
      const local = DateTime.fromMillis(ctx.now(), { zone: s.zone });
      const nowMinute = body.now ? toMinutes(body.now) : local.toISODate() === body.date ? local.hour * 60 + local.minute : 0;
      const plan = emergencyPlan({
        roster: s.roster,
        agents: s.agents,
        rules: s.rules,
        ctx: s.ctx,
        dayIndex,
        skillGroup: body.skillGroup,
        nowMinute,
        required,
      });
      const counts = scheduledCounts(s.roster, [body.skillGroup], s.dates.length, step).get(body.skillGroup)!;
      const first = perDay - plan.shortfallBefore.length;
      return {
        uplift,
        nowMinute,
        intervals: plan.shortfallBefore.map((b, k) => ({
          start: hm((first + k) * step),
          required: required[first + k]!,
          scheduled: counts[dayIndex * perDay + first + k]!,
          shortfallBefore: b,
          shortfallAfter: plan.shortfallAfter[k]!,
        })),
        proposals: plan.proposals.map((p) => ({
          agent: p.agent,
          start: hm(p.variant.segments[0]!.start),
          end: hm(p.variant.segments[0]!.end),
          minutes: p.variant.paidMinutes,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/schedules/:id/emergency/accept',
    access: DECIDE,
    tags: TAGS,
    params: idParams,
    summary:
      'Accept emergency overtime: each block re-checked with the labour rules, added to the schedule, the agents notified and credited extra-shift points',
    body: z.object({
      date,
      skillGroup: z.string().trim().min(1),
      proposals: z
        .array(z.object({ agent: z.string().trim().min(1), start: hhmm, end: hhmm }))
        .min(1)
        .max(200),
    }),
    handler: async ({ ctx, params, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const s = await load(tx, params.id);
        const dayIndex = dayOf(s, body.date);
        let roster = s.roster;
        for (const p of body.proposals) {
          if (roster.some((e) => e.agent === p.agent && e.dayIndex === dayIndex))
            throw conflict(`${p.agent} already works on ${body.date}`);
          const start = toMinutes(p.start);
          const end = toMinutes(p.end) <= start ? toMinutes(p.end) + 1440 : toMinutes(p.end);
          const check = checkChange(
            roster,
            s.agents,
            s.rules,
            { kind: 'set', agent: p.agent, dayIndex, entry: overtime(p.agent, body.skillGroup, dayIndex, body.date, start, end) },
            s.ctx,
          );
          refuseIfBroken(check.violations);
          roster = check.roster;
        }
        const changed = await saveRosterChange(tx, s, roster, {
          locked: true,
          text: `应急加班：${body.date}，请查看我的排班`,
          at: ctx.now(),
        });
        const rule = await tx.selectFrom('points_rule').selectAll().where('code', '=', 'extra_shift').executeTakeFirst();
        if (rule)
          await tx
            .insertInto('points_ledger')
            .values(
              changed.map((a) => ({
                agent_id: s.idOf.get(a) ?? 0,
                at: ctx.now(),
                delta: rule.points,
                reason: rule.name,
                ref: `schedule:${s.schedule.id}:${body.date}`,
              })),
            )
            .execute();
        await writeAudit(tx, actor, { action: 'emergency', entity: 'schedule', entityId: s.schedule.id, after: body }, ctx.now());
        return { added: changed.length, points: rule ? rule.points : 0 };
      }),
  });
}
