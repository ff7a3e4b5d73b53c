import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database> | Transaction<Database>;

/** Who made a change: a signed-in user, an API token's user, or the system (seed, CLI). */
export interface Actor {
  userId: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit record; call it inside the transaction that makes the change so both land or neither. */
export async function writeAudit(db: Db, actor: Actor, entry: AuditEntry, at: number): Promise<void> {
  await db
    .insertInto('audit_log')
    .values(auditRow(actor, entry, at))
    .execute();
}

/** The audit_log row of an entry. */
export function auditRow(actor: Actor, entry: AuditEntry, at: number) {
  return {
    at,
    actor_user_id: actor.userId,
    actor: actor.name,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

export interface AuditFilter {
  entity?: string;
  actor?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.from != null) q = q.where('at', '>=', f.from);
  if (f.to != null) q = q.where('at', '<', f.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
    })),
  };
}
