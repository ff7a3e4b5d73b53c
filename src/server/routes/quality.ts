/**
 * The quality-evaluation (质检) API: versioned scorecards, evaluations scored by the domain's
 * scoreEvaluation, self-evaluation, acknowledgement, disputes (申诉) decided by a second evaluator, and
 * coaching (辅导). Charts/Pareto/exports live in quality-charts.ts, calibration in quality-calibration.ts,
 * samples in qa-samples.ts. JSON shapes: docs/quality-api.md.
 *
 * Scope: agents see only their own evaluations, team leads their team's, qa/manager/trainer/admin all.
 * A record outside the caller's scope answers 404 (not 403), so ids of others' evaluations reveal nothing.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasAnyRole, PERSONAL_DATA_ROLES } from '../../domain/auth/roles.ts';
import { maskPhone } from '../../domain/privacy/mask.ts';
import { scoreEvaluation } from '../../domain/quality/scorecard.ts';
import { type Answers, answersSchema, scorecardSchema } from '../../domain/quality/scorecard-schema.ts';
import { type Db, writeAudit } from '../../store/audit.ts';
import { loadReportContext } from '../../store/interval-cells.ts';
import {
  canSeeAgent,
  contactForEvaluation,
  countEvaluations,
  getScorecard,
  itemLabels,
  listEvaluations,
} from '../../store/quality.ts';
import type { SessionUser } from '../context.ts';
import { toXlsx } from '../export/xlsx.ts';
import { conflict, HttpProblem, notFound, unprocessable } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { qaWorkbenchRoutes } from './qa-workbench.ts';
import { qualityCalibrationRoutes } from './quality-calibration.ts';
import { qualityChartRoutes, sendXlsx } from './quality-charts.ts';
import {
  criticalFlag,
  dateRangeQuery,
  dayRangeMs,
  failedItems,
  QA_READ,
  QA_TAGS,
  qaViewer,
  scoreOr422,
} from './quality-shared.ts';

const EVALUATE = ['qa'] as const;
const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/** Comments pinned to a moment of the recording (seconds from its start), per item or for the whole call. */
const notesSchema = z
  .array(
    z.object({
      item: z.string().max(64).nullable().default(null),
      atSeconds: z.number().min(0).max(86_400),
      text: z.string().trim().min(1).max(2000),
    }),
  )
  .max(200)
  .default([]);

interface StoredAnswers {
  answers: Answers;
  comment: string | null;
  notes?: z.output<typeof notesSchema>;
}

const evaluationBody = z.object({
  scorecardId: z.number().int().positive(),
  agentId: z.number().int().positive(),
  contactKey: z.string().max(200).nullable().default(null),
  answers: answersSchema,
  comment: z.string().max(4000).optional(),
  notes: notesSchema,
  followUpOf: z.number().int().positive().optional(),
});

async function loadVisible(db: Db, user: SessionUser, id: number) {
  const e = await db
    .selectFrom('evaluation')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '<>', 'calibration')
    .executeTakeFirst();
  if (!e || !(await canSeeAgent(db, await qaViewer(db, user), e.agent_id))) throw notFound('evaluation');
  return e;
}

function checkNotes(card: Parameters<typeof failedItems>[0], notes: z.output<typeof notesSchema>) {
  const ids = new Set(card.sections.flatMap((s) => s.items.map((i) => i.id)));
  notes.forEach((n, i) => {
    if (n.item != null && !ids.has(n.item))
      throw unprocessable(`note ${i}: item ${n.item} is not on the scorecard`, [
        { path: `body.notes.${i}.item`, message: 'not on the scorecard' },
      ]);
  });
}

