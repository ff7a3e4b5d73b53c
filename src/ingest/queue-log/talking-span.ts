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
    key: talkingSpanKey(c.agent, c.answeredAt),
    agent: c.agent,
    queue: c.queue,
    state: 'talking',
    reason: null,
    start: c.answeredAt,
    end: c.endedAt,
  };
}

/** The key of an agent's talking span that starts at `start` (epoch ms). */
export function talkingSpanKey(agent: string, start: number): string {
  return `ql:talking:${agent}:${start}`;
}

/**
 * True when `s` is the talking span of `c` (what {@link talkingSpanOf} gives), compared field by field: the key
 * is `ql:talking:<agent>:<start>` on both sides, so it is not built (turning a 13-digit instant into text is the
 * dearest step of the comparison, once per call of an import).
 */
export function isTalkingSpanOf(s: AgentStateSpan, c: TalkingFields): boolean {
  return (
    s.state === 'talking' &&
    s.reason === null &&
    c.outcome === 'answered' &&
    c.agent === s.agent &&
    c.queue === s.queue &&
    c.answeredAt === s.start &&
    c.endedAt === s.end &&
    s.end > s.start
  );
}

/**
 * For each span, the index in `contacts` of the call it is the talking span of, or -1 (not a talking span, or its
 * call is not among `contacts`). Calls are found by the second of their answer in a small hash table of arrays
 * (a chain for calls answered in the same bucket), with no key built and no Map: this runs once per call.
 */
export function linkTalkingSpans(spans: readonly AgentStateSpan[], contacts: readonly TalkingFields[]): Int32Array {
  const links = new Int32Array(spans.length).fill(-1);
  const mask = (1 << Math.ceil(Math.log2(2 * contacts.length + 1))) - 1;
  const first = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(contacts.length);
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i];
    if (c.answeredAt === null || c.endedAt === null || c.agent === null) continue;
    const h = ((c.answeredAt / 1000) >>> 0) & mask;
    next[i] = first[h];
    first[h] = i;
  }
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.state !== 'talking') continue;
    for (let i = first[((s.start / 1000) >>> 0) & mask]; i >= 0; i = next[i]) {
      if (isTalkingSpanOf(s, contacts[i])) {
        links[k] = i;
        break;
      }
    }
  }
  return links;
}
