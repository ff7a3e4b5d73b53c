/**
 * QA charts (质量控制图), the Pareto of failed items and the Excel exports. Charts are computed on request
 * from stored evaluations and contacts with the domain's chart functions; the route only groups the data:
 * - XmR of QA scores: one point per evaluation in time order (Wheeler's individuals chart).
 * - XmR of AHT: one point per center-zone day, AHT = Σ(talk + hold + ACW) / handled (docs/metrics.md).
 * - p-chart of the critical-error rate per ISO week (Monday start, center zone): defectives = evaluations
 *   with a failed critical item, n = evaluations that week; limits per point because n varies.
 * - u-chart of failed items per evaluation per week; c-chart of failed items in each evaluation (equal
 *   area of opportunity while the scorecard stays the same).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { type ControlChart, cChart, pChart, type Sample, uChart, xmrChart } from '../../domain/quality/control-charts.ts';
import { failedItemPareto } from '../../domain/quality/pareto.ts';
import { runRules } from '../../domain/quality/run-rules.ts';
import { agentIdentity } from '../../ingest/queue-log/agent-identity.ts';
import type { Db } from '../../store/audit.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { canSeeAgent, handledContactsOf, itemLabels, scoredEvaluations, seesAllQa, teamAgentIds } from '../../store/quality.ts';
import { toXlsx } from '../export/xlsx.ts';
import { notFound } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { dateRangeQuery, dayRangeMs, QA_ANALYSE, QA_READ, QA_TAGS, qaViewer } from './quality-shared.ts';

type Evaluated = Awaited<ReturnType<typeof scoredEvaluations>>[number];

/** Week samples for the p- and u-charts: per ISO week in `zone`, evaluations (size) and what is counted. */
export function weeklySamples(
  evals: readonly Evaluated[],
  zone: string,
  count: (e: Evaluated) => number,
): (Sample & { weekStart: string })[] {
  const weeks = new Map<string, Sample>();
  for (const e of evals) {
    const w = DateTime.fromMillis(e.at, { zone }).startOf('week').toISODate()!;
    const s = weeks.get(w) ?? { defects: 0, size: 0 };
    s.size++;
    s.defects += count(e);
    weeks.set(w, s);
  }
  return [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([weekStart, s]) => ({ weekStart, ...s }));
}

/** AHT per center-zone day over handled contacts; days without a handled contact have no point. */
export function dailyAht(
  contacts: readonly { at: number; handleSeconds: number }[],
  zone: string,
): { date: string; handled: number; ahtSeconds: number }[] {
  const days = new Map<string, { handled: number; seconds: number }>();
  for (const c of contacts) {
    const d = DateTime.fromMillis(c.at, { zone }).toISODate()!;
    const s = days.get(d) ?? { handled: 0, seconds: 0 };
    s.handled++;
    s.seconds += c.handleSeconds;
    days.set(d, s);
  }
  return [...days]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([date, s]) => ({ date, handled: s.handled, ahtSeconds: s.seconds / s.handled }));
}

const withSignals = (c: ControlChart) => ({ ...c, signals: runRules(c.points) });

/** Every chart of one set of agents over a date range; a chart with too few points is null. */
async function chartsFor(db: Db, agentIds: number[], range: ReturnType<typeof dayRangeMs>, zone: string) {
  const evals = await scoredEvaluations(db, agentIds, range.from, range.to);
  const days = dailyAht(await handledContactsOf(db, agentIds, range.from, range.to, agentIdentity), zone);
  const crit = weeklySamples(evals, zone, (e) => e.criticalFailed);
  const failed = weeklySamples(evals, zone, (e) => e.failedItems.length);
  const xmr = evals.length >= 2 ? xmrChart(evals.map((e) => e.score), { min: 0, max: 100 }) : null;
  const aht = days.length >= 2 ? xmrChart(days.map((d) => d.ahtSeconds), { min: 0 }) : null;
  return {
    from: range.fromDate,
    to: range.toDate,
    zone,
    n: evals.length,
    xmr: xmr && {
      individuals: xmr.individuals,
      movingRange: xmr.movingRange,
      signals: runRules(xmr.individuals.points),
      movingRangeSignals: runRules(xmr.movingRange.points, { rules: [1] }),
      evaluationIds: evals.map((e) => e.id),
      agentIds: evals.map((e) => e.agentId),
      at: evals.map((e) => new Date(e.at).toISOString()),
    },
    aht: aht && {
      individuals: aht.individuals,
      movingRange: aht.movingRange,
      signals: runRules(aht.individuals.points),
      movingRangeSignals: runRules(aht.movingRange.points, { rules: [1] }),
      days,
    },
    p: crit.length >= 2 ? { ...withSignals(pChart(crit)), weeks: crit } : null,
    u: failed.length >= 2 ? { ...withSignals(uChart(failed)), weeks: failed } : null,
    c:
      evals.length >= 2
        ? { ...withSignals(cChart(evals.map((e) => e.failedItems.length))), evaluationIds: evals.map((e) => e.id) }
        : null,
  };
}

