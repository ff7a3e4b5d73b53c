import type { FastifyInstance } from 'fastify';
import type { Role } from '../../domain/auth/roles.ts';
import {
  evaluateStaffing,
  failedTargets,
  requiredAgents,
  type StaffingProblem,
  scheduledPositions,
  type TargetName,
} from '../../domain/erlang/staffing.ts';
import { staffingPlan } from '../../domain/erlang/staffing-plan.ts';
import { offeredTraffic } from '../../domain/erlang/traffic.ts';
import type { SimulationInput } from '../../domain/simulation/model.ts';
import { simulateReplications } from '../../domain/simulation/replications.ts';
import { notFound, unprocessable } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { historyIntervals } from './staffing-history.ts';
import {
  historyQuerySchema,
  planSchema,
  type SimulateInput,
  type SolveInput,
  searchTargets,
  simulateSchema,
  solveSchema,
} from './staffing-schemas.ts';

/** Planning roles; agents and handling units do not staff the center. */
export const STAFFING_ACCESS: Role[] = ['planner', 'manager', 'team_lead', 'admin'];
const TAGS = ['staffing'];

/** One line of the what-if table: the model's figures for n agents, or why it has none (never NaN). */
export type WhatIfRow =
  | {
      agents: number;
      defined: true;
      serviceLevel: number;
      asaSeconds: number;
      pWait: number;
      pAbandon: number;
      occupancy: number;
    }
  | { agents: number; defined: false; reason: string };

function whatIfRow(problem: StaffingProblem, n: number): WhatIfRow {
  const e = evaluateStaffing(problem, n);
  if (!e.defined) return { agents: n, defined: false, reason: e.reason };
  return {
    agents: n,
    defined: true,
    serviceLevel: e.serviceLevel,
    asaSeconds: e.asaSeconds,
    pWait: e.pWait,
    pAbandon: e.pAbandon,
    occupancy: e.occupancy,
  };
}

/** A search or model error of the domain (RangeError) as a 422 naming the field it comes from. */
function asProblem(err: unknown, path: string): never {
  if (err instanceof RangeError) throw unprocessable(err.message, [{ path, message: err.message }]);
  throw err;
}

/**
 * `POST /staffing/solve`: the least n meeting every target (or the figures of the given n), the positions,
 * which targets bind, which fail (for a given n), and the what-if table for n − 5 … n + 5.
 */
export function solve(body: SolveInput) {
  const traffic = offeredTraffic(body.calls, body.ahtSeconds, body.intervalSeconds);
  const problem: StaffingProblem = {
    model: body.model,
    traffic,
    ahtSeconds: body.ahtSeconds,
    slSeconds: body.targets.slSeconds,
    patienceSeconds: body.model === 'a' ? body.patienceSeconds : undefined,
  };
  const targets = searchTargets(body.targets);
  let agents: number;
  let fractionalAgents: number | null = null;
  let binding: TargetName[] = [];
  if (body.agents !== undefined) agents = body.agents;
  else {
    try {
      const r = requiredAgents(problem, targets);
      ({ agents, fractionalAgents, binding } = r);
    } catch (err) {
      asProblem(err, 'body.targets');
    }
  }
  const at = evaluateStaffing(problem, agents);
  const figures = at.defined
    ? {
        defined: true as const,
        serviceLevel: at.serviceLevel,
        asaSeconds: at.asaSeconds,
        pWait: at.pWait,
        pAbandon: at.pAbandon,
        occupancy: at.occupancy,
      }
    : { defined: false as const, reason: at.reason };
  const whatIf: WhatIfRow[] = [];
  for (let n = Math.max(0, agents - 5); n <= agents + 5; n++) whatIf.push(whatIfRow(problem, n));
  return {
    model: body.model,
    traffic,
    slSeconds: body.targets.slSeconds,
    agents,
    fractionalAgents,
    positions: scheduledPositions(agents, body.shrinkage),
    shrinkage: body.shrinkage,
    ...figures,
    binding,
    /** Targets the given n misses (empty when n was searched for). */
    failed: Object.keys(targets).length > 0 ? failedTargets(at, targets) : [],
    whatIf,
  };
}

/** `POST /staffing/simulate`: the request as the simulator's input (multi-skill agents logged in all run). */
export function simulationInput(body: SimulateInput): SimulationInput {
  const intervals = Math.max(...body.queues.map((q) => q.callsPerInterval.length));
  const shifts = [{ startSeconds: 0, endSeconds: intervals * body.intervalSeconds }];
  return {
    intervalSeconds: body.intervalSeconds,
    queues: body.queues.map((q) => ({
      name: q.name,
      callsPerInterval: q.callsPerInterval,
      talk:
        q.handleCv === undefined
          ? { distribution: 'exponential' as const, meanSeconds: q.ahtSeconds }
          : { distribution: 'lognormal' as const, meanSeconds: q.ahtSeconds, cv: q.handleCv },
      patienceSeconds: q.patienceSeconds ?? Number.POSITIVE_INFINITY,
      agentsPerInterval: q.agentsPerInterval,
    })),
    agents: body.agents.flatMap((a) => Array.from({ length: a.count }, () => ({ skills: a.skills, shifts }))),
  };
}

