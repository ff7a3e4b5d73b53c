import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { candidateFromContact, periodOf, type SamplingPlan, selectSample } from '../../domain/quality/sampling.ts';
import { createRandom } from '../../domain/simulation/random.ts';
import { agentIdentity } from '../../ingest/queue-log/agent-identity.ts';
import { writeAudit } from '../../store/audit.ts';
import { contactsBetween } from '../../store/contacts.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import { HttpProblem, notFound } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';

const TAGS = ['quality'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const planSchema = z.object({
  period: z.enum(['day', 'week', 'month']),
  quota: z.number().int().min(0).max(100),
  filters: z
    .object({
      queues: z.array(z.string()).optional(),
      minHandleSeconds: z.number().min(0).optional(),
      maxHandleSeconds: z.number().min(0).optional(),
    })
    .optional(),
  targeted: z
    .array(
      z.object({
        criterion: z.enum(['complaint', 'longest_handle', 'low_satisfaction', 'transferred', 'repeat_caller']),
        perAgent: z.number().int().min(1).max(20),
      }),
    )
    .optional(),
});

/** Sampling plans (抽样): quotas per agent and period, random within filters plus targeted samples; changes kept with why. */
export async function qaSampleRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/samples',
    access: ['qa', 'manager'],
    tags: TAGS,
    summary: 'Draw the sample of a date range by a plan (seeded, so the same request draws the same contacts)',
    body: z.object({
      from: date,
      to: date,
      plan: planSchema,
      seed: z.number().int().default(1),
      name: z.string().max(100).default('sample'),
    }),
    handler: async ({ ctx, body, actor, reply }) => {
      const rc = await loadReportContext(ctx.db);
      const from = DateTime.fromISO(body.from, { zone: rc.timeZone }).toMillis();
      const to = DateTime.fromISO(body.to, { zone: rc.timeZone }).toMillis();
      if (!(to > from))
        throw new HttpProblem(400, 'Bad Request', 'to must be after from', [{ path: 'body.to', message: 'must be after from' }]);
      const contacts = await contactsBetween(ctx.db, from, to);
      const candidates = contacts.map((c) => candidateFromContact(c)).filter((c): c is NonNullable<typeof c> => c !== null);
      const plan: SamplingPlan = { ...body.plan, zone: rc.timeZone };
      const selection = selectSample(candidates, plan, createRandom(body.seed));
      const agents = new Map(
        (await ctx.db.selectFrom('agent_map').select(['identity', 'agent_id']).execute()).map((m) => [m.identity, m.agent_id]),
      );
      const rows = selection.samples
        .map((s) => ({
          contact_key: s.key,
          agent_id: agents.get(agentIdentity(s.agent)) ?? null,
          plan: body.name,
          reason: s.reason,
          status: 'selected',
          replaced_reason: null,
          created_at: ctx.now(),
        }))
        .filter((r): r is typeof r & { agent_id: number } => r.agent_id != null);
      await ctx.db.transaction().execute(async (tx) => {
        for (let i = 0; i < rows.length; i += 300)
          await tx
            .insertInto('qa_sample')
            .values(rows.slice(i, i + 300))
            .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'draw',
            entity: 'qa_sample',
            entityId: body.name,
            after: { ...body, drawn: rows.length, shortfalls: selection.shortfalls.length },
          },
          ctx.now(),
        );
      });
      reply.code(201);
      return {
        drawn: rows.length,
        unmappedAgents: selection.samples.length - rows.length,
        shortfalls: selection.shortfalls,
        samples: selection.samples.slice(0, 500),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/samples',
    access: ['qa', 'manager', 'trainer', 'admin'],
    tags: TAGS,
    summary: 'Drawn samples (newest first), with removed and replaced ones and why',
    query: z.object({
      plan: z.string().max(100).optional(),
      agentId: z.coerce.number().int().positive().optional(),
      status: z.enum(['selected', 'replaced', 'removed']).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    handler: async ({ ctx, query }) => {
      let q = ctx.db
        .selectFrom('qa_sample')
        .innerJoin('agent', 'agent.id', 'qa_sample.agent_id')
        .leftJoin('contact', 'contact.key', 'qa_sample.contact_key')
        .select([
          'qa_sample.id',
          'qa_sample.contact_key',
          'qa_sample.agent_id',
          'qa_sample.created_at',
          'contact.entered_at',
          'contact.recording_url',
          'agent.employee_no',
          'agent.name',
          'qa_sample.plan',
          'qa_sample.reason',
          'qa_sample.status',
          'qa_sample.replaced_reason',
        ]);
      if (query.plan) q = q.where('qa_sample.plan', '=', query.plan);
      if (query.agentId) q = q.where('qa_sample.agent_id', '=', query.agentId);
      if (query.status) q = q.where('qa_sample.status', '=', query.status);
      const rows = await q.orderBy('qa_sample.id', 'desc').limit(query.limit).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          contactKey: r.contact_key,
          agentId: r.agent_id,
          createdAt: new Date(r.created_at).toISOString(),
          enteredAt: r.entered_at == null ? null : new Date(r.entered_at).toISOString(),
          recordingUrl: r.recording_url ?? null,
          agent: `${r.employee_no} ${r.name}`,
          plan: r.plan,
          reason: r.reason,
          status: r.status,
          changeReason: r.replaced_reason,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/samples/:id/replace',
    access: ['qa', 'manager'],
    tags: TAGS,
    params: idParams,
    summary:
      'Remove a sample (e.g. recording missing) with the reason, optionally replacing it by another contact of the same agent and period',
    body: z.object({
      reason: z.string().trim().min(2).max(500),
      replace: z.boolean().default(true),
      seed: z.number().int().default(1),
    }),
    handler: async ({ ctx, params, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const s = await tx.selectFrom('qa_sample').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (s?.status !== 'selected') throw notFound('selected sample');
        await tx
          .updateTable('qa_sample')
          .set({ status: body.replace ? 'replaced' : 'removed', replaced_reason: body.reason })
          .where('id', '=', s.id)
          .execute();
        let replacement: string | null = null;
        if (body.replace) {
          const contact = await tx.selectFrom('contact').selectAll().where('key', '=', s.contact_key).executeTakeFirst();
          if (contact) {
            const rc = await loadReportContext(tx);
            const period = periodOf(contact.answered_at ?? contact.entered_at, 'month', rc.timeZone);
            const start = DateTime.fromMillis(contact.entered_at, { zone: rc.timeZone }).startOf('month');
            const used = new Set((await tx.selectFrom('qa_sample').select('contact_key').execute()).map((r) => r.contact_key));
            const pool = (await contactsBetween(tx, start.toMillis(), start.plus({ months: 1 }).toMillis())).filter(
              (c) =>
                c.agent === contact.agent &&
                c.outcome === 'answered' &&
                !used.has(c.key) &&
                periodOf(c.answeredAt ?? c.enteredAt, 'month', rc.timeZone) === period,
            );
            const pick = pool[Math.floor(createRandom(body.seed)() * pool.length)];
            if (pick) {
              replacement = pick.key;
              await tx
                .insertInto('qa_sample')
                .values({
                  contact_key: pick.key,
                  agent_id: s.agent_id,
                  plan: s.plan,
                  reason: 'replacement',
                  status: 'selected',
                  replaced_reason: null,
                  created_at: ctx.now(),
                })
                .execute();
            }
          }
        }
        await writeAudit(
          tx,
          actor,
          {
            action: body.replace ? 'replace' : 'remove',
            entity: 'qa_sample',
            entityId: s.id,
            before: { contactKey: s.contact_key },
            after: { reason: body.reason, replacement },
          },
          ctx.now(),
        );
        return { id: s.id, status: body.replace ? 'replaced' : 'removed', replacement };
      }),
  });
}
