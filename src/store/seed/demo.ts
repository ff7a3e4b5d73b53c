import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Role } from '../../domain/auth/roles.ts';
import { DEMO_PASSWORD, DEMO_SKILL_GROUPS, demoAgents } from '../../domain/demo/demo-center.ts';
import { demoCoaching } from '../../domain/demo/demo-coaching.ts';
import { demoHistory, demoPools } from '../../domain/demo/demo-history.ts';
import { DEMO_COMMON_FAILURE, DEMO_SCORECARD, demoCalibrations, demoEvaluations } from '../../domain/demo/demo-quality.ts';
import { DEMO_RECORDING_URL } from '../../domain/demo/demo-recording.ts';
import { scoreEvaluation } from '../../domain/quality/scorecard.ts';
import { type Scorecard, scorecardSchema } from '../../domain/quality/scorecard-schema.ts';
import { createRandom, streamSeed } from '../../domain/simulation/random.ts';
import { agentIdentity } from '../../ingest/queue-log/agent-identity.ts';
import { SYSTEM_ACTOR, writeAudit } from '../audit.ts';
import { insertAgentStateSpans, insertContacts } from '../contacts.ts';
import { sqliteConnectionOf } from '../database.ts';
import { loadReportContext, rebuildCells } from '../interval-cells.ts';
import type { Database } from '../schema.ts';
import { seedDemoOrganisation } from './demo-organisation.ts';
import { seedDemoSchedule } from './demo-schedule.ts';
import { seedDemoWorkOrders } from './demo-work-orders.ts';

export const DEMO_SEED = 12345;
export const DEMO_TIME_ZONE = 'Asia/Shanghai';

export interface SeedOptions {
  /** The seed's "today": history covers the full weeks before this instant's day. */
  now: number;
  log?: (message: string) => void;
  /** Weeks of call history (default 8; 0 for none). */
  weeks?: number;
}

export interface SeedResult {
  password: string;
  users: { username: string; roles: Role[] }[];
  contacts: number;
  workOrders: number;
  seconds: number;
}

/** Seeds the demo center when the database has no center yet; returns null when it already has one. */
export async function seedDemoIfEmpty(db: Kysely<Database>, options: SeedOptions): Promise<SeedResult | null> {
  const existing = await db.selectFrom('center').select('id').executeTakeFirst();
  if (existing) return null;
  return seedDemo(db, options);
}

/**
 * Seeds the demo center 示例热线 deterministically (fixed random seed): organisation, users, weeks of call history
 * from the queue simulation, QA evaluations and calibrations, the work orders of those weeks through the
 * work-order service (demo-work-orders.ts), and the published schedule of this week and the next
 * (demo-schedule.ts), in one transaction — all of it or nothing.
 */
