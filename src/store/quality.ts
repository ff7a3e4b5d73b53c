import type { Scorecard } from '../domain/quality/scorecard-schema.ts';
import type { Db } from './audit.ts';

/** Who is looking, for the rule: agents see their own evaluations, team leads their team's, QA and managers all. */
export interface QaViewer {
  roles: readonly string[];
  agentId: number | null;
  teamId: number | null;
}
const SEE_ALL = ['qa', 'manager', 'trainer', 'admin'];

export function seesAllQa(v: QaViewer): boolean {
  return v.roles.some((r) => SEE_ALL.includes(r));
}

export async function canSeeAgent(db: Db, v: QaViewer, agentId: number): Promise<boolean> {
  if (seesAllQa(v)) return true;
  if (v.roles.includes('agent') && v.agentId === agentId) return true;
  if (v.roles.includes('team_lead') && v.teamId != null) {
    const a = await db.selectFrom('agent').select('team_id').where('id', '=', agentId).executeTakeFirst();
    return a?.team_id === v.teamId;
  }
  return false;
}

export async function getScorecard(
  db: Db,
  id: number,
): Promise<{ id: number; key: string; version: number; name: string; card: Scorecard } | undefined> {
  const r = await db.selectFrom('scorecard').selectAll().where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, key: r.key, version: r.version, name: r.name, card: JSON.parse(r.definition_json) as Scorecard };
}

export interface EvaluationFilter {
  agentId?: number;
  from?: number;
  to?: number;
}

/** The evaluations a viewer may see (calibration scorings excluded), filtered. */
function visibleEvaluations(db: Db, v: QaViewer, f: EvaluationFilter) {
  let q = db
    .selectFrom('evaluation')
    .innerJoin('agent', 'agent.id', 'evaluation.agent_id')
    .where('evaluation.kind', '<>', 'calibration');
  if (!seesAllQa(v)) {
    q = q.where((eb) => {
      const ors = [];
      if (v.roles.includes('agent') && v.agentId != null) ors.push(eb('evaluation.agent_id', '=', v.agentId));
      if (v.roles.includes('team_lead') && v.teamId != null) ors.push(eb('agent.team_id', '=', v.teamId));
      return ors.length ? eb.or(ors) : eb('evaluation.id', '<', 0);
    });
  }
  if (f.agentId != null) q = q.where('evaluation.agent_id', '=', f.agentId);
  if (f.from != null) q = q.where('evaluation.evaluated_at', '>=', f.from);
  if (f.to != null) q = q.where('evaluation.evaluated_at', '<', f.to);
  return q;
}

/** One page of them, newest first. */
export async function listEvaluations(db: Db, v: QaViewer, f: EvaluationFilter & { limit: number; offset?: number }) {
  return visibleEvaluations(db, v, f)
    .innerJoin('scorecard', 'scorecard.id', 'evaluation.scorecard_id')
    .leftJoin('app_user', 'app_user.id', 'evaluation.evaluator_user_id')
    .select([
      'evaluation.id',
      'evaluation.agent_id',
      'agent.employee_no',
      'agent.name as agent_name',
      'agent.team_id',
      'evaluation.score',
      'evaluation.critical_failed',
      'evaluation.kind',
      'evaluation.status',
      'evaluation.evaluated_at',
      'evaluation.acknowledged_at',
      'evaluation.contact_key',
      'scorecard.name as scorecard_name',
      'scorecard.version',
      'app_user.display_name as evaluator',
    ])
    .orderBy('evaluation.evaluated_at', 'desc')
    .orderBy('evaluation.id', 'desc')
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
}

/** How many there are in all (the pager's total). */
export async function countEvaluations(db: Db, v: QaViewer, f: EvaluationFilter): Promise<number> {
  const r = await visibleEvaluations(db, v, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The contact an evaluation is about, with where its recording is; undefined when the key is unknown. */
export async function contactForEvaluation(db: Db, key: string) {
  return db
    .selectFrom('contact')
    .select([
      'key',
      'queue',
      'caller_id',
      'entered_at',
      'answered_at',
      'ended_at',
      'agent',
      'talk_seconds',
      'hold_seconds',
      'acw_seconds',
      'outcome',
      'transferred',
      'recording_url',
    ])
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Ids of a team's agents (any status: a chart of last quarter includes who has left since). */
export async function teamAgentIds(db: Db, teamId: number): Promise<number[]> {
  return (await db.selectFrom('agent').select('id').where('team_id', '=', teamId).execute()).map((r) => r.id);
}

/** Scored evaluations (normal and follow-up; not self or calibration) of some agents in [from, to), oldest first. */
export async function scoredEvaluations(db: Db, agentIds: readonly number[], from: number, to: number) {
  if (agentIds.length === 0) return [];
  return db
    .selectFrom('evaluation')
    .select(['id', 'agent_id', 'score', 'critical_failed', 'failed_items_json', 'evaluated_at'])
    .where('agent_id', 'in', [...agentIds])
    .where('kind', 'in', ['normal', 'follow_up'])
    .where('score', 'is not', null)
    .where('evaluated_at', '>=', from)
    .where('evaluated_at', '<', to)
    .orderBy('evaluated_at')
    .orderBy('id')
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        id: r.id,
        agentId: r.agent_id,
        score: r.score as number,
        criticalFailed: r.critical_failed,
        failedItems: JSON.parse(r.failed_items_json) as string[],
        at: r.evaluated_at,
      })),
    );
}

/**
 * Handled contacts (answered and ended) of some agents in [from, to) with their handle time parts. The ACD
 * writes agent names (`SIP/1001`); `identityOf` reduces them to the identity `agent_map` keys on.
 */
export async function handledContactsOf(
  db: Db,
  agentIds: readonly number[],
  from: number,
  to: number,
  identityOf: (acdName: string) => string,
) {
  if (agentIds.length === 0) return [];
  const wanted = new Set(agentIds);
  const map = new Map(
    (await db.selectFrom('agent_map').select(['identity', 'agent_id']).execute()).flatMap((m) =>
      m.agent_id != null && wanted.has(m.agent_id) ? [[m.identity, m.agent_id] as const] : [],
    ),
  );
  if (map.size === 0) return [];
  const rows = await db
    .selectFrom('contact')
    .select(['agent', 'entered_at', 'talk_seconds', 'hold_seconds', 'acw_seconds'])
    .where('entered_at', '>=', from)
    .where('entered_at', '<', to)
    .where('agent', 'is not', null)
    .where('answered_at', 'is not', null)
    .where('ended_at', 'is not', null)
    .execute();
  return rows.flatMap((r) => {
    const agentId = map.get(identityOf(r.agent as string));
    return agentId == null ? [] : [{ agentId, at: r.entered_at, handleSeconds: r.talk_seconds + r.hold_seconds + r.acw_seconds }];
  });
}

/** Item labels by id across every scorecard version, the newest wording first, so tables read in words. */
export async function itemLabels(db: Db): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const c of await db
    .selectFrom('scorecard')
    .select('definition_json')
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute()) {
    for (const sec of (JSON.parse(c.definition_json) as Scorecard).sections)
      for (const it of sec.items) if (!labels.has(it.id)) labels.set(it.id, it.label);
  }
  return labels;
}
