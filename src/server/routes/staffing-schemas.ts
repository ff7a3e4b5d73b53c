import { z } from 'zod';
import type { StaffingTargets } from '../../domain/erlang/staffing.ts';

/**
 * Request bodies of the staffing API: the same inputs as `zuoxi staffing` / `zuoxi simulate`, as JSON.
 * Shares are fractions (0.8, not 80); durations are seconds.
 */

export const targetsSchema = z.object({
  /** Least SL(T): share of offered calls answered within slSeconds. */
  serviceLevel: z.number().gt(0).lt(1).optional(),
  /** T of the service level; also the T at which SL is reported when there is no SL target. */
  slSeconds: z.number().min(0).max(3600).default(20),
  maxAsaSeconds: z.number().positive().optional(),
  maxAbandonRate: z.number().gt(0).max(1).optional(),
  maxOccupancy: z.number().gt(0).max(1).optional(),
});
export type TargetsInput = z.infer<typeof targetsSchema>;

/** The targets the search uses (slSeconds is part of the problem, not a target); undefined ones left out. */
export function searchTargets(t: TargetsInput): StaffingTargets {
  const out: StaffingTargets = {};
  if (t.serviceLevel !== undefined) out.serviceLevel = t.serviceLevel;
  if (t.maxAsaSeconds !== undefined) out.maxAsaSeconds = t.maxAsaSeconds;
  if (t.maxAbandonRate !== undefined) out.maxAbandonRate = t.maxAbandonRate;
  if (t.maxOccupancy !== undefined) out.maxOccupancy = t.maxOccupancy;
  return out;
}

const hasTarget = (t: TargetsInput) => Object.keys(searchTargets(t)).length > 0;

const modelFields = {
  model: z.enum(['c', 'a']).default('c'),
  /** Mean caller patience (Erlang A only). */
  patienceSeconds: z.number().positive().max(86_400).optional(),
  targets: targetsSchema.default({ slSeconds: 20 }),
  shrinkage: z.number().min(0).lt(1).default(0),
  intervalSeconds: z.number().int().positive().max(86_400).default(1800),
};

const needsPatience = { path: ['patienceSeconds'], message: 'Erlang A (model a) needs the mean patience in seconds' };

export const solveSchema = z
  .object({
    calls: z.number().min(0).max(10_000_000),
    ahtSeconds: z.number().positive().max(86_400),
    ...modelFields,
    /** Evaluate this many agents instead of searching for the least meeting the targets. */
    agents: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((b) => b.model !== 'a' || b.patienceSeconds !== undefined, needsPatience)
  .refine((b) => b.agents !== undefined || hasTarget(b.targets), {
    path: ['targets'],
    message: 'give a target (serviceLevel, maxAsaSeconds, maxAbandonRate, maxOccupancy) or agents to evaluate',
  });
export type SolveInput = z.infer<typeof solveSchema>;

export const planSchema = z
  .object({
    intervals: z
      .array(
        z.object({
          skillGroup: z.string().min(1).max(100),
          start: z.union([z.string().max(40), z.number()]),
          calls: z.number().min(0).max(10_000_000),
          ahtSeconds: z.number().positive().max(86_400),
          patienceSeconds: z.number().positive().max(86_400).optional(),
        }),
      )
      .min(1)
      .max(20_000),
    ...modelFields,
  })
  .refine(
    (b) => b.model !== 'a' || b.patienceSeconds !== undefined || b.intervals.every((i) => i.patienceSeconds !== undefined),
    needsPatience,
  )
  .refine((b) => hasTarget(b.targets), { path: ['targets'], message: 'give at least one target' });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const historyQuerySchema = z
  .object({
    skillGroupId: z.coerce.number().int().positive(),
    /** First day (center zone); with `to` omitted too, the last full Monday–Sunday week of stored calls. */
    from: day.optional(),
    /** Day after the last day (exclusive). */
    to: day.optional(),
    interval: z
      .enum(['15', '30'])
      .default('30')
      .transform((v) => (v === '15' ? 15 : 30) as 15 | 30),
    shrinkage: z.coerce.number().min(0).lt(1).default(0.3),
    model: z.enum(['c', 'a']).default('c'),
    /** Erlang A: mean patience; when omitted, estimated from the week (Σ waiting time / abandoned). */
    patienceSeconds: z.coerce.number().positive().max(86_400).optional(),
    maxAbandonRate: z.coerce.number().gt(0).max(1).optional(),
    maxOccupancy: z.coerce.number().gt(0).max(1).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { path: ['to'], message: 'give both from and to, or neither' })
  .refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, { path: ['to'], message: 'to must be after from' })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, {
    path: ['to'],
    message: 'at most 31 days',
  });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** Most simulated calls (expected calls × replications) one request may ask for: about a second of work here. */
export const MAX_SIMULATED_CALLS = 400_000;

export const simulateSchema = z
  .object({
    intervalSeconds: z.number().int().positive().max(7200).default(1800),
    slSeconds: z.number().min(0).max(3600).default(20),
    replications: z.number().int().min(2).max(50).default(10),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    queues: z
      .array(
        z.object({
          name: z.string().min(1).max(50),
          callsPerInterval: z.array(z.number().min(0).max(100_000)).min(1).max(96),
          ahtSeconds: z.number().positive().max(86_400),
          /** Coefficient of variation of handle time: lognormal; exponential when omitted. */
          handleCv: z.number().positive().max(10).optional(),
          /** Mean patience (exponential); null = callers never hang up. */
          patienceSeconds: z.number().positive().max(86_400).nullable().default(300),
          /** Dedicated single-skill agents per interval (same length as callsPerInterval). */
          agentsPerInterval: z.array(z.number().int().min(0).max(10_000)).max(96).optional(),
        }),
      )
      .min(1)
      .max(5),
    /** Multi-skill agents logged in over the whole run: `count` agents with the same skills. */
    agents: z
      .array(
        z.object({
          count: z.number().int().min(1).max(2000),
          skills: z
            .array(z.object({ queue: z.string().min(1), priority: z.number().int().min(1).max(9) }))
            .min(1)
            .max(5),
        }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((b, ctx) => {
    const names = new Set<string>();
    for (const [i, q] of b.queues.entries()) {
      if (names.has(q.name))
        ctx.addIssue({ code: 'custom', path: ['queues', i, 'name'], message: `queue ${q.name} appears twice` });
      names.add(q.name);
      if (q.agentsPerInterval && q.agentsPerInterval.length !== q.callsPerInterval.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', i, 'agentsPerInterval'],
          message: `${q.agentsPerInterval.length} values for ${q.callsPerInterval.length} intervals`,
        });
      }
    }
    for (const [i, a] of b.agents.entries()) {
      for (const [j, s] of a.skills.entries()) {
        if (!names.has(s.queue))
          ctx.addIssue({
            code: 'custom',
            path: ['agents', i, 'skills', j, 'queue'],
            message: `"${s.queue}" is not one of the queues`,
          });
      }
    }
    const calls = b.queues.reduce((s, q) => s + q.callsPerInterval.reduce((x, y) => x + y, 0), 0) * b.replications;
    if (calls > MAX_SIMULATED_CALLS) {
      ctx.addIssue({
        code: 'custom',
        path: ['replications'],
        message: `about ${Math.round(calls).toLocaleString('en')} simulated calls (calls × replications); at most ${MAX_SIMULATED_CALLS.toLocaleString('en')} per request — use fewer replications or intervals, or the CLI`,
      });
    }
  });
export type SimulateInput = z.infer<typeof simulateSchema>;