export async function seedDemo(db: Kysely<Database>, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const u = createRandom(DEMO_SEED);
  const agents = demoAgents(u);
  const weeks = options.weeks ?? 8;
  const today = DateTime.fromMillis(options.now, { zone: DEMO_TIME_ZONE }).startOf('day');
  const first = today.minus({ days: weeks * 7 });
  const pools = demoPools(agents);
  const history =
    weeks > 0
      ? demoHistory(u, {
          startMs: first.toMillis(),
          startDate: first.toISODate() ?? '',
          days: weeks * 7,
          groups: DEMO_SKILL_GROUPS,
          pools,
        })
      : { contacts: [], spans: [] };
  log(
    `simulated ${history.contacts.length.toLocaleString()} calls of ${weeks} weeks in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const result = await db.transaction().execute(async (tx) => {
    const org = await seedDemoOrganisation(tx, agents, options.now);
    await insertContacts(tx, history.contacts, 'demo');
    await insertAgentStateSpans(tx, history.spans, 'demo');
    // The demo has no recording server: the last two weeks' answered calls point at one small generated WAV.
    await tx
      .updateTable('contact')
      .set({ recording_url: DEMO_RECORDING_URL })
      .where('source', '=', 'demo')
      .where('answered_at', 'is not', null)
      .where('entered_at', '>=', today.minus({ days: 14 }).toMillis())
      .execute();
    if (history.contacts.length > 0) await rebuildCells(tx, first.toMillis(), today.toMillis(), await loadReportContext(tx));
    await seedDemoQuality(
      tx,
      agents.map((a) => a.employeeNo),
      org.agentIds,
      weeks * 7,
      today.toMillis(),
      u,
    );
    const t1 = performance.now();
    // A stream of its own, so the orders do not shift when the generators before them change.
    const orders = await seedDemoWorkOrders(tx, createRandom(streamSeed(DEMO_SEED, 3)), {
      agents,
      contacts: history.contacts,
      now: options.now,
      // The demo `agent` login belongs to the first leader's team (seedDemoOrganisation): its callbacks wait.
      focusTeam: agents.find((a) => a.isLeader)?.team ?? 1,
      sqlite: sqliteConnectionOf(db),
    });
    log(
      `${orders.orders.toLocaleString()} work orders (${orders.history.toLocaleString()} history lines) through the work-order service in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
    // After the orders, which stay as they were planned: their urgent ones went to every team lead, as when no
    // published schedule covers a day.
    const t2 = performance.now();
    const schedule = await seedDemoSchedule(tx, { now: options.now, timeZone: DEMO_TIME_ZONE, agents });
    log(
      `published schedule ${schedule.start} (${schedule.assignments} shifts, fit ${schedule.fit?.toFixed(3) ?? '—'}, ${schedule.violations} rule violations) in ${((performance.now() - t2) / 1000).toFixed(1)} s`,
    );
    await writeAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'seed',
        entity: 'center',
        entityId: null,
        after: {
          demo: '示例热线',
          agents: agents.length,
          contacts: history.contacts.length,
          workOrders: orders.orders,
          scheduleShifts: schedule.assignments,
        },
      },
      options.now,
    );
    return { ...org, workOrders: orders.orders };
  });
  const seconds = (performance.now() - t0) / 1000;
  log(
    `seeded the demo center 示例热线: ${agents.length} agents, ${history.contacts.length.toLocaleString()} calls, ${result.workOrders.toLocaleString()} work orders in ${seconds.toFixed(1)} s`,
  );
  return {
    password: DEMO_PASSWORD,
    users: result.users,
    contacts: history.contacts.length,
    workOrders: result.workOrders,
    seconds,
  };
}

