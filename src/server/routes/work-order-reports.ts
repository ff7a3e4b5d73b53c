import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { backlogAgeing, type OrderRates, orderRates } from '../../domain/work-orders/metrics.ts';
import { toXlsx } from '../export/xlsx.ts';
import { defineRoute } from '../route.ts';
import { TAGS } from './work-orders.ts';

const RATE_NAMES: Record<string, string> = {
  onTimeClosureRate: '按时办结率',
  firstTimeClosureRate: '一次办结率',
  satisfactionRate: '满意率',
  returnRate: '退单率',
  redoRate: '重办率',
};
const COUNT_NAMES: Record<string, string> = { orders: '工单数', closed: '已办结', dispatched: '已派单', callbacks: '回访数' };
const SUMMARY_COLUMNS = [
  { key: 'section', header: '分类', width: 12 },
  { key: 'name', header: '项目', width: 24 },
  { key: 'count', header: '数量', numFmt: '0' },
  { key: 'rate', header: '比率', numFmt: '0.0%' },
];

/** One long table for Excel: counts and rates, backlog ageing, volume by category, unit and location. */
function summaryRows(s: {
  rates: OrderRates;
  backlog: { bucket: string; count: number }[];
  byCategory: Record<string, number>;
  byUnit: { unit: string; count: number }[];
  byLocation: { location: string; count: number }[];
}) {
  return [
    ...Object.entries(COUNT_NAMES).map(([k, name]) => ({ section: '总量', name, count: s.rates[k as keyof OrderRates] })),
    ...Object.entries(RATE_NAMES).map(([k, name]) => ({ section: '比率', name, rate: s.rates[k as keyof OrderRates] })),
    ...s.backlog.map((b) => ({ section: '积压（天）', name: b.bucket, count: b.count })),
    ...Object.entries(s.byCategory).map(([name, count]) => ({ section: '类别', name, count })),
    ...s.byUnit.map((u) => ({ section: '承办单位', name: u.unit, count: u.count })),
    ...s.byLocation.map((l) => ({ section: '地点', name: l.location, count: l.count })),
  ];
}

/** The work-order rates (docs/work-orders.md, "Rates") over the orders registered in a period. */
export async function workOrderReportRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders/reports/summary',
    access: ['manager', 'team_lead', 'admin', 'qa'],
    tags: TAGS,
    summary:
      'On-time closure, closed first time, satisfaction, return and redo rates, backlog ageing, volume by category and unit',
    query: z.object({
      from: z.string().datetime({ offset: true }),
      to: z.string().datetime({ offset: true }),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
    handler: async ({ ctx, query, reply }) => {
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
      const byLocation: Record<string, number> = {};
      for (const r of rows) {
        byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
        const place = r.location?.trim() || '（未填）';
        byLocation[place] = (byLocation[place] ?? 0) + 1;
      }
      const byUnit = await ctx.db
        .selectFrom('work_order_dispatch')
        .innerJoin('handling_unit', 'handling_unit.id', 'work_order_dispatch.unit_id')
        .innerJoin('work_order', 'work_order.id', 'work_order_dispatch.work_order_id')
        .select(['handling_unit.name', (eb) => eb.fn.countAll<number>().as('n')])
        .where('work_order.created_at', '>=', from)
        .where('work_order.created_at', '<', to)
        .groupBy('handling_unit.name')
        .execute();
      const summary = {
        rates: orderRates(facts),
        backlog: backlogAgeing(facts, ctx.now()),
        byCategory,
        byUnit: byUnit.map((u) => ({ unit: u.name, count: Number(u.n) })),
        byLocation: Object.entries(byLocation)
          .map(([location, count]) => ({ location, count }))
          .sort((a, b) => b.count - a.count),
      };
      if (query.format === 'json') return summary;
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="work-order-summary.xlsx"');
      return toXlsx('工单统计', SUMMARY_COLUMNS, summaryRows(summary));
    },
  });
}
