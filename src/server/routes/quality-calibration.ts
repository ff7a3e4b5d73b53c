/**
 * Calibration sessions (校准): the same contacts scored blind by several evaluators, optionally with an
 * expert's reference scoring. While a session is open every caller sees only their own scores; once
 * closed, the statistics per item and for the total: Krippendorff's α, percent agreement and each
 * evaluator's deviation from the expert (or the leave-one-out consensus), each with its n.
 *
 * Level of measurement for α, per item unless `?level=` overrides it (docs/quality-api.md):
 * a scale with two options (是/否) → nominal; a scale with three or more (优/良/差) → ordinal (ranked, the
 * gaps between options are not equal); an item scored in points, and the total → interval.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type CalibrationScore, summariseCalibration } from '../../domain/quality/calibration-session.ts';
import { evaluatorDeviations } from '../../domain/quality/evaluator-deviation.ts';
import { evaluatorTrends } from '../../domain/quality/evaluator-trend.ts';
import { type AlphaLevel, krippendorffAlpha, reliabilityMatrix } from '../../domain/quality/krippendorff-alpha.ts';
import { type Answers, answersSchema, type Scorecard, type ScorecardItem } from '../../domain/quality/scorecard-schema.ts';
import { type Db, writeAudit } from '../../store/audit.ts';
import { getScorecard } from '../../store/quality.ts';
import { conflict, HttpProblem, notFound, unprocessable } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { QA_TAGS, scoreOr422 } from './quality-shared.ts';

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
const RUN = ['qa', 'manager'] as const;
const VIEW = ['qa', 'manager', 'trainer', 'admin'] as const;

/** The α level fitting an item: see the file comment. */
export function levelForItem(item: ScorecardItem | undefined): AlphaLevel {
  if (!item?.scale) return 'interval';
  return item.scale.length === 2 ? 'nominal' : 'ordinal';
}

/** A stored answer as a number for α: points, or a scale option's points; N/A is a missing value. */
function answerValue(item: ScorecardItem | undefined, a: Answers[string]): number | null {
  if ('points' in a) return a.points;
  if ('option' in a) return item?.scale?.find((o) => o.label === a.option)?.points ?? null;
  return null;
}

interface SessionScoreRow {
  contact_key: string | null;
  answers_json: string;
  score: number | null;
  username: string;
  user_id: number;
}

async function sessionScores(db: Db, sessionId: number): Promise<SessionScoreRow[]> {
  return db
    .selectFrom('evaluation')
    .innerJoin('app_user', 'app_user.id', 'evaluation.evaluator_user_id')
    .select([
      'evaluation.contact_key',
      'evaluation.answers_json',
      'evaluation.score',
      'app_user.username',
      'app_user.id as user_id',
    ])
    .where('evaluation.calibration_session_id', '=', sessionId)
    .where('evaluation.kind', '=', 'calibration')
    .orderBy('evaluation.id')
    .execute();
}

/** Long-form scores (one row per contact × evaluator × item, plus `total`) for summariseCalibration. */
export function calibrationScores(rows: readonly SessionScoreRow[], card: Scorecard): CalibrationScore[] {
  const itemOf = new Map(card.sections.flatMap((sec) => sec.items).map((i) => [i.id, i]));
  return rows.flatMap((e) => {
    const answers = (JSON.parse(e.answers_json) as { answers: Answers }).answers;
    const items = [...itemOf.keys()]
      .filter((id) => id in answers)
      .map((item) => ({
        contact: e.contact_key ?? '',
        evaluator: e.username,
        item,
        value: answerValue(itemOf.get(item), answers[item]!),
      }));
    return [...items, { contact: e.contact_key ?? '', evaluator: e.username, item: 'total', value: e.score }];
  });
}

