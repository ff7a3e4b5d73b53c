import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import { isTalkingSpanOf, type TalkingFields, talkingSpanOf } from '../ingest/queue-log/talking-span.ts';
import type { Db } from './audit.ts';

/**
 * The source whose talking spans live in the contacts: a queue_log call's talking span is its answer → end
 * (talkingSpanOf), so the import stores no row for it — two thirds of a queue_log's spans — and
 * {@link agentStateSpansBetween} derives it again from the stored contact. Other sources keep theirs as rows.
 */
export const TALKING_FROM_CONTACTS = 'queue_log';

const LOOKUP_BATCH = 500;

/**
 * Which spans of a batch need a row: all but the talking spans that a stored contact gives back exactly — one
 * this batch stored (`status` of its contacts, upsertContacts: new, or an `unknown` completed), or one stored
 * before (looked up, only for contacts of the batch that were already there, as in a re-import). `links`: each
 * span's contact in the batch (linkTalkingSpans), `contactKey` that contact's key. Also counts the talking spans
 * that are new through this batch's contacts, once per key: two calls an agent answered in the same millisecond
 * give one span (`startOf`, `agentOf`: a span's start and agent, read without making the span; `counted`: the import's
 * count so far, when it stores in several batches).
 */
export async function spansNeedingRows(
  db: Db,
  spanAt: (k: number) => AgentStateSpan,
  links: Int32Array,
  status: Uint8Array,
  contactKey: (i: number) => string,
  startOf: (k: number) => number,
  agentOf: (k: number) => string,
  counted: TalkingSpanCounter = talkingSpanCounter(),
): Promise<{ needsRow: Uint8Array; derived: number }> {
  const needsRow = new Uint8Array(links.length);
  const storedBefore: number[] = [];
  counted.nextBatch(links.length);
  let derived = 0;
  for (let k = 0; k < links.length; k++) {
    const i = links[k];
    if (i >= 0 && status[i] !== 0) {
      if (counted.add(startOf(k), agentOf(k))) derived++;
    } else {
      needsRow[k] = 1;
      if (i >= 0) storedBefore.push(k);
    }
  }
  if (storedBefore.length === 0) return { needsRow, derived };
  // Contacts of this batch that were stored before (a re-import): their stored version may give the span back.
  const stored = new Map<number, TalkingFields[]>();
  for (let j = 0; j < storedBefore.length; j += LOOKUP_BATCH) {
    const keys = storedBefore.slice(j, j + LOOKUP_BATCH).map((k) => contactKey(links[k]));
    const found = await db
      .selectFrom('contact')
      .select(['source', 'outcome', 'agent', 'queue', 'answered_at', 'ended_at'])
      .where('key', 'in', keys)
      .execute();
    for (const r of found) {
      const c = fieldsOf(r);
      if (r.source !== TALKING_FROM_CONTACTS || c.answeredAt === null) continue;
      stored.set(c.answeredAt, [...(stored.get(c.answeredAt) ?? []), c]);
    }
  }
  for (const k of storedBefore) {
    const s = spanAt(k);
    if (stored.get(s.start)?.some((c) => isTalkingSpanOf(s, c))) needsRow[k] = 0;
  }
  return { needsRow, derived };
}

/**
 * The talking spans an import has counted, by key (start, agent), over its last two batches: the two calls of a
 * pair answered in the same millisecond end minutes apart, so they are in one batch or in two that follow each
 * other. Runs once per answered call on the storing thread: a table of numbers (open addressing), no key built.
 */
export interface TalkingSpanCounter {
  /** Starts the next batch, which adds at most `spans` (forgets the batch before the last). */
  nextBatch(spans: number): void;
  /** True when the key was not counted yet (and counts it). */
  add(start: number, agent: string): boolean;
}

export function talkingSpanCounter(): TalkingSpanCounter {
  const agentIds = new Map<string, number>();
  let last = keyTable(0);
  let current = keyTable(0);
  return {
    nextBatch(spans) {
      if (current.count === 0 && 2 * spans < current.capacity) return;
      last = current;
      current = keyTable(spans);
    },
    add(start, agent) {
      let id = agentIds.get(agent);
      if (id === undefined) {
        id = agentIds.size;
        agentIds.set(agent, id);
      }
      if (last.has(start, id)) return false;
      return current.add(start, id);
    },
  };
}

/** A set of (start, agent id) pairs for up to `n` adds: linear probing, Fibonacci hashing of start's low bits. */
function keyTable(n: number) {
  const bits = Math.max(4, Math.ceil(Math.log2(2 * n + 1)));
  const capacity = 1 << bits;
  const starts = new Float64Array(capacity);
  const agents = new Int32Array(capacity).fill(-1);
  const slot = (start: number, id: number) => Math.imul((start >>> 0) ^ id, 0x9e3779b1) >>> (32 - bits);
  const table = {
    capacity,
    count: 0,
    has(start: number, id: number): boolean {
      for (let i = slot(start, id); agents[i] >= 0; i = (i + 1) & (capacity - 1))
        if (starts[i] === start && agents[i] === id) return true;
      return false;
    },
    /** Adds the pair; false when it was there. */
    add(start: number, id: number): boolean {
      let i = slot(start, id);
      for (; agents[i] >= 0; i = (i + 1) & (capacity - 1)) if (starts[i] === start && agents[i] === id) return false;
      starts[i] = start;
      agents[i] = id;
      table.count++;
      return true;
    },
  };
  return table;
}

function fieldsOf(r: {
  outcome: string;
  agent: string | null;
  queue: string;
  answered_at: number | null;
  ended_at: number | null;
}) {
  return {
    outcome: r.outcome as Contact['outcome'],
    agent: r.agent,
    queue: r.queue,
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
  };
}

/** Talking spans of the stored queue_log contacts that overlap [from, to). */
export async function talkingSpansFromContacts(db: Db, from: number, to: number): Promise<AgentStateSpan[]> {
  const rows = await db
    .selectFrom('contact')
    .select(['outcome', 'agent', 'queue', 'answered_at', 'ended_at'])
    .where('source', '=', TALKING_FROM_CONTACTS)
    .where('outcome', '=', 'answered')
    .where('answered_at', '<', to)
    .where('ended_at', '>', from)
    .execute();
  const spans: AgentStateSpan[] = [];
  for (const r of rows) {
    const t = talkingSpanOf(fieldsOf(r));
    if (t) spans.push(t);
  }
  return spans;
}

/** For talking spans, the earliest end among the stored calls that give their key (same agent and answer), by key. */
export async function earliestTalkingEnds(db: Db, spans: readonly AgentStateSpan[]): Promise<Map<string, number>> {
  const ends = new Map<string, number>();
  const starts = [...new Set(spans.map((s) => s.start))];
  for (let i = 0; i < starts.length; i += LOOKUP_BATCH) {
    const rows = await db
      .selectFrom('contact')
      .select(['outcome', 'agent', 'queue', 'answered_at', 'ended_at'])
      .where('source', '=', TALKING_FROM_CONTACTS)
      .where('outcome', '=', 'answered')
      .where('answered_at', 'in', starts.slice(i, i + LOOKUP_BATCH))
      .execute();
    for (const r of rows) {
      const t = talkingSpanOf(fieldsOf(r));
      if (t && t.end < (ends.get(t.key) ?? Number.POSITIVE_INFINITY)) ends.set(t.key, t.end);
    }
  }
  return ends;
}