export async function staffingRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/staffing/solve',
    access: STAFFING_ACCESS,
    tags: TAGS,
    body: solveSchema,
    summary:
      'Least agents meeting every target by Erlang C or A (or the figures of a given n), positions, and a what-if table for n ± 5',
    handler: async ({ body }) => solve(body),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/staffing/plan',
    access: STAFFING_ACCESS,
    tags: TAGS,
    body: planSchema,
    summary:
      'Required agents, fractional agents and scheduled positions for a series of intervals (calls and AHT per interval and skill group)',
    handler: async ({ body }) => {
      try {
        const rows = staffingPlan(body.intervals, {
          intervalSeconds: body.intervalSeconds,
          model: body.model,
          targets: searchTargets(body.targets),
          slSeconds: body.targets.slSeconds,
          patienceSeconds: body.model === 'a' ? body.patienceSeconds : undefined,
          shrinkage: body.shrinkage,
        });
        return {
          model: body.model,
          intervalSeconds: body.intervalSeconds,
          slSeconds: body.targets.slSeconds,
          shrinkage: body.shrinkage,
          rows,
        };
      } catch (err) {
        asProblem(err, 'body.targets');
      }
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/staffing/plan/history',
    access: STAFFING_ACCESS,
    tags: TAGS,
    query: historyQuerySchema,
    summary:
      "The requirement of a past week from its stored calls and AHT, with the skill group's own SL target and threshold (default: the last full week of data)",
    handler: async ({ ctx, query }) => {
      const group = await ctx.db
        .selectFrom('skill_group')
        .select(['id', 'name', 'sl_target', 'sl_threshold_seconds'])
        .where('id', '=', query.skillGroupId)
        .executeTakeFirst();
      if (!group) throw notFound(`skill group ${query.skillGroupId}`);
      const h = await historyIntervals(ctx.db, { group, query, nowMs: ctx.now() });
      if (h.patienceSeconds === null) {
        throw unprocessable('no abandoned calls in the period, so the patience cannot be estimated: give patienceSeconds', [
          { path: 'query.patienceSeconds', message: 'required for Erlang A here' },
        ]);
      }
      let rows: ReturnType<typeof staffingPlan>;
      try {
        rows = staffingPlan(h.intervals, {
          intervalSeconds: query.interval * 60,
          model: query.model,
          targets: h.targets,
          slSeconds: group.sl_threshold_seconds,
          patienceSeconds: h.patienceSeconds,
          shrinkage: query.shrinkage,
        });
      } catch (err) {
        asProblem(err, 'query');
      }
      return {
        skillGroup: { id: group.id, name: group.name, slTarget: group.sl_target, slSeconds: group.sl_threshold_seconds },
        from: h.from,
        to: h.to,
        timeZone: h.timeZone,
        interval: query.interval,
        model: query.model,
        patienceSeconds: h.patienceSeconds ?? null,
        shrinkage: query.shrinkage,
        targets: h.targets,
        actual: h.total,
        rows: rows.map((p, i) => {
          const f = h.filled[i] as (typeof h.filled)[number];
          return {
            start: f.start,
            calls: p.calls,
            ahtSeconds: f.ahtSeconds,
            ahtSource: f.ahtSource,
            traffic: p.traffic,
            agents: p.agents,
            fractionalAgents: p.fractionalAgents,
            positions: p.positions,
            serviceLevel: p.metrics.serviceLevel,
            asaSeconds: p.metrics.asaSeconds,
            pAbandon: p.metrics.pAbandon,
            occupancy: p.metrics.occupancy,
            binding: p.binding,
          };
        }),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/staffing/simulate',
    access: STAFFING_ACCESS,
    tags: TAGS,
    body: simulateSchema,
    summary:
      'Discrete-event simulation of one or several skill groups (multi-skill agents): per-interval SL, ASA, abandonment, occupancy with 95 % confidence intervals from seeded replications',
    handler: async ({ body }) => {
      const result = simulateReplications(simulationInput(body), {
        replications: body.replications,
        seed: body.seed,
        slSeconds: body.slSeconds,
      });
      return {
        replications: body.replications,
        seed: body.seed,
        slSeconds: body.slSeconds,
        intervalSeconds: body.intervalSeconds,
        confidence: 0.95,
        ...result,
      };
    },
  });
}
