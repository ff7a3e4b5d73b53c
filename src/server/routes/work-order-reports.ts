import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { backlogAgeing, orderRates } from '../../domain/work-orders/metrics.ts';
import { defineRoute } from '../route.ts';
import { TAGS } from './work-orders.ts';

/** The work-order rates (docs/work-orders.md, "Rates") over the orders registered in a period. */
export async function workOrderReportRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders/reports/summary',
    access: ['manager', 'team_lead', 'admin', 'qa'],
    tags: TAGS,
    summary:
      'On-time closure, closed first time, satisfaction, return and redo rates, backlog ageing, volume by category and unit',
    query: z.object({ from: z.string().datetime({ offset: true }), to: z.string().datetime({ offset: true }) }),
    handler: async ({ ctx, query }) => {
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      const rows = await ctx.db
        .selectFrom('work_order')
        .selectAll()
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .execute();
      const dispatched = new Set(
        (await ctx.db.selectFrom('work_order_dispatch').select('work_order_id').distinct().execute()).map((r) => r.work_order_id),
      );
      // Every callback answer counts (docs/work-orders.md): an order redone after 不满意 keeps that answer.
      const callbacks = new Map<number, string[]>();
      const ids = rows.map((r) => r.id);
      const answers = ids.length
        ? await ctx.db
            .selectFrom('work_order_history')
            .select(['work_order_id', 'data_json'])
            .where('action', '=', 'callback')
            .where('work_order_id', 'in', ids)
            .orderBy('at')
            .execute()
        : [];
      for (const a of answers) {
        const satisfaction = a.data_json ? (JSON.parse(a.data_json) as { satisfaction?: string }).satisfaction : undefined;
        if (satisfaction) callbacks.set(a.work_order_id, [...(callbacks.get(a.work_order_id) ?? []), satisfaction]);
      }
      const facts = rows.map((r) => ({
        status: r.status,
        dispatched: dispatched.has(r.id),
        dueAt: r.due_at,
        closedAt: r.closed_at,
        returnCount: r.return_count,
        redoCount: r.redo_count,
        satisfaction: r.satisfaction,
        callbacks: callbacks.get(r.id) ?? [],
        createdAt: r.created_at,
      }));
      const byCategory: Record<string, number> = {};
      for (const r of rows) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
      const byUnit = await ctx.db
        .selectFrom('work_order_dispatch')
        .innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
        .innerJoin('work_order', 'work_order.id', 'work_order_dispatch.work_order_id')
        .select(['handling_unit.name', (eb) => eb.fn.countAll<number>().as('n')])
        .where('work_order.created_at', '>=', from)
        .where('work_order.created_at', '<', to)
        .groupBy('handling_unit.name')
        .execute();
      return {
        rates: orderRates(facts),
        backlog: backlogAgeing(facts, ctx.now()),
        byCategory,
        byUnit: byUnit.map((u) => ({ unit: u.name, count: Number(u.n) })),
      };
    },
  });
}