export async function qualityChartRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/charts/agent/:id',
    access: QA_READ,
    tags: QA_TAGS,
    params: idParams,
    query: dateRangeQuery,
    summary:
      "An agent's control charts: XmR of QA scores and of daily AHT, weekly p-chart of critical errors, u/c of failed items, with run-rule signals",
    handler: async ({ ctx, params, query, user }) => {
      if (!(await canSeeAgent(ctx.db, await qaViewer(ctx.db, user), params.id))) throw notFound('agent');
      const zone = (await loadReportContext(ctx.db)).timeZone;
      return {
        subject: { type: 'agent', id: params.id },
        ...(await chartsFor(ctx.db, [params.id], dayRangeMs(query, zone, ctx.now()), zone)),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/charts/team/:id',
    access: QA_ANALYSE,
    tags: QA_TAGS,
    params: idParams,
    query: dateRangeQuery,
    summary: "A team's control charts (all its agents' evaluations and contacts pooled), same shape as the agent's",
    handler: async ({ ctx, params, query, user }) => {
      const v = await qaViewer(ctx.db, user);
      if (!seesAllQa(v) && v.teamId !== params.id) throw notFound('team');
      if (!(await ctx.db.selectFrom('team').select('id').where('id', '=', params.id).executeTakeFirst())) throw notFound('team');
      const zone = (await loadReportContext(ctx.db)).timeZone;
      const agents = await teamAgentIds(ctx.db, params.id);
      return {
        subject: { type: 'team', id: params.id, agents: agents.length },
        ...(await chartsFor(ctx.db, agents, dayRangeMs(query, zone, ctx.now()), zone)),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/pareto',
    access: QA_ANALYSE,
    tags: QA_TAGS,
    summary:
      'Failed items across a team (or the center): common to many agents (system/training) or concentrated in a few (coaching); ?format=xlsx for training needs',
    query: dateRangeQuery.extend({
      teamId: z.coerce.number().int().positive().optional(),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
    handler: async ({ ctx, query, user, reply }) => {
      const v = await qaViewer(ctx.db, user);
      // A team lead always gets their own team, whatever teamId says.
      const teamId = seesAllQa(v) ? query.teamId : (v.teamId ?? -1);
      let q = ctx.db
        .selectFrom('evaluation')
        .innerJoin('agent', 'agent.id', 'evaluation.agent_id')
        .select(['agent.employee_no', 'agent.name', 'evaluation.failed_items_json'])
        .where('evaluation.kind', 'in', ['normal', 'follow_up']);
      if (teamId != null) q = q.where('agent.team_id', '=', teamId);
      // Without dates the Pareto covers every evaluation; with dates, that range only.
      if (query.from || query.to) {
        const zone = (await loadReportContext(ctx.db)).timeZone;
        const r = dayRangeMs(query, zone, ctx.now());
        q = q.where('evaluation.evaluated_at', '>=', r.from).where('evaluation.evaluated_at', '<', r.to);
      }
      const rows = await q.execute();
      const failures = rows.flatMap((r) =>
        (JSON.parse(r.failed_items_json) as string[]).map((item) => ({ agent: `${r.employee_no} ${r.name}`, item })),
      );
      const agents = new Set(rows.map((r) => `${r.employee_no} ${r.name}`)).size;
      const labels = await itemLabels(ctx.db);
      const pareto = failedItemPareto(failures, agents).map((r) => ({ ...r, label: labels.get(r.item) ?? r.item }));
      if (query.format === 'xlsx') {
        const buf = await toXlsx(
          '培训需求',
          [
            { key: 'label', header: '评分项' },
            { key: 'item', header: '项目编号' },
            { key: 'count', header: '失分次数' },
            { key: 'share', header: '占比', numFmt: '0.0%' },
            { key: 'cumulativeShare', header: '累计占比', numFmt: '0.0%' },
            { key: 'agents', header: '涉及话务员' },
            { key: 'agentShare', header: '话务员占比', numFmt: '0.0%' },
            { key: 'classification', header: '归类' },
          ],
          pareto as unknown as Record<string, unknown>[],
        );
        return sendXlsx(reply, buf, 'training-needs.xlsx');
      }
      return { teamId: teamId ?? null, agentsEvaluated: agents, evaluations: rows.length, items: pareto };
    },
  });
}

export function sendXlsx(reply: FastifyReply, buf: Buffer | Uint8Array, filename: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(buf);
}