/** A scorecard and weeks of evaluations, so the QA charts and Pareto have something to show. */
async function seedDemoQuality(
  db: Parameters<typeof seedDemoOrganisation>[0],
  agentNos: string[],
  agentIds: Map<string, number>,
  days: number,
  todayMs: number,
  u: () => number,
) {
  const card = scorecardSchema.parse({ ...DEMO_SCORECARD, id: 'hotline', version: 1 });
  const { id: cardId } = await db
    .insertInto('scorecard')
    .values({
      key: 'hotline',
      version: 1,
      name: card.name,
      definition_json: JSON.stringify(card),
      created_at: todayMs - days * 86_400_000,
      created_by: 'qa',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const qa = await db.selectFrom('app_user').select('id').where('username', '=', 'qa').executeTakeFirst();
  const rows = demoEvaluations(u, agentNos, Math.max(days, 7)).map((e, i) => {
    const s = scoreEvaluation(card, e.answers);
    const failed = card.sections.flatMap((sec) =>
      sec.items
        .filter((it) => !it.bonus)
        .filter((it) => {
          const a = e.answers[it.id];
          return a && 'points' in a && a.points < (it.passPoints ?? it.maxPoints);
        })
        .map((it) => it.id),
    );
    return {
      scorecard_id: cardId,
      contact_key: null,
      agent_id: agentIds.get(e.agentNo) ?? 0,
      evaluator_user_id: qa?.id ?? null,
      kind: 'normal',
      calibration_session_id: null,
      status: 'acknowledged',
      answers_json: JSON.stringify({ answers: e.answers, comment: null }),
      score: s.total,
      critical_failed: s.formCriticalFailed.length + s.sectionCriticalFailed.length > 0 ? 1 : 0,
      failed_items_json: JSON.stringify(failed),
      comment: null,
      evaluated_at: todayMs - e.daysAgo * 86_400_000 + 10 * 3_600_000 + i * 1000,
      acknowledged_at: todayMs - e.daysAgo * 86_400_000 + 12 * 3_600_000,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('evaluation')
      .values(rows.slice(i, i + 200))
      .execute();
  await seedDemoCoaching(db, todayMs);
  await seedDemoCalibrations(db, card, cardId, agentIds, todayMs, u);
}

/** Coaching tasks on the demo evaluations that call for it (domain/demo/demo-coaching.ts), set by `qa`. */
async function seedDemoCoaching(db: Parameters<typeof seedDemoOrganisation>[0], todayMs: number) {
  const stored = await db
    .selectFrom('evaluation')
    .select(['id', 'agent_id', 'evaluated_at', 'score', 'critical_failed', 'failed_items_json'])
    .where('kind', '=', 'normal')
    .execute();
  const tasks = demoCoaching(
    stored.map((e) => ({
      id: e.id,
      agentId: e.agent_id,
      at: Number(e.evaluated_at),
      score: Number(e.score ?? 0),
      criticalFailed: e.critical_failed === 1,
      failedItems: JSON.parse(e.failed_items_json) as string[],
    })),
    { todayMs, timeZone: DEMO_TIME_ZONE, commonItems: [DEMO_COMMON_FAILURE] },
  );
  const rows = tasks.map((t) => ({
    evaluation_id: t.evaluationId,
    agent_id: t.agentId,
    items_json: JSON.stringify(t.items),
    due_date: t.dueDate,
    status: t.status,
    follow_up_evaluation_id: t.followUpEvaluationId,
    note: null,
    created_at: t.createdAt,
    created_by: 'qa',
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('coaching_task')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Closed calibration sessions (10 to 1 days ago) on recorded demo calls of before, so the calibration page has statistics and a trend. */
async function seedDemoCalibrations(
  db: Parameters<typeof seedDemoOrganisation>[0],
  card: Scorecard,
  cardId: number,
  agentIds: Map<string, number>,
  todayMs: number,
  u: () => number,
) {
  const users = new Map(
    (
      await db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', ['manager', 'qa', 'qalead']).execute()
    ).map((r) => [r.username, r.id]),
  );
  const recorded = await db
    .selectFrom('contact')
    .select(['key', 'agent'])
    .where('source', '=', 'demo')
    .where('recording_url', 'is not', null)
    .where('agent', 'is not', null)
    .where('entered_at', '<', todayMs - 11 * 86_400_000)
    .orderBy('entered_at')
    .limit(2000)
    .execute();
  const pool = recorded
    .filter((_, i) => i % 50 === 0)
    .map((c) => ({ key: c.key, agentNo: agentIdentity(c.agent as string) }))
    .filter((c) => agentIds.has(c.agentNo));
  for (const s of demoCalibrations(u, pool)) {
    const closedAt = todayMs - s.daysAgo * 86_400_000 + 16 * 3_600_000;
    const { id } = await db
      .insertInto('calibration_session')
      .values({
        name: s.name,
        scorecard_id: cardId,
        contacts_json: JSON.stringify(s.contacts.map((c) => ({ contactKey: c.key, agentId: agentIds.get(c.agentNo) }))),
        expert_user_id: users.get('manager') ?? null,
        participants_json: JSON.stringify([users.get('qa'), users.get('qalead')]),
        status: 'closed',
        created_at: closedAt - 6 * 3_600_000,
        closed_at: closedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('evaluation')
      .values(
        s.scores.map((sc, i) => ({
          scorecard_id: cardId,
          contact_key: sc.contactKey,
          agent_id: agentIds.get(s.contacts.find((c) => c.key === sc.contactKey)!.agentNo) ?? 0,
          evaluator_user_id: users.get(sc.evaluator) ?? null,
          kind: 'calibration',
          calibration_session_id: id,
          status: 'submitted',
          answers_json: JSON.stringify({ answers: sc.answers, comment: null }),
          score: scoreEvaluation(card, sc.answers).total,
          critical_failed: 0,
          failed_items_json: '[]',
          comment: null,
          evaluated_at: closedAt - 3_600_000 + i * 1000,
          acknowledged_at: null,
        })),
      )
      .execute();
  }
}