export async function qualityCalibrationRoutes(app: FastifyInstance) {
  const load = async (db: Db, id: number) => {
    const s = await db.selectFrom('calibration_session').selectAll().where('id', '=', id).executeTakeFirst();
    if (!s) throw notFound('calibration session');
    return {
      ...s,
      contacts: JSON.parse(s.contacts_json) as { contactKey: string; agentId: number }[],
      participants: s.participants_json ? (JSON.parse(s.participants_json) as number[]) : null,
    };
  };

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/calibrations',
    access: [...RUN],
    tags: QA_TAGS,
    summary:
      'A calibration session: contacts to score, the evaluators taking part, optionally an expert whose scoring is the reference',
    body: z.object({
      name: z.string().trim().min(1).max(200),
      scorecardId: z.number().int().positive(),
      contacts: z
        .array(z.object({ contactKey: z.string().min(1).max(200), agentId: z.number().int().positive() }))
        .min(1)
        .max(100),
      participantUserIds: z.array(z.number().int().positive()).min(2).max(50).optional(),
      expertUserId: z.number().int().positive().optional(),
    }),
    handler: async ({ ctx, body, actor, reply }) => {
      if (!(await getScorecard(ctx.db, body.scorecardId))) throw notFound('scorecard');
      const keys = body.contacts.map((c) => c.contactKey);
      if (new Set(keys).size !== keys.length)
        throw unprocessable('a contact is listed twice', [{ path: 'body.contacts', message: 'duplicate contactKey' }]);
      const users = [...new Set([...(body.participantUserIds ?? []), ...(body.expertUserId ? [body.expertUserId] : [])])];
      const found = users.length ? await ctx.db.selectFrom('app_user').select('id').where('id', 'in', users).execute() : [];
      const missing = users.filter((u) => !found.some((f) => f.id === u));
      if (missing.length)
        throw unprocessable(`unknown users ${missing.join(', ')}`, [
          { path: 'body.participantUserIds', message: `unknown user ids ${missing.join(', ')}` },
        ]);
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('calibration_session')
          .values({
            name: body.name,
            scorecard_id: body.scorecardId,
            contacts_json: JSON.stringify(body.contacts),
            expert_user_id: body.expertUserId ?? null,
            participants_json: body.participantUserIds ? JSON.stringify(users) : null,
            status: 'open',
            created_at: ctx.now(),
            closed_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'create', entity: 'calibration_session', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, status: 'open' };
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/calibrations',
    access: [...VIEW],
    tags: QA_TAGS,
    summary: 'Calibration sessions, newest first',
    handler: async ({ ctx }) => ({
      items: (
        await ctx.db
          .selectFrom('calibration_session')
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(100)
          .execute()
      ).map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        scorecardId: c.scorecard_id,
        contacts: (JSON.parse(c.contacts_json) as unknown[]).length,
        participants: c.participants_json ? (JSON.parse(c.participants_json) as number[]).length : null,
        expertUserId: c.expert_user_id,
        createdAt: new Date(c.created_at).toISOString(),
        closedAt: c.closed_at == null ? null : new Date(c.closed_at).toISOString(),
      })),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/calibrations/:id/scores',
    access: [...RUN],
    tags: QA_TAGS,
    params: idParams,
    summary: "An evaluator's blind scoring of one contact of an open session (scoring again replaces it)",
    body: z.object({ contactKey: z.string().min(1), answers: answersSchema }),
    handler: async ({ ctx, params, body, user, actor, reply }) => {
      const s = await load(ctx.db, params.id);
      if (s.status !== 'open') throw conflict('the session is closed');
      if (s.participants && !s.participants.includes(user.id))
        throw new HttpProblem(403, 'Forbidden', 'you are not a participant of this session');
      const contact = s.contacts.find((c) => c.contactKey === body.contactKey);
      if (!contact)
        throw unprocessable('not a contact of this session', [{ path: 'body.contactKey', message: 'not in the session' }]);
      const sc = (await getScorecard(ctx.db, s.scorecard_id))!;
      const r = scoreOr422(sc.card, body.answers);
      return ctx.db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('evaluation')
          .where('calibration_session_id', '=', s.id)
          .where('evaluator_user_id', '=', user.id)
          .where('contact_key', '=', body.contactKey)
          .execute();
        const { id } = await tx
          .insertInto('evaluation')
          .values({
            scorecard_id: sc.id,
            contact_key: body.contactKey,
            agent_id: contact.agentId,
            evaluator_user_id: user.id,
            kind: 'calibration',
            calibration_session_id: s.id,
            status: 'submitted',
            answers_json: JSON.stringify({ answers: body.answers, comment: null }),
            score: r.total,
            critical_failed: 0,
            failed_items_json: '[]',
            comment: null,
            evaluated_at: ctx.now(),
            acknowledged_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: 'calibration_score',
            entity: 'calibration_session',
            entityId: s.id,
            after: { contactKey: body.contactKey, score: r.total },
          },
          ctx.now(),
        );
        reply.code(201);
        return { id, score: r.total };
      });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/qa/calibrations/:id/close',
    access: [...RUN],
    tags: QA_TAGS,
    params: idParams,
    summary: 'Close a session: the scores and statistics become visible',
    handler: async ({ ctx, params, actor }) => {
      const s = await load(ctx.db, params.id);
      if (s.status !== 'open') throw conflict('the session is already closed');
      await ctx.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('calibration_session')
          .set({ status: 'closed', closed_at: ctx.now() })
          .where('id', '=', s.id)
          .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'close',
            entity: 'calibration_session',
            entityId: s.id,
            before: { status: 'open' },
            after: { status: 'closed' },
          },
          ctx.now(),
        );
      });
      return { id: s.id, status: 'closed' };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/calibrations/trend',
    access: [...VIEW],
    tags: QA_TAGS,
    summary:
      "Closed sessions over time: α of the total with n, each evaluator's deviation per session, and evaluators whose deviation stays high",
    query: z.object({
      threshold: z.coerce.number().positive().default(5),
      lastK: z.coerce.number().int().min(1).max(20).default(3),
      minN: z.coerce.number().int().min(1).max(100).default(3),
    }),
    handler: async ({ ctx, query }) => {
      const sessions = await ctx.db
        .selectFrom('calibration_session')
        .selectAll()
        .where('status', '=', 'closed')
        .orderBy('closed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      const history = [];
      const points = [];
      for (const s of sessions.reverse()) {
        const rows = await sessionScores(ctx.db, s.id);
        const expert = s.expert_user_id != null ? rows.find((r) => r.user_id === s.expert_user_id)?.username : undefined;
        const totals = rows.map((r) => ({ contact: r.contact_key ?? '', evaluator: r.username, score: r.score }));
        const deviations = evaluatorDeviations(totals, expert);
        const { data } = reliabilityMatrix(
          totals.filter((t) => t.evaluator !== expert).map((t) => ({ unit: t.contact, coder: t.evaluator, value: t.score })),
        );
        const at = s.closed_at ?? s.created_at;
        history.push({ sessionId: String(s.id), at, deviations });
        points.push({
          sessionId: s.id,
          name: s.name,
          closedAt: new Date(at).toISOString(),
          alpha: krippendorffAlpha(data, 'interval'),
          deviations,
        });
      }
      const trends = evaluatorTrends(history, query);
      return {
        threshold: query.threshold,
        lastK: query.lastK,
        minN: query.minN,
        sessions: points,
        evaluators: trends.map((t) => ({
          ...t,
          series: t.series.map((p) => ({ ...p, sessionId: Number(p.sessionId), at: new Date(p.at).toISOString() })),
        })),
        flagged: trends.filter((t) => t.flagged).map((t) => t.evaluator),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/qa/calibrations/:id',
    access: [...VIEW],
    tags: QA_TAGS,
    params: idParams,
    summary:
      "A session; once closed, per item and for the total: Krippendorff's α at the item's level, agreement, deviations from the expert or consensus, each with n. Blind while open.",
    query: z.object({ level: z.enum(LEVELS).optional(), tolerance: z.coerce.number().min(0).default(0) }),
    handler: async ({ ctx, params, query, user }) => {
      const s = await load(ctx.db, params.id);
      const rows = await sessionScores(ctx.db, s.id);
      const keys = s.contacts.map((c) => c.contactKey);
      const found = new Map(
        (
          await ctx.db
            .selectFrom('contact')
            .select(['key', 'recording_url', 'entered_at'])
            .where('key', 'in', keys.length ? keys : [''])
            .execute()
        ).map((c) => [c.key, c]),
      );
      // The call's start lets evaluators tell the calls apart (a contact key means nothing to them).
      const contacts = s.contacts.map((c) => ({
        ...c,
        recordingUrl: found.get(c.contactKey)?.recording_url ?? null,
        enteredAt: found.get(c.contactKey)?.entered_at ?? null,
      }));
      const head = {
        id: s.id,
        name: s.name,
        status: s.status,
        scorecardId: s.scorecard_id,
        contacts,
        participantUserIds: s.participants,
        expertUserId: s.expert_user_id,
        evaluators: new Set(rows.map((e) => e.user_id)).size,
        scored: rows.length,
      };
      if (s.status === 'open') {
        // Blind: nobody, not even a manager, sees another evaluator's scores before the session closes.
        return {
          ...head,
          blind: true,
          myScores: rows
            .filter((e) => e.user_id === user.id)
            .map((e) => ({
              contactKey: e.contact_key,
              score: e.score,
              answers: (JSON.parse(e.answers_json) as { answers: Answers }).answers,
            })),
        };
      }
      const expert = s.expert_user_id != null ? rows.find((e) => e.user_id === s.expert_user_id)?.username : undefined;
      const card = (await getScorecard(ctx.db, s.scorecard_id))!.card;
      const itemOf = new Map(card.sections.flatMap((sec) => sec.items).map((i) => [i.id, i]));
      const scores = calibrationScores(rows, card);
      const order = [...new Set(scores.map((x) => x.item))];
      const items = order.map((item) => {
        const level = query.level ?? (item === 'total' ? 'interval' : levelForItem(itemOf.get(item)));
        const [summary] = summariseCalibration(
          scores.filter((x) => x.item === item),
          { level, expert, tolerance: query.tolerance },
        );
        return { ...summary!, level, label: item === 'total' ? '总分' : (itemOf.get(item)?.label ?? item) };
      });
      return {
        ...head,
        blind: false,
        expert: expert ?? null,
        tolerance: query.tolerance,
        items,
        scores: rows.map((e) => ({ contactKey: e.contact_key, evaluator: e.username, score: e.score })),
      };
    },
  });
}
