import { sql } from 'kysely';
import {
  buildCells,
  type CellSettings,
  type CubeOptions,
  cubeOptionsFrom,
  emptyCell,
  type IntervalCell,
} from '../domain/metrics/interval-cube.ts';
import { agentIdentity } from '../ingest/queue-log/agent-identity.ts';
import type { KeyedCellSettings } from '../ingest/queue-log/block-codec.ts';
import type { Db } from './audit.ts';
import { contactsBetween } from './contacts.ts';

const BATCH = 400;
const CELL_MS = 15 * 60_000;

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

/** How the cells of the stored contacts are counted: the center's zone and each queue's skill-group threshold. */
export function cellSettingsOf(ctx: ReportContext, shortAbandonSeconds = 5): CellSettings {
  return { timeZone: ctx.timeZone, queueToGroup: ctx.queueToGroup, thresholds: ctx.thresholds, shortAbandonSeconds };
}

/** {@link cellSettingsOf} with its key (cells counted elsewhere with the same key were counted the same way). */
export function keyedCellSettingsOf(ctx: ReportContext): KeyedCellSettings {
  const settings = cellSettingsOf(ctx);
  return { ...settings, key: JSON.stringify(settings) };
}

/** {@link cellSettingsOf} as the options of buildCells. */
export function cubeOptionsOf(ctx: ReportContext, shortAbandonSeconds = 5): CubeOptions {
  return cubeOptionsFrom(cellSettingsOf(ctx, shortAbandonSeconds));
}

/**
 * Recomputes the cells of [from, to) from the stored contacts (when a queue's threshold or mapping
 * changes, or a stored call's outcome was completed). `from`/`to` should be aligned to 15-minute boundaries.
 */
export async function rebuildCells(
  db: Db,
  from: number,
  to: number,
  ctx: ReportContext,
  shortAbandonSeconds = 5,
): Promise<number> {
  const contacts = await contactsBetween(db, from, to);
  const cells = buildCells(contacts, cubeOptionsOf(ctx, shortAbandonSeconds));
  await db.deleteFrom('interval_cell').where('start_at', '>=', from).where('start_at', '<', to).execute();
  for (let i = 0; i < cells.length; i += BATCH) {
    await db
      .insertInto('interval_cell')
      .values(cells.slice(i, i + BATCH).map(toRow))
      .execute();
  }
  return cells.length;
}

function toRow(c: IntervalCell) {
  return {
    queue: c.queue,
    agent: c.agent ?? '',
    start_at: c.start,
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    short_abandoned: c.shortAbandoned,
    timeout: c.timeout,
    exit_key: c.exitKey,
    exit_empty: c.exitEmpty,
    unknown_end: c.unknownEnd,
    answered_within_t: c.answeredWithinT,
    abandoned_after_t: c.abandonedAfterT,
    handled: c.handled,
    transferred: c.transferred,
    ring_no_answer: c.ringNoAnswer,
    sum_answer_wait: c.sumAnswerWait,
    sum_abandon_wait: c.sumAbandonWait,
    max_wait: c.maxWait,
    sum_talk: c.sumTalk,
    sum_hold: c.sumHold,
    sum_acw: c.sumAcw,
  };
}

/** Contacts read at a time when a queue's cells are recounted (a month; a multiple of 15 minutes). */
const RECOUNT_STEP_MS = 31 * 86_400_000;

/**
 * Recounts the cells of some raw queues from their stored contacts, a month at a time (after a queue is mapped to
 * another skill group or a group's threshold changes: within-T counts use the group's T). Returns the cell count.
 */
export async function rebuildQueueCells(
  db: Db,
  queues: readonly string[],
  ctx: ReportContext,
  shortAbandonSeconds = 5,
): Promise<number> {
  let n = 0;
  for (const queue of queues) {
    await db.deleteFrom('interval_cell').where('queue', '=', queue).execute();
    const span = await db
      .selectFrom('contact')
      .select((eb) => [eb.fn.min('entered_at').as('first'), eb.fn.max('entered_at').as('last')])
      .where('queue', '=', queue)
      .executeTakeFirst();
    if (span?.first == null || span.last == null) continue;
    for (let from = Math.floor(Number(span.first) / CELL_MS) * CELL_MS; from <= Number(span.last); from += RECOUNT_STEP_MS) {
      const cells = buildCells(
        await contactsBetween(db, from, from + RECOUNT_STEP_MS, queue),
        cubeOptionsOf(ctx, shortAbandonSeconds),
      );
      for (let i = 0; i < cells.length; i += BATCH)
        await db
          .insertInto('interval_cell')
          .values(cells.slice(i, i + BATCH).map(toRow))
          .execute();
      n += cells.length;
    }
  }
  return n;
}

/** {@link rebuildQueueCells} of the raw queues whose threshold is the skill group's (after its threshold changed). */
export async function rebuildSkillGroupCells(db: Db, skillGroupId: number): Promise<number> {
  const ctx = await loadReportContext(db);
  const group = await db.selectFrom('skill_group').select('name').where('id', '=', skillGroupId).executeTakeFirst();
  if (!group) return 0;
  const mapped = await db.selectFrom('queue_map').select('queue_name').where('skill_group_id', '=', skillGroupId).execute();
  // An unmapped queue named like the group takes the group's threshold too (see cubeOptionsOf).
  const queues = new Set([...mapped.map((m) => m.queue_name), ...(group.name in ctx.queueToGroup ? [] : [group.name])]);
  return rebuildQueueCells(db, [...queues], ctx);
}

