import { buildCells, type IntervalCell } from '../domain/metrics/interval-cube.ts';
import { agentIdentity } from '../ingest/queue-log/agent-identity.ts';
import type { Db } from './audit.ts';
import { contactsBetween } from './contacts.ts';

const BATCH = 400;

/** What reports need besides the cells: the center's zone, the queue and agent maps, thresholds, teams. */
export interface ReportContext {
  timeZone: string;
  /** Raw queue name → skill-group name (unmapped queues report under their raw name). */
  queueToGroup: Record<string, string>;
  /** Skill-group name → service-level threshold T in seconds. */
  thresholds: Record<string, number>;
  /** Agent identity (extension / employee number, see agentIdentity) → "工号 姓名". */
  identityToAgent: Record<string, string>;
  /** "工号 姓名" → team name. */
  agentToTeam: Record<string, string>;
}

export async function loadReportContext(db: Db): Promise<ReportContext> {
  const center = await db.selectFrom('center').select('time_zone').orderBy('id').executeTakeFirst();
  const groups = await db.selectFrom('skill_group').select(['id', 'name', 'sl_threshold_seconds']).execute();
  const byId = new Map(groups.map((g) => [g.id, g]));
  const queueMap = await db.selectFrom('queue_map').selectAll().execute();
  const agents = await db
    .selectFrom('agent')
    .leftJoin('team', 'team.id', 'agent.team_id')
    .select(['agent.id', 'agent.employee_no', 'agent.name', 'team.name as team'])
    .execute();
  const agentMapRows = await db.selectFrom('agent_map').selectAll().execute();
  const label = new Map(agents.map((a) => [a.id, `${a.employee_no} ${a.name}`]));
  const queueToGroup: Record<string, string> = {};
  for (const q of queueMap) {
    const g = q.skill_group_id == null ? undefined : byId.get(q.skill_group_id);
    if (g) queueToGroup[q.queue_name] = g.name;
  }
  const identityToAgent: Record<string, string> = {};
  for (const m of agentMapRows) {
    const l = m.agent_id == null ? undefined : label.get(m.agent_id);
    if (l) identityToAgent[m.identity] = l;
  }
  const agentToTeam: Record<string, string> = {};
  for (const a of agents) if (a.team) agentToTeam[`${a.employee_no} ${a.name}`] = a.team;
  return {
    timeZone: center?.time_zone ?? 'Asia/Shanghai',
    queueToGroup,
    thresholds: Object.fromEntries(groups.map((g) => [g.name, g.sl_threshold_seconds])),
    identityToAgent,
    agentToTeam,
  };
}

/** Raw agent names as the ACD writes them (`PJSIP/1001`) → mapped agent labels, for the names in `cells`. */
export function agentMapFor(cells: Iterable<{ agent: string | null }>, ctx: ReportContext): Record<string, string> {
  const map: Record<string, string> = {};
  for (const c of cells) {
    if (c.agent === null || c.agent in map) continue;
    const label = ctx.identityToAgent[agentIdentity(c.agent)];
    if (label) map[c.agent] = label;
  }
  return map;
}

/**
 * Recomputes the cells of [from, to) from the stored contacts (after an import, or when a queue's
 * threshold or mapping changes). `from`/`to` should be aligned to 15-minute boundaries.
 */
export async function rebuildCells(db: Db, from: number, to: number, ctx: ReportContext, shortAbandonSeconds = 5): Promise<number> {
  const contacts = await contactsBetween(db, from, to);
  const cells = buildCells(contacts, {
    timeZone: ctx.timeZone,
    shortAbandonSeconds,
    thresholdFor: (q) => ctx.thresholds[ctx.queueToGroup[q] ?? q] ?? 20,
  });
  await db.deleteFrom('interval_cell').where('start_at', '>=', from).where('start_at', '<', to).execute();
  for (let i = 0; i < cells.length; i += BATCH) {
    await db.insertInto('interval_cell').values(cells.slice(i, i + BATCH).map(toRow)).execute();
  }
  return cells.length;
}

function toRow(c: IntervalCell) {
  return {
    queue: c.queue, agent: c.agent ?? '', start_at: c.start, offered: c.offered, answered: c.answered, abandoned: c.abandoned,
    short_abandoned: c.shortAbandoned, timeout: c.timeout, exit_key: c.exitKey, exit_empty: c.exitEmpty, unknown_end: c.unknownEnd,
    answered_within_t: c.answeredWithinT, abandoned_after_t: c.abandonedAfterT, handled: c.handled, transferred: c.transferred,
    ring_no_answer: c.ringNoAnswer, sum_answer_wait: c.sumAnswerWait, sum_abandon_wait: c.sumAbandonWait, max_wait: c.maxWait,
    sum_talk: c.sumTalk, sum_hold: c.sumHold, sum_acw: c.sumAcw,
  };
}

/** Cells of [from, to), optionally of some raw queues only. */
export async function loadCells(db: Db, from: number, to: number, queues?: readonly string[]): Promise<IntervalCell[]> {
  let q = db.selectFrom('interval_cell').selectAll().where('start_at', '>=', from).where('start_at', '<', to);
  if (queues && queues.length > 0) q = q.where('queue', 'in', [...queues]);
  const rows = await q.execute();
  return rows.map((r) => ({
    queue: r.queue, agent: r.agent === '' ? null : r.agent, start: r.start_at, offered: r.offered, answered: r.answered,
    abandoned: r.abandoned, shortAbandoned: r.short_abandoned, timeout: r.timeout, exitKey: r.exit_key, exitEmpty: r.exit_empty,
    unknownEnd: r.unknown_end, answeredWithinT: r.answered_within_t, abandonedAfterT: r.abandoned_after_t, handled: r.handled,
    sumAnswerWait: r.sum_answer_wait, sumAbandonWait: r.sum_abandon_wait, maxWait: r.max_wait, sumTalk: r.sum_talk,
    sumHold: r.sum_hold, sumAcw: r.sum_acw, transferred: r.transferred, ringNoAnswer: r.ring_no_answer,
  }));
}

/** Queue names and agent identities seen in contacts but not mapped yet (listed for an admin to map). */
export async function unmappedNames(db: Db) {
  const queues = await db.selectFrom('contact').leftJoin('queue_map', 'queue_map.queue_name', 'contact.queue')
    .select('contact.queue').where((eb) => eb.or([eb('queue_map.queue_name', 'is', null), eb('queue_map.skill_group_id', 'is', null)]))
    .groupBy('contact.queue').execute();
  const agents = await db.selectFrom('contact').select('agent').where('agent', 'is not', null).groupBy('agent').execute();
  const mapped = new Set((await db.selectFrom('agent_map').select('identity').where('agent_id', 'is not', null).execute()).map((r) => r.identity));
  // Agents are listed by identity (the extension behind SIP/1001, PJSIP/1001 …), which is what the map keys on.
  const identities = [...new Set(agents.map((a) => agentIdentity(a.agent as string)))];
  return { queues: queues.map((q) => q.queue), agents: identities.filter((a) => !mapped.has(a)).sort() };
}
