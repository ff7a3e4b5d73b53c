import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { bias, mape, wape } from '../../domain/forecast/accuracy.ts';
import { writeAudit } from '../../store/audit.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { intervalReport } from '../../store/reports.ts';
import { notFound } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { computeForecast, forecastQuery } from '../services/forecast-service.ts';

const ACCESS: Role[] = ['planner', 'manager', 'team_lead', 'admin'];
const EDIT: Role[] = ['planner', 'manager'];
const TAGS = ['forecast'];
const _HISTORY_WEEKS = 8;

export async function forecastRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/forecast',
    access: ACCESS,
    tags: TAGS,
    query: forecastQuery,
    summary:
      "A skill group's forecast from its stored history: model chosen by backtest, the backtest table, adjustments applied",
    handler: async ({ ctx, query }) => {
      const f = await computeForecast(ctx.db, query, ctx.now());
      return {
        skillGroup: f.group.name,
        model: f.result.model,
        fallback: f.result.fallback,
        backtest: f.result.backtest,
        history: f.history,
        intervals: f.result.intervals,
        adjustments: f.adjustments.map((a) => ({
          id: a.id,
          from: a.from_date,
          to: a.to_date,
          kind: a.kind,
          value: a.value,
          reason: a.reason,
          author: a.author,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/forecast/adjustments',
    access: EDIT,
    tags: TAGS,
    summary:
      'A known event (outage, new policy, campaign) as a percentage or absolute change on a date range, recorded with who and why',
    body: z
      .object({
        skillGroupId: z.number().int().positive().nullable().default(null),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        kind: z.enum(['percent', 'absolute']),
        value: z.number().min(-100_000).max(100_000),
        reason: z.string().trim().min(2).max(500),
      })
      .refine((b) => b.to >= b.from, { path: ['to'], message: 'must not be before from' })
      .refine((b) => b.kind !== 'percent' || b.value > -100, { path: ['value'], message: 'a percentage above −100' }),
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('forecast_adjustment')
          .values({
            skill_group_id: body.skillGroupId,
            from_date: body.from,
            to_date: body.to,
            kind: body.kind,
            value: body.value,
            reason: body.reason,
            author: actor.name,
            created_at: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'create', entity: 'forecast_adjustment', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, ...body, author: actor.name };
      }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/forecast/adjustments/:id',
    access: EDIT,
    tags: TAGS,
    params: idParams,
    summary: 'Remove an adjustment',
    handler: async ({ ctx, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('forecast_adjustment').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!before) throw notFound('adjustment');
        await tx.deleteFrom('forecast_adjustment').where('id', '=', params.id).execute();
        await writeAudit(tx, actor, { action: 'delete', entity: 'forecast_adjustment', entityId: params.id, before }, ctx.now());
        return undefined;
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/forecast/runs',
    access: EDIT,
    tags: TAGS,
    body: forecastQuery,
    summary: 'Save the current forecast, so its accuracy can be measured once the actuals arrive',
    handler: async ({ ctx, body, actor, reply }) => {
      const f = await computeForecast(ctx.db, body, ctx.now());
      const first = f.result.intervals[0];
      const last = f.result.intervals.at(-1);
      const { id } = await ctx.db
        .insertInto('forecast_run')
        .values({
          skill_group_id: f.group.id,
          created_at: ctx.now(),
          created_by: actor.name,
          interval_minutes: body.intervalMinutes,
          model: f.result.model,
          backtest_json: JSON.stringify(f.result.backtest),
          intervals_json: JSON.stringify(f.result.intervals),
          horizon_start: Date.parse(first?.intervalStart ?? ''),
          horizon_end: Date.parse(last?.intervalStart ?? '') + body.intervalMinutes * 60_000,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      reply.code(201);
      return { id, model: f.result.model };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/forecast/runs',
    access: ACCESS,
    tags: TAGS,
    query: z.object({ skillGroupId: z.coerce.number().int().positive() }),
    summary: 'Saved forecasts of a skill group with their accuracy so far: WAPE, MAPE and bias per day and overall',
    handler: async ({ ctx, query }) => {
      const group = await ctx.db.selectFrom('skill_group').selectAll().where('id', '=', query.skillGroupId).executeTakeFirst();
      if (!group) throw notFound('skill group');
      const runs = await ctx.db
        .selectFrom('forecast_run')
        .selectAll()
        .where('skill_group_id', '=', group.id)
        .orderBy('created_at', 'desc')
        .limit(20)
        .execute();
      const zone = (await loadReportContext(ctx.db)).timeZone;
      const today = DateTime.fromMillis(ctx.now(), { zone }).startOf('day');
      const out = [];
      for (const r of runs) {
        const intervals = JSON.parse(r.intervals_json) as { intervalStart: string; offered: number }[];
        const from = DateTime.fromMillis(r.horizon_start, { zone }).startOf('day');
        const to = DateTime.fromMillis(Math.min(r.horizon_end, today.toMillis()), { zone }).startOf('day');
        let accuracy = null;
        let days: { date: string; actual: number; forecast: number; wape: number | null }[] = [];
        if (to > from) {
          const actualRows = await intervalReport(ctx.db, {
            from: from.toISODate() ?? '',
            to: to.toISODate() ?? '',
            interval: r.interval_minutes as 15 | 30 | 60,
            by: 'queue',
            queue: group.name,
          });
          const actualBy = new Map(actualRows.map((a) => [a.intervalStartMs, a.offered]));
          const seen = intervals.filter((i) => Date.parse(i.intervalStart) < to.toMillis());
          const a = seen.map((i) => actualBy.get(Date.parse(i.intervalStart)) ?? 0);
          const f = seen.map((i) => i.offered);
          accuracy = { intervals: seen.length, wape: wape(a, f), mape: mape(a, f), bias: bias(a, f) };
          const byDay = new Map<string, { a: number[]; f: number[] }>();
          seen.forEach((i, k) => {
            const d = i.intervalStart.slice(0, 10);
            const e = byDay.get(d) ?? { a: [], f: [] };
            e.a.push(a[k]!);
            e.f.push(f[k]!);
            byDay.set(d, e);
          });
          days = [...byDay.entries()].map(([date, e]) => ({
            date,
            actual: e.a.reduce((x, y) => x + y, 0),
            forecast: Math.round(e.f.reduce((x, y) => x + y, 0)),
            wape: wape(e.a, e.f),
          }));
        }
        out.push({
          id: r.id,
          createdAt: new Date(r.created_at).toISOString(),
          createdBy: r.created_by,
          model: r.model,
          accuracy,
          days,
        });
      }
      return { items: out };
    },
  });
}
