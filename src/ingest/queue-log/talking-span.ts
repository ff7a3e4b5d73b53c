import type { AgentStateSpan, Contact } from '../../domain/contacts/contact.ts';

/** The fields of a contact its talking span is made of. */
export type TalkingFields = Pick<Contact, 'outcome' | 'agent' | 'queue' | 'answeredAt' | 'endedAt'>;

/**
 * The talking span of a queue_log call: from its answer to its end, on the agent and queue that took it (null
 * for a call not answered, or with no recorded end). The parser emits it when the call ends; the store keeps no
 * row for it and derives it again from the stored contact (docs/formats.md §1), so both must use this one rule.
 *
 * @example talkingSpanOf({ outcome: 'answered', agent: 'SIP/1001', queue: 'q', answeredAt: 1000, endedAt: 61000 })
 * // → { key: 'ql:talking:SIP/1001:1000', agent: 'SIP/1001', queue: 'q', state: 'talking', reason: null, start: 1000, end: 61000 }
 */
export function talkingSpanOf(c: TalkingFields): AgentStateSpan | null {
  if (c.outcome !== 'answered' || c.agent === null || c.answeredAt === null || c.endedAt === null) return null;
  if (!(c.endedAt > c.answeredAt)) return null;
  return {
    key: `ql:talking:${c.agent}:${c.answeredAt}`,
    agent: c.agent,
    queue: c.queue,
    state: 'talking',
    reason: null,
    start: c.answeredAt,
    end: c.endedAt,
  };
}

/** True when two spans are the same in every field. */
export function sameSpan(a: AgentStateSpan | null, b: AgentStateSpan): boolean {
  return (
    a !== null &&
    a.key === b.key &&
    a.agent === b.agent &&
    a.queue === b.queue &&
    a.state === b.state &&
    a.reason === b.reason &&
    a.start === b.start &&
    a.end === b.end
  );
}