export async function qualityRoutes(app: FastifyInstance) {
  const cardView = (r: {
    id: number;
    key: string;
    version: number;
    name: string;
    definition_json: string;
    created_at: number;
    created_by: string;
  }) => ({
    id: r.id,
    key: r.key,
    version: r.version,
    name: r.name,
    definition: JSON.parse(r.definition_json),
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/scorecards',
    access: QA_READ,
    tags: QA_TAGS,
    summary: 'Scorecards, latest version of each (every version with ?all=true, one key with ?key=)',
    query: z.object({ all: z.enum(['true', 'false']).default('false'), key: z.string().max(64).optional() }),
    handler: async ({ ctx, query }) => {
      let q = ctx.db.selectFrom('scorecard').selectAll().orderBy('key').orderBy('version', 'desc');
      if (query.key) q = q.where('key', '=', query.key);
      const rows = await q.execute();
      const shown = query.all === 'true' ? rows : rows.filter((r, i) => rows.findIndex((x) => x.key === r.key) === i);
      return { items: shown.map(cardView) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/scorecards/:id',
    access: QA_READ,
    tags: QA_TAGS,
    params: idParams,
    summary: 'One scorecard version',
    handler: async ({ ctx, params }) => {
      const r = await ctx.db.selectFrom('scorecard').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!r) throw notFound('scorecard');
      return cardView(r);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/scorecards',
    access: ['qa', 'manager', 'admin'],
    tags: QA_TAGS,
    summary: 'Create a scorecard, or a new version of one (same key): past evaluations keep the version they used',
    body: z.object({ key: z.string().trim().min(1).max(64), definition: z.record(z.string(), z.unknown()) }),
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const last = await tx
          .selectFrom('scorecard')
          .select(['id', 'version'])
          .where('key', '=', body.key)
          .orderBy('version', 'desc')
          .executeTakeFirst();
        const version = (last?.version ?? 0) + 1;
        const parsed = scorecardSchema.safeParse({ ...body.definition, id: body.key, version });
        if (!parsed.success)
          throw unprocessable(
            'invalid scorecard',
            parsed.error.issues.map((i) => ({
              path: ['body', 'definition', ...i.path.map(String)].join('.'),
              message: i.message,
            })),
          );
        const { id } = await tx
          .insertInto('scorecard')
          .values({
            key: body.key,
            version,
            name: parsed.data.name,
            definition_json: JSON.stringify(parsed.data),
            created_at: ctx.now(),
            created_by: actor.name,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: last ? 'new_version' : 'create',
            entity: 'scorecard',
            entityId: id,
            before: last ? { id: last.id, version: last.version } : undefined,
            after: { key: body.key, version },
          },
          ctx.now(),
        );
        reply.code(201);
        return { id, key: body.key, version };
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/evaluations',
    access: [...EVALUATE],
    tags: QA_TAGS,
    body: evaluationBody,
    summary:
      'Score a contact on a scorecard version (N/A leaves the points possible; critical items zero their section or the form); followUpOf links the coaching of an earlier evaluation',
    handler: async ({ ctx, body, user, actor, reply }) => {
      const sc = await getScorecard(ctx.db, body.scorecardId);
      if (!sc) throw notFound('scorecard');
      if (!(await ctx.db.selectFrom('agent').select('id').where('id', '=', body.agentId).executeTakeFirst()))
        throw notFound('agent');
      checkNotes(sc.card, body.notes);
      if (body.followUpOf) {
        const prior = await ctx.db
          .selectFrom('evaluation')
          .select('agent_id')
          .where('id', '=', body.followUpOf)
          .executeTakeFirst();
        if (!prior) throw notFound('evaluation to follow up');
        if (prior.agent_id !== body.agentId)
          throw unprocessable('a follow-up evaluates the same agent', [
            { path: 'body.followUpOf', message: 'evaluation of another agent' },
          ]);
      }
      const s = scoreOr422(sc.card, body.answers);
      const failed = failedItems(sc.card, body.answers);
      return ctx.db.transaction().execute(async (tx) => {
        const stored: StoredAnswers = { answers: body.answers, comment: body.comment ?? null, notes: body.notes };
        const { id } = await tx
          .insertInto('evaluation')
          .values({
            scorecard_id: sc.id,
            contact_key: body.contactKey,
            agent_id: body.agentId,
            evaluator_user_id: user.id,
            kind: body.followUpOf ? 'follow_up' : 'normal',
            calibration_session_id: null,
            status: 'submitted',
            answers_json: JSON.stringify(stored),
            score: s.total,
            critical_failed: criticalFlag(s),
            failed_items_json: JSON.stringify(failed),
            comment: body.comment ?? null,
            evaluated_at: ctx.now(),
            acknowledged_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (body.followUpOf)
          await tx
            .updateTable('coaching_task')
            .set({ follow_up_evaluation_id: id, status: 'followed_up' })
            .where('evaluation_id', '=', body.followUpOf)
            .where('status', '<>', 'cancelled')
            .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'create',
            entity: 'evaluation',
            entityId: id,
            after: { agentId: body.agentId, scorecardId: sc.id, score: s.total, failedItems: failed },
          },
          ctx.now(),
        );
        reply.code(201);
        return {
          id,
          score: s.total,
          criticalFailed: criticalFlag(s) === 1,
          failedItems: failed,
          sections: s.sections,
          formCriticalFailed: s.formCriticalFailed,
          sectionCriticalFailed: s.sectionCriticalFailed,
        };
      });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/evaluations/self',
    access: ['agent'],
    tags: QA_TAGS,
    summary: "An agent's self-evaluation (自评) of one of their own contacts",
    body: evaluationBody.omit({ agentId: true, followUpOf: true }),
    handler: async ({ ctx, body, user, actor, reply }) => {
      if (user.agentId == null) throw new HttpProblem(403, 'Forbidden', 'this user is not linked to an agent');
      const sc = await getScorecard(ctx.db, body.scorecardId);
      if (!sc) throw notFound('scorecard');
      checkNotes(sc.card, body.notes);
      const s = scoreOr422(sc.card, body.answers);
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('evaluation')
          .values({
            scorecard_id: sc.id,
            contact_key: body.contactKey,
            agent_id: user.agentId!,
            evaluator_user_id: user.id,
            kind: 'self',
            calibration_session_id: null,
            status: 'submitted',
            answers_json: JSON.stringify({
              answers: body.answers,
              comment: body.comment ?? null,
              notes: body.notes,
            } satisfies StoredAnswers),
            score: s.total,
            critical_failed: criticalFlag(s),
            failed_items_json: JSON.stringify(failedItems(sc.card, body.answers)),
            comment: body.comment ?? null,
            evaluated_at: ctx.now(),
            acknowledged_at: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          { action: 'self_evaluate', entity: 'evaluation', entityId: id, after: { score: s.total } },
          ctx.now(),
        );
        reply.code(201);
        return { id, score: s.total };
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/evaluations',
    access: QA_READ,
    tags: QA_TAGS,
    summary:
      'Evaluations the caller may see (agents: their own; team leads: their team), newest first, a page at a time (limit, offset; total counts them all); ?format=xlsx exports them',
    query: dateRangeQuery.extend({
      agentId: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(200),
      offset: z.coerce.number().int().min(0).default(0),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
    handler: async ({ ctx, query, user, reply }) => {
      let range: { from?: number; to?: number } = {};
      if (query.from || query.to) range = dayRangeMs(query, (await loadReportContext(ctx.db)).timeZone, ctx.now());
      const viewer = await qaViewer(ctx.db, user);
      const filter = { agentId: query.agentId, ...range };
      const rows = await listEvaluations(ctx.db, viewer, { ...filter, limit: query.limit, offset: query.offset });
      const items = rows.map((r) => ({
        id: r.id,
        agentId: r.agent_id,
        agent: `${r.employee_no} ${r.agent_name}`,
        teamId: r.team_id,
        score: r.score,
        criticalFailed: r.critical_failed === 1,
        kind: r.kind,
        status: r.status,
        evaluatedAt: iso(r.evaluated_at)!,
        acknowledged: r.acknowledged_at != null,
        scorecard: `${r.scorecard_name} v${r.version}`,
        scorecardVersion: r.version,
        evaluator: r.evaluator,
        contactKey: r.contact_key,
      }));
      if (query.format === 'xlsx') {
        const buf = await toXlsx(
          '质检记录',
          [
            { key: 'id', header: '编号' },
            { key: 'evaluatedAt', header: '质检时间' },
            { key: 'agent', header: '话务员' },
            { key: 'contactKey', header: '通话' },
            { key: 'scorecard', header: '评分表' },
            { key: 'score', header: '得分', numFmt: '0.0' },
            { key: 'criticalFailed', header: '致命错误' },
            { key: 'kind', header: '类型' },
            { key: 'status', header: '状态' },
            { key: 'evaluator', header: '质检员' },
          ],
          items.map((i) => ({ ...i, criticalFailed: i.criticalFailed ? '是' : '否' })),
        );
        return sendXlsx(reply, buf, 'evaluations.xlsx');
      }
      return { total: await countEvaluations(ctx.db, viewer, filter), items };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/evaluations/:id',
    access: QA_READ,
    tags: QA_TAGS,
    params: idParams,
    summary:
      'One evaluation with the scorecard version it used, the contact (recording URL), answers, timed notes, disputes and coaching',
    handler: async ({ ctx, params, user }) => {
      const e = await loadVisible(ctx.db, user, params.id);
      const sc = (await getScorecard(ctx.db, e.scorecard_id))!;
      const stored = JSON.parse(e.answers_json) as StoredAnswers;
      const s = scoreEvaluation(sc.card, stored.answers);
      const agent = await ctx.db
        .selectFrom('agent')
        .select(['employee_no', 'name', 'team_id'])
        .where('id', '=', e.agent_id)
        .executeTakeFirstOrThrow();
      const evaluator =
        e.evaluator_user_id == null
          ? undefined
          : await ctx.db
              .selectFrom('app_user')
              .select(['id', 'display_name'])
              .where('id', '=', e.evaluator_user_id)
              .executeTakeFirst();
      const c = e.contact_key ? await contactForEvaluation(ctx.db, e.contact_key) : undefined;
      const disputes = await ctx.db
        .selectFrom('evaluation_dispute')
        .selectAll()
        .where('evaluation_id', '=', e.id)
        .orderBy('id')
        .execute();
      const coaching = await ctx.db
        .selectFrom('coaching_task')
        .selectAll()
        .where('evaluation_id', '=', e.id)
        .orderBy('id')
        .execute();
      return {
        id: e.id,
        agent: { id: e.agent_id, employeeNo: agent.employee_no, name: agent.name, teamId: agent.team_id },
        evaluator: evaluator ? { id: evaluator.id, name: evaluator.display_name } : null,
        scorecard: sc,
        score: e.score,
        criticalFailed: e.critical_failed === 1,
        sections: s.sections,
        formCriticalFailed: s.formCriticalFailed,
        sectionCriticalFailed: s.sectionCriticalFailed,
        answers: stored.answers,
        notes: stored.notes ?? [],
        comment: e.comment,
        failedItems: JSON.parse(e.failed_items_json) as string[],
        kind: e.kind,
        status: e.status,
        evaluatedAt: iso(e.evaluated_at),
        acknowledgedAt: iso(e.acknowledged_at),
        contactKey: e.contact_key,
        contact: c
          ? {
              key: c.key,
              queue: c.queue,
              callerId: hasAnyRole(user.roles, PERSONAL_DATA_ROLES) ? c.caller_id : maskPhone(c.caller_id),
              enteredAt: iso(c.entered_at),
              answeredAt: iso(c.answered_at),
              endedAt: iso(c.ended_at),
              agent: c.agent,
              talkSeconds: c.talk_seconds,
              holdSeconds: c.hold_seconds,
              acwSeconds: c.acw_seconds,
              outcome: c.outcome,
              transferred: c.transferred === 1,
              recordingUrl: c.recording_url,
            }
          : null,
        disputes: disputes.map((d) => ({
          id: d.id,
          reason: d.reason,
          proposal: JSON.parse(d.proposal_json) as Answers,
          status: d.status,
          decisionNote: d.decision_note,
          raisedAt: iso(d.raised_at),
          decidedAt: iso(d.decided_at),
        })),
        coaching: coaching.map((t) => ({
          id: t.id,
          items: JSON.parse(t.items_json) as string[],
          dueDate: t.due_date,
          status: t.status,
          followUpEvaluationId: t.follow_up_evaluation_id,
          note: t.note,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/evaluations/:id/acknowledge',
    access: ['agent'],
    tags: QA_TAGS,
    params: idParams,
    summary: 'The evaluated agent acknowledges (确认) their evaluation',
    handler: async ({ ctx, params, user, actor }) => {
      const e = await loadVisible(ctx.db, user, params.id);
      if (e.agent_id !== user.agentId) throw new HttpProblem(403, 'Forbidden', 'only the evaluated agent acknowledges');
      if (e.acknowledged_at != null) return { id: e.id, status: e.status, acknowledgedAt: iso(e.acknowledged_at) };
      const status = e.status === 'submitted' ? 'acknowledged' : e.status;
      const now = ctx.now();
      await ctx.db.transaction().execute(async (tx) => {
        await tx.updateTable('evaluation').set({ acknowledged_at: now, status }).where('id', '=', e.id).execute();
        await writeAudit(
          tx,
          actor,
          { action: 'acknowledge', entity: 'evaluation', entityId: e.id, before: { status: e.status }, after: { status } },
          now,
        );
      });
      return { id: e.id, status, acknowledgedAt: iso(now) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/evaluations/:id/disputes',
    access: ['agent'],
    tags: QA_TAGS,
    params: idParams,
    summary: 'Dispute (申诉) an own evaluation with proposed answers per item',
    body: z.object({ reason: z.string().trim().min(2).max(2000), proposal: answersSchema }),
    handler: async ({ ctx, params, body, user, actor, reply }) => {
      const e = await loadVisible(ctx.db, user, params.id);
      if (e.agent_id !== user.agentId || e.kind === 'self')
        throw new HttpProblem(403, 'Forbidden', 'only the evaluated agent disputes an evaluation by someone else');
      if (
        await ctx.db
          .selectFrom('evaluation_dispute')
          .select('id')
          .where('evaluation_id', '=', e.id)
          .where('status', '=', 'open')
          .executeTakeFirst()
      )
        throw conflict('this evaluation already has an open dispute');
      // The proposal must make a valid evaluation once applied, so a decision can always re-score it.
      const sc = (await getScorecard(ctx.db, e.scorecard_id))!;
      scoreOr422(sc.card, { ...(JSON.parse(e.answers_json) as StoredAnswers).answers, ...body.proposal }, 'body.proposal');
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('evaluation_dispute')
          .values({
            evaluation_id: e.id,
            raised_by_user_id: user.id,
            reason: body.reason,
            proposal_json: JSON.stringify(body.proposal),
            status: 'open',
            decided_by_user_id: null,
            decision_note: null,
            raised_at: ctx.now(),
            decided_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.updateTable('evaluation').set({ status: 'disputed' }).where('id', '=', e.id).execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'dispute',
            entity: 'evaluation',
            entityId: e.id,
            before: { status: e.status },
            after: { status: 'disputed', disputeId: id, reason: body.reason, proposal: body.proposal },
          },
          ctx.now(),
        );
        reply.code(201);
        return { id, evaluationId: e.id, status: 'open' };
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/disputes',
    access: QA_READ,
    tags: QA_TAGS,
    summary: 'Disputes the caller may see (open ones with ?status=open), oldest first',
    query: z.object({ status: z.enum(['open', 'accepted', 'partly_accepted', 'rejected']).optional() }),
    handler: async ({ ctx, query, user }) => {
      let q = ctx.db
        .selectFrom('evaluation_dispute')
        .innerJoin('evaluation', 'evaluation.id', 'evaluation_dispute.evaluation_id')
        .innerJoin('agent', 'agent.id', 'evaluation.agent_id')
        .select([
          'evaluation_dispute.id',
          'evaluation_dispute.evaluation_id',
          'evaluation_dispute.reason',
          'evaluation_dispute.proposal_json',
          'evaluation_dispute.status',
          'evaluation_dispute.raised_at',
          'evaluation_dispute.decided_at',
          'evaluation_dispute.decision_note',
          'evaluation.agent_id',
          'evaluation.evaluator_user_id',
          'evaluation.score',
          'agent.employee_no',
          'agent.name',
        ]);
      if (query.status) q = q.where('evaluation_dispute.status', '=', query.status);
      const v = await qaViewer(ctx.db, user);
      const rows = [];
      for (const r of await q.orderBy('evaluation_dispute.raised_at').orderBy('evaluation_dispute.id').limit(1000).execute())
        if (await canSeeAgent(ctx.db, v, r.agent_id)) rows.push(r);
      return {
        items: rows.map((r) => ({
          id: r.id,
          evaluationId: r.evaluation_id,
          agentId: r.agent_id,
          agent: `${r.employee_no} ${r.name}`,
          score: r.score,
          reason: r.reason,
          proposal: JSON.parse(r.proposal_json) as Answers,
          status: r.status,
          raisedAt: iso(r.raised_at),
          decidedAt: iso(r.decided_at),
          decisionNote: r.decision_note,
          decidableByMe: r.status === 'open' && user.roles.includes('qa') && r.evaluator_user_id !== user.id,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/disputes/:id/decide',
    access: [...EVALUATE],
    tags: QA_TAGS,
    params: idParams,
    summary:
      'A second evaluator (not the one who scored) accepts, partly accepts (naming the items) or rejects a dispute; the evaluation is re-scored, the old score kept in the audit',
    body: z.object({
      decision: z.enum(['accepted', 'partly_accepted', 'rejected']),
      acceptedItems: z.array(z.string()).default([]),
      note: z.string().max(2000).optional(),
    }),
    handler: async ({ ctx, params, body, user, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const d = await tx.selectFrom('evaluation_dispute').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!d) throw notFound('dispute');
        if (d.status !== 'open') throw conflict(`the dispute is already ${d.status}`);
        const e = await tx.selectFrom('evaluation').selectAll().where('id', '=', d.evaluation_id).executeTakeFirstOrThrow();
        if (e.evaluator_user_id === user.id)
          throw new HttpProblem(403, 'Forbidden', 'a dispute is decided by a second evaluator, not the one who scored');
        const proposal = JSON.parse(d.proposal_json) as Answers;
        if (body.decision === 'partly_accepted') {
          const stray = body.acceptedItems.filter((k) => !(k in proposal));
          if (body.acceptedItems.length === 0 || stray.length)
            throw unprocessable('partly accepted names some of the proposed items', [
              {
                path: 'body.acceptedItems',
                message: stray.length ? `not proposed: ${stray.join(', ')}` : 'name at least one proposed item',
              },
            ]);
        }
        const sc = (await getScorecard(tx, e.scorecard_id))!;
        const stored = JSON.parse(e.answers_json) as StoredAnswers;
        const take =
          body.decision === 'accepted' ? Object.keys(proposal) : body.decision === 'partly_accepted' ? body.acceptedItems : [];
        const answers: Answers = { ...stored.answers };
        for (const k of take) answers[k] = proposal[k]!;
        const s = scoreOr422(sc.card, answers);
        const failed = failedItems(sc.card, answers);
        await tx
          .updateTable('evaluation')
          .set({
            answers_json: JSON.stringify({ ...stored, answers }),
            score: s.total,
            failed_items_json: JSON.stringify(failed),
            critical_failed: criticalFlag(s),
            status: 'dispute_decided',
          })
          .where('id', '=', e.id)
          .execute();
        await tx
          .updateTable('evaluation_dispute')
          .set({ status: body.decision, decided_by_user_id: user.id, decision_note: body.note ?? null, decided_at: ctx.now() })
          .where('id', '=', d.id)
          .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: `dispute_${body.decision}`,
            entity: 'evaluation',
            entityId: e.id,
            before: {
              score: e.score,
              answers: Object.fromEntries(take.map((k) => [k, stored.answers[k] ?? null])),
              failedItems: JSON.parse(e.failed_items_json),
            },
            after: {
              score: s.total,
              answers: Object.fromEntries(take.map((k) => [k, answers[k]])),
              failedItems: failed,
              disputeId: d.id,
            },
          },
          ctx.now(),
        );
        return {
          disputeId: d.id,
          evaluationId: e.id,
          decision: body.decision,
          acceptedItems: take,
          previousScore: e.score,
          score: s.total,
          failedItems: failed,
        };
      }),
  });

  const coachingView = (t: {
    id: number;
    evaluation_id: number | null;
    agent_id: number;
    items_json: string;
    due_date: string;
    status: string;
    follow_up_evaluation_id: number | null;
    note: string | null;
    created_at: number;
    created_by: string;
  }) => ({
    id: t.id,
    evaluationId: t.evaluation_id,
    agentId: t.agent_id,
    items: JSON.parse(t.items_json) as string[],
    dueDate: t.due_date,
    status: t.status,
    followUpEvaluationId: t.follow_up_evaluation_id,
    note: t.note,
    createdAt: iso(t.created_at),
    createdBy: t.created_by,
  });
  const COACH = ['qa', 'team_lead', 'trainer'] as const;

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/coaching',
    access: [...COACH],
    tags: QA_TAGS,
    summary: 'A coaching task (辅导) on the failed items of an evaluation, with a due date',
    body: z.object({ evaluationId: z.number().int().positive(), dueDate: z.iso.date(), note: z.string().max(2000).optional() }),
    handler: async ({ ctx, body, user, actor, reply }) => {
      const e = await loadVisible(ctx.db, user, body.evaluationId);
      const items = JSON.parse(e.failed_items_json) as string[];
      if (items.length === 0)
        throw unprocessable('the evaluation has no failed items to coach', [
          { path: 'body.evaluationId', message: 'no failed items' },
        ]);
      return ctx.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('coaching_task')
          .values({
            evaluation_id: e.id,
            agent_id: e.agent_id,
            items_json: JSON.stringify(items),
            due_date: body.dueDate,
            status: 'open',
            follow_up_evaluation_id: null,
            note: body.note ?? null,
            created_at: ctx.now(),
            created_by: actor.name,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: 'create',
            entity: 'coaching_task',
            entityId: row.id,
            after: { evaluationId: e.id, items, dueDate: body.dueDate },
          },
          ctx.now(),
        );
        reply.code(201);
        return coachingView(row);
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/coaching',
    access: QA_READ,
    tags: QA_TAGS,
    summary: 'Coaching tasks the caller may see (agents: their own), by due date',
    query: z.object({
      status: z.enum(['open', 'in_progress', 'done', 'followed_up', 'cancelled']).optional(),
      agentId: z.coerce.number().int().positive().optional(),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
    handler: async ({ ctx, query, user, reply }) => {
      let q = ctx.db.selectFrom('coaching_task').selectAll();
      if (query.status) q = q.where('status', '=', query.status);
      if (query.agentId) q = q.where('agent_id', '=', query.agentId);
      const v = await qaViewer(ctx.db, user);
      const rows = [];
      for (const r of await q.orderBy('due_date').orderBy('id').limit(1000).execute())
        if (await canSeeAgent(ctx.db, v, r.agent_id)) rows.push(r);
      if (query.format === 'xlsx') {
        const labels = await itemLabels(ctx.db);
        const ids = [...new Set(rows.map((r) => r.agent_id))];
        const names = new Map(
          ids.length
            ? (await ctx.db.selectFrom('agent').select(['id', 'employee_no', 'name']).where('id', 'in', ids).execute()).map(
                (a) => [a.id, `${a.employee_no} ${a.name}`],
              )
            : [],
        );
        const buf = await toXlsx(
          '辅导',
          [
            { key: 'dueDate', header: '期限' },
            { key: 'agent', header: '话务员', width: 16 },
            { key: 'items', header: '辅导项', width: 40 },
            { key: 'status', header: '状态' },
            { key: 'evaluationId', header: '质检编号' },
            { key: 'followUpEvaluationId', header: '复检编号' },
            { key: 'note', header: '备注', width: 30 },
            { key: 'createdBy', header: '创建人' },
          ],
          rows
            .map(coachingView)
            .map((c) => ({
              ...c,
              agent: names.get(c.agentId) ?? c.agentId,
              items: c.items.map((i) => labels.get(i) ?? i).join('、'),
            })),
        );
        return sendXlsx(reply, buf, 'coaching.xlsx');
      }
      return { items: rows.map(coachingView) };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/qa/coaching/:id',
    access: [...COACH],
    tags: QA_TAGS,
    params: idParams,
    summary: "Update a coaching task's status, due date, note or follow-up evaluation (which must evaluate the same agent)",
    body: z.object({
      status: z.enum(['open', 'in_progress', 'done', 'followed_up', 'cancelled']).optional(),
      dueDate: z.iso.date().optional(),
      note: z.string().max(2000).nullable().optional(),
      followUpEvaluationId: z.number().int().positive().optional(),
    }),
    handler: async ({ ctx, params, body, user, actor }) => {
      const t = await ctx.db.selectFrom('coaching_task').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!t || !(await canSeeAgent(ctx.db, await qaViewer(ctx.db, user), t.agent_id))) throw notFound('coaching task');
      const set: { status?: string; due_date?: string; note?: string | null; follow_up_evaluation_id?: number } = {};
      if (body.followUpEvaluationId != null) {
        const f = await ctx.db
          .selectFrom('evaluation')
          .select(['agent_id', 'kind'])
          .where('id', '=', body.followUpEvaluationId)
          .executeTakeFirst();
        if (!f || f.kind === 'calibration') throw notFound('follow-up evaluation');
        if (f.agent_id !== t.agent_id)
          throw unprocessable('the follow-up evaluates another agent', [
            { path: 'body.followUpEvaluationId', message: 'evaluation of another agent' },
          ]);
        set.follow_up_evaluation_id = body.followUpEvaluationId;
        set.status = 'followed_up';
      }
      if (body.status) set.status = body.status;
      if (body.dueDate) set.due_date = body.dueDate;
      if (body.note !== undefined) set.note = body.note;
      if (Object.keys(set).length === 0) return coachingView(t);
      return ctx.db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('coaching_task')
          .set(set)
          .where('id', '=', t.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: 'update',
            entity: 'coaching_task',
            entityId: t.id,
            before: { status: t.status, dueDate: t.due_date, note: t.note, followUpEvaluationId: t.follow_up_evaluation_id },
            after: body,
          },
          ctx.now(),
        );
        return coachingView(row);
      });
    },
  });

  await qualityChartRoutes(app);
  await qualityCalibrationRoutes(app);
  await qaWorkbenchRoutes(app);
}
