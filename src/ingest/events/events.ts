import { z } from 'zod';
import type { AgentStateSpan, Contact } from '../../domain/contacts/contact.ts';

const instant = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .datetime({ offset: true })
    .transform((s) => Date.parse(s)),
]);
const secs = z.number().nonnegative();

/** A finished (or abandoned) queue entry reported by another ACD. Times: epoch ms or ISO 8601 with offset. */
export const contactEventSchema = z.object({
  type: z.literal('contact'),
  callId: z.string().min(1),
  queue: z.string().min(1),
  callerId: z.string().nullish(),
  enteredAt: instant,
  outcome: z.enum(['answered', 'abandoned', 'timeout', 'exit_key', 'exit_empty', 'unknown']),
  answeredAt: instant.nullish(),
  endedAt: instant.nullish(),
  agent: z.string().nullish(),
  talkSeconds: secs.optional(),
  holdSeconds: secs.optional(),
  acwSeconds: secs.optional(),
  transferred: z.boolean().optional(),
  ringNoAnswer: z.number().int().nonnegative().optional(),
});

/** An agent entering a state at `at`; it stays there until the agent's next event. */
export const agentStateEventSchema = z.object({
  type: z.literal('agent_state'),
  agent: z.string().min(1),
  state: z.enum(['logged_out', 'ready', 'talking', 'acw', 'paused']),
  reason: z.string().nullish(),
  queue: z.string().nullish(),
  at: instant,
});

export const eventSchema = z.discriminatedUnion('type', [contactEventSchema, agentStateEventSchema]);
export const eventBatchSchema = z.object({ events: z.array(z.unknown()).max(10_000) });
export type AgentStateEvent = z.infer<typeof agentStateEventSchema>;

/** Where each agent is, between batches: plain JSON for the store. */
export type AgentStateTracker = Record<
  string,
  { state: AgentStateEvent['state']; since: number; reason: string | null; queue: string | null; loggedInSince: number | null }
>;

/**
 * A batch of JSON events → Contacts and closed AgentStateSpans. Each event is checked on its own: bad ones
 * are reported by path (`events[3].at: …`) and left out, the rest are taken. Agent events are applied in
 * time order to `tracker` (updated in place; save it): a state lasts until the agent's next event; every
 * state but logged_out is inside one logged-in span; ready is logged-in idle time.
 */
export function ingestEvents(
  body: unknown,
  tracker: AgentStateTracker,
): { contacts: Contact[]; spans: AgentStateSpan[]; errors: string[] } {
  const errors: string[] = [];
  const contacts: Contact[] = [];
  const spans: AgentStateSpan[] = [];
  const batch = eventBatchSchema.safeParse(body);
  if (!batch.success)
    return { contacts, spans, errors: batch.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
  const states: AgentStateEvent[] = [];
  batch.data.events.forEach((raw, i) => {
    const r = eventSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues)
        errors.push(
          `events[${i}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`,
        );
      return;
    }
    const e = r.data;
    if (e.type === 'agent_state') {
      states.push(e);
      return;
    }
    const until = e.outcome === 'answered' ? e.answeredAt : e.endedAt;
    if (until != null && until < e.enteredAt) {
      errors.push(`events[${i}].${e.outcome === 'answered' ? 'answeredAt' : 'endedAt'}: is before enteredAt`);
      return;
    }
    contacts.push({
      key: `ev:${e.callId}:${e.queue}:${Math.floor(e.enteredAt / 1000)}`,
      callId: e.callId,
      queue: e.queue,
      callerId: e.callerId ?? null,
      enteredAt: e.enteredAt,
      outcome: e.outcome,
      waitSeconds: until == null ? null : (until - e.enteredAt) / 1000,
      answeredAt: e.answeredAt ?? null,
      endedAt: e.endedAt ?? null,
      agent: e.agent ?? null,
      // As in the CSV: talk defaults to end − answer when the ACD does not send it.
      talkSeconds:
        e.talkSeconds ??
        (e.outcome === 'answered' && e.answeredAt != null && e.endedAt != null
          ? Math.max(0, (e.endedAt - e.answeredAt) / 1000)
          : 0),
      holdSeconds: e.holdSeconds ?? 0,
      acwSeconds: e.acwSeconds ?? 0,
      transferred: e.transferred ?? false,
      ringNoAnswer: e.ringNoAnswer ?? 0,
    });
  });
  states.sort((a, b) => a.at - b.at);
  for (const e of states) {
    const prev = tracker[e.agent];
    const span = (state: AgentStateSpan['state'], start: number, reason: string | null, queue: string | null): void => {
      if (e.at > start)
        spans.push({ key: `ev:${state}:${e.agent}:${start}`, agent: e.agent, queue, state, reason, start, end: e.at });
    };
    if (prev && e.at < prev.since) {
      errors.push(`agent ${e.agent}: event at ${new Date(e.at).toISOString()} is before the last one applied`);
      continue;
    }
    if (prev && prev.state !== 'logged_out' && prev.state !== 'ready') span(prev.state, prev.since, prev.reason, prev.queue);
    let loggedInSince = prev?.loggedInSince ?? null;
    if (e.state === 'logged_out') {
      if (loggedInSince !== null) span('logged_in', loggedInSince, null, null);
      loggedInSince = null;
    } else if (loggedInSince === null) loggedInSince = e.at;
    tracker[e.agent] = { state: e.state, since: e.at, reason: e.reason ?? null, queue: e.queue ?? null, loggedInSince };
  }
  return { contacts, spans, errors };
}