type CellRow = ReturnType<typeof toRow>;
/** The columns of interval_cell in toRow's order (which CELL_FIELDS of block-codec.ts follows). */
export const CELL_COLUMNS = Object.keys(toRow(emptyCell('', null, 0))) as (keyof CellRow)[];
export const CELL_KEY = ['start_at', 'queue', 'agent'] as const;
const CELL_SUMS = CELL_COLUMNS.filter((k) => !(CELL_KEY as readonly string[]).includes(k) && k !== 'max_wait');
/** `SET` of an upsert that adds a cell of new contacts into the stored one (every field a sum, max_wait a max). */
export const CELL_ADD_SET: Record<string, string> = {
  ...Object.fromEntries(CELL_SUMS.map((k) => [k, `interval_cell.${k} + excluded.${k}`])),
  max_wait: 'CASE WHEN excluded.max_wait > interval_cell.max_wait THEN excluded.max_wait ELSE interval_cell.max_wait END',
};

/**
 * Adds cells of contacts that were not stored before into the stored cells (cells are additive, so an
 * import never re-reads what it stored earlier). SQLite's bulk path does the same from columns (bulk-sqlite.ts).
 */
export async function addCells(db: Db, cells: readonly IntervalCell[]): Promise<void> {
  const set = Object.fromEntries(Object.entries(CELL_ADD_SET).map(([k, v]) => [k, sql.raw(v)]));
  for (let i = 0; i < cells.length; i += BATCH) {
    await db
      .insertInto('interval_cell')
      .values(cells.slice(i, i + BATCH).map(toRow))
      .onConflict((oc) => oc.columns([...CELL_KEY]).doUpdateSet(set))
      .execute();
  }
}

/** Cells of [from, to), optionally of some raw queues only. */
export async function loadCells(db: Db, from: number, to: number, queues?: readonly string[]): Promise<IntervalCell[]> {
  let q = db.selectFrom('interval_cell').selectAll().where('start_at', '>=', from).where('start_at', '<', to);
  if (queues && queues.length > 0) q = q.where('queue', 'in', [...queues]);
  return (await q.execute()).map(fromRow);
}

/**
 * Cells of [from, to) summed over agents in SQL: one cell per queue and 15 minutes, for reports by queue
 * (skill group) or of the whole center — a month is ~20× fewer rows than {@link loadCells} reads.
 */
export async function loadQueueCells(db: Db, from: number, to: number): Promise<IntervalCell[]> {
  const rows = await db
    .selectFrom('interval_cell')
    .select((eb) => [
      'queue',
      'start_at',
      // PostgreSQL keeps the seconds as float4: summed in double precision; the counts are summed as they are.
      ...CELL_SUMS.map((c) => eb.fn.sum<number>(c.startsWith('sum_') ? eb.cast(c, 'double precision') : eb.ref(c)).as(c)),
      eb.fn.max<number>('max_wait').as('max_wait'),
    ])
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .groupBy(['start_at', 'queue'])
    .execute();
  return rows.map((r) => fromRow({ ...(r as unknown as CellRow), agent: '' }));
}

function fromRow(r: CellRow): IntervalCell {
  return {
    queue: r.queue,
    agent: r.agent === '' ? null : r.agent,
    start: Number(r.start_at),
    offered: Number(r.offered),
    answered: Number(r.answered),
    abandoned: Number(r.abandoned),
    shortAbandoned: Number(r.short_abandoned),
    timeout: Number(r.timeout),
    exitKey: Number(r.exit_key),
    exitEmpty: Number(r.exit_empty),
    unknownEnd: Number(r.unknown_end),
    answeredWithinT: Number(r.answered_within_t),
    abandonedAfterT: Number(r.abandoned_after_t),
    handled: Number(r.handled),
    sumAnswerWait: Number(r.sum_answer_wait),
    sumAbandonWait: Number(r.sum_abandon_wait),
    maxWait: Number(r.max_wait),
    sumTalk: Number(r.sum_talk),
    sumHold: Number(r.sum_hold),
    sumAcw: Number(r.sum_acw),
    transferred: Number(r.transferred),
    ringNoAnswer: Number(r.ring_no_answer),
  };
}

/** Queue names and agent identities seen in contacts but not mapped yet (listed for an admin to map). */
export async function unmappedNames(db: Db) {
  const queues = await db
    .selectFrom('contact')
    .leftJoin('queue_map', 'queue_map.queue_name', 'contact.queue')
    .select('contact.queue')
    .where((eb) => eb.or([eb('queue_map.queue_name', 'is', null), eb('queue_map.skill_group_id', 'is', null)]))
    .groupBy('contact.queue')
    .execute();
  const agents = await db.selectFrom('contact').select('agent').where('agent', 'is not', null).groupBy('agent').execute();
  const mapped = new Set(
    (await db.selectFrom('agent_map').select('identity').where('agent_id', 'is not', null).execute()).map((r) => r.identity),
  );
  // Agents are listed by identity (the extension behind SIP/1001, PJSIP/1001 …), which is what the map keys on.
  const identities = [...new Set(agents.map((a) => agentIdentity(a.agent as string)))];
  return { queues: queues.map((q) => q.queue), agents: identities.filter((a) => !mapped.has(a)).sort() };
}
