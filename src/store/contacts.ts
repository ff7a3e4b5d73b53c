import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import type { Db } from './audit.ts';
import { talkingSpansFromContacts } from './talking-spans.ts';

// SQLite caps bound parameters per statement (32766); 16 columns × 500 rows stays well inside, and PG is happy too.
const BATCH = 500;

export function contactRow(c: Contact, source: string) {
  return {
    key: c.key,
    call_id: c.callId,
    queue: c.queue,
    caller_id: c.callerId,
    entered_at: c.enteredAt,
    outcome: c.outcome,
    wait_seconds: c.waitSeconds,
    answered_at: c.answeredAt,
    ended_at: c.endedAt,
    agent: c.agent,
    talk_seconds: c.talkSeconds,
    hold_seconds: c.holdSeconds,
    acw_seconds: c.acwSeconds,
    transferred: c.transferred ? 1 : 0,
    ring_no_answer: c.ringNoAnswer,
    source,
  };
}

/** Columns a later piece of the log may complete on a contact stored as `unknown`. */
export const COMPLETED_COLUMNS = [
  'outcome',
  'wait_seconds',
  'answered_at',
  'ended_at',
  'agent',
  'talk_seconds',
  'hold_seconds',
  'acw_seconds',
  'transferred',
] as const;
export const CONTACT_COLUMNS = Object.keys(contactRow({} as Contact, '')) as (keyof ReturnType<typeof contactRow>)[];

export interface ContactUpsert {
  /** Contacts whose key was not stored before. */
  added: Contact[];
  /** Contacts stored before as `unknown` (no end in the piece read then) that now have their real outcome. */
  upgraded: Contact[];
  /** The contacts written, the last of each key (the very array given when its keys were known to be unique). */
  unique: readonly Contact[];
  /** For each of `unique`: {@link ADDED}, {@link UPGRADED}, or 0 when the stored one was kept. */
  status: Uint8Array;
}
export const ADDED = 1;
export const UPGRADED = 2;

/** The last contact of each key (the same line read twice in one batch counts once). */
export function lastOfEachKey(contacts: readonly Contact[]): Contact[] {
  const byKey = new Map<string, Contact>();
  for (const c of contacts) byKey.set(c.key, c);
  return byKey.size === contacts.length ? [...contacts] : [...byKey.values()];
}

/**
 * Inserts contacts, ignoring ones whose key is already stored: importing the same records twice,
 * or overlapping pieces of a log, never counts a call twice. A call stored as `unknown` (its end was not in
 * the piece read then) takes its real outcome when a later, overlapping piece brings the end; a known
 * outcome is never overwritten. Tells which contacts were new and which completed an `unknown` one, so the
 * caller can count them into the interval cells exactly once.
 *
 * SQLite's bulk path writes the same rows from columns (bulk-sqlite.ts).
 */
export async function upsertContacts(
  db: Db,
  contacts: readonly Contact[],
  source: string,
  uniqueKeys = false,
): Promise<ContactUpsert> {
  const unique = uniqueKeys ? contacts : lastOfEachKey(contacts);
  const added: Contact[] = [];
  const upgraded: Contact[] = [];
  const status = new Uint8Array(unique.length);
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const rows = batch.map((c) => contactRow(c, source));
    const fresh = await db
      .insertInto('contact')
      .values(rows)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    const addedKeys = new Set(fresh.map((r) => r.key));
    const rest = rows.filter((r) => !addedKeys.has(r.key) && r.outcome !== 'unknown');
    const done =
      rest.length === 0
        ? []
        : await db
            .insertInto('contact')
            .values(rest)
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet((eb) => Object.fromEntries(COMPLETED_COLUMNS.map((col) => [col, eb.ref(`excluded.${col}`)])))
                .where('contact.outcome', '=', 'unknown'),
            )
            .returning('key')
            .execute();
    const upgradedKeys = new Set(done.map((r) => r.key));
    batch.forEach((c, j) => {
      if (addedKeys.has(c.key)) {
        added.push(c);
        status[i + j] = ADDED;
      } else if (upgradedKeys.has(c.key)) {
        upgraded.push(c);
        status[i + j] = UPGRADED;
      }
    });
  }
  return { added, upgraded, unique, status };
}

/** {@link upsertContacts}, counting the contacts that were new or completed. */
export async function insertContacts(db: Db, contacts: readonly Contact[], source: string): Promise<number> {
  const { added, upgraded } = await upsertContacts(db, contacts, source);
  return added.length + upgraded.length;
}

function spanRow(s: AgentStateSpan, source: string) {
  return {
    key: s.key,
    agent: s.agent,
    queue: s.queue,
    state: s.state,
    reason: s.reason,
    start_at: s.start,
    end_at: s.end,
    source,
  };
}
export const SPAN_COLUMNS = Object.keys(spanRow({} as AgentStateSpan, ''));

export async function insertAgentStateSpans(db: Db, spans: readonly AgentStateSpan[], source: string): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < spans.length; i += BATCH) {
    const rows = spans.slice(i, i + BATCH).map((s) => spanRow(s, source));
    const res = await db
      .insertInto('agent_state_span')
      .values(rows)
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Contacts that entered a queue in [from, to), oldest first. */
export async function contactsBetween(db: Db, from: number, to: number, queue?: string): Promise<Contact[]> {
  let q = db.selectFrom('contact').selectAll().where('entered_at', '>=', from).where('entered_at', '<', to);
  if (queue) q = q.where('queue', '=', queue);
  const rows = await q.orderBy('entered_at').execute();
  return rows.map((r) => ({
    key: r.key,
    callId: r.call_id,
    queue: r.queue,
    callerId: r.caller_id,
    enteredAt: r.entered_at,
    outcome: r.outcome as Contact['outcome'],
    waitSeconds: r.wait_seconds,
    answeredAt: r.answered_at,
    endedAt: r.ended_at,
    agent: r.agent,
    talkSeconds: r.talk_seconds,
    holdSeconds: r.hold_seconds,
    acwSeconds: r.acw_seconds,
    transferred: r.transferred === 1,
    ringNoAnswer: r.ring_no_answer,
  }));
}

/**
 * Agent-state spans that overlap [from, to), by start: the stored rows, and the talking spans of queue_log calls,
 * derived from their stored contacts (talking-spans.ts). A span stored as a row by an import before that change
 * has the same key as the derived one and is read once.
 */
export async function agentStateSpansBetween(db: Db, from: number, to: number): Promise<AgentStateSpan[]> {
  const rows = await db
    .selectFrom('agent_state_span')
    .selectAll()
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .orderBy('start_at')
    .execute();
  const spans: AgentStateSpan[] = rows.map((r) => ({
    key: r.key,
    agent: r.agent,
    queue: r.queue,
    state: r.state as AgentStateSpan['state'],
    reason: r.reason,
    start: r.start_at,
    end: r.end_at,
  }));
  const seen = new Set(spans.map((s) => s.key));
  let derived = 0;
  for (const t of await talkingSpansFromContacts(db, from, to)) {
    if (seen.has(t.key)) continue; // the first stored wins, as the row insert with ON CONFLICT DO NOTHING did
    seen.add(t.key);
    spans.push(t);
    derived++;
  }
  return derived === 0 ? spans : spans.sort((a, b) => a.start - b.start);
}
