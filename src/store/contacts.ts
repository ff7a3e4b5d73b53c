import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import type { Db } from './audit.ts';

// SQLite caps bound parameters per statement (32766); 16 columns × 500 rows stays well inside, and PG is happy too.
const BATCH = 500;

/**
 * Inserts contacts, ignoring ones whose key is already stored: importing the same records twice,
 * or overlapping pieces of a log, never counts a call twice. Returns how many were new or completed.
 */
export async function insertContacts(db: Db, contacts: readonly Contact[], source: string): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < contacts.length; i += BATCH) {
    const rows = contacts.slice(i, i + BATCH).map((c) => ({
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
    }));
    // A call closed as `unknown` (its end was not in the piece read then) takes its real outcome when a
    // later, overlapping piece brings the end; a known outcome is never overwritten.
    const res = await db
      .insertInto('contact')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet((eb) => ({
            outcome: eb.ref('excluded.outcome'),
            wait_seconds: eb.ref('excluded.wait_seconds'),
            answered_at: eb.ref('excluded.answered_at'),
            ended_at: eb.ref('excluded.ended_at'),
            agent: eb.ref('excluded.agent'),
            talk_seconds: eb.ref('excluded.talk_seconds'),
            hold_seconds: eb.ref('excluded.hold_seconds'),
            acw_seconds: eb.ref('excluded.acw_seconds'),
            transferred: eb.ref('excluded.transferred'),
          }))
          .where('contact.outcome', '=', 'unknown')
          .where('excluded.outcome', '<>', 'unknown'),
      )
      .executeTakeFirst();
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function insertAgentStateSpans(db: Db, spans: readonly AgentStateSpan[], source: string): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < spans.length; i += BATCH) {
    const rows = spans.slice(i, i + BATCH).map((s) => ({
      key: s.key,
      agent: s.agent,
      queue: s.queue,
      state: s.state,
      reason: s.reason,
      start_at: s.start,
      end_at: s.end,
      source,
    }));
    const res = await db.insertInto('agent_state_span').values(rows).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
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

export async function agentStateSpansBetween(db: Db, from: number, to: number): Promise<AgentStateSpan[]> {
  const rows = await db.selectFrom('agent_state_span').selectAll().where('start_at', '<', to).where('end_at', '>', from).orderBy('start_at').execute();
  return rows.map((r) => ({ key: r.key, agent: r.agent, queue: r.queue, state: r.state as AgentStateSpan['state'], reason: r.reason, start: r.start_at, end: r.end_at }));
}
