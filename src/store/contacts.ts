import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import type { Db } from './audit.ts';
import { earliestTalkingEnds, talkingSpansFromContacts } from './talking-spans.ts';

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
 * has the same key as the derived one and is read once. Two calls an agent answered in the same millisecond give
 * one key: as when each was a row inserted in log order (the first kept), the one that ended first is the span.
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
  const derived = await talkingSpansFromContacts(db, from, to);
  if (derived.length === 0) return spans;
  const at = new Map(spans.map((s, i) => [s.key, i]));
  for (const t of derived) {
    const i = at.get(t.key);
    if (i === undefined) {
      at.set(t.key, spans.length);
      spans.push(t);
    } else if (t.end < spans[i].end) spans[i] = t;
  }
  // A span that started before the range may share its key with one that ended first, before the range: that
  // one is the span of the key, and the key has none in the range.
  const ended = await earliestTalkingEnds(
    db,
    spans.filter((s) => s.state === 'talking' && s.start < from),
  );
  return spans.filter((s) => !(s.state === 'talking' && (ended.get(s.key) ?? s.end) < s.end)).sort((a, b) => a.start - b.start);
}
