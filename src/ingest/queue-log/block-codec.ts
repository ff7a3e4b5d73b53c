import type { AgentStateSpan, Contact } from '../../domain/contacts/contact.ts';
import type { QueueLogOutput } from './parser.ts';
import { linkTalkingSpans } from './talking-span.ts';

/** What the parser produced from one block of lines, with its state after the block (JSON, for the cursor). */
export interface ParsedBlock extends QueueLogOutput {
  stateJson: string;
  /** Worked out by a parsing thread, so that the storing thread need not (storeContactBatch). */
  hints?: BlockHints;
}

/** Facts about a block's records that the store would otherwise compute on its own thread. */
export interface BlockHints {
  /** No two contacts share a key (the usual case: then they need not be deduplicated). */
  uniqueKeys: boolean;
  /** For each span, the index of the contact it is the talking span of, or -1 (linkTalkingSpans). */
  talkingContact: Int32Array;
}

/**
 * {@link ParsedBlock} in a form that crosses from a worker thread cheaply: numbers in typed arrays (moved, not
 * copied) and names that repeat (queues, agents, outcomes, states, pause reasons) as numbers into a vocabulary
 * both sides keep, so the receiving thread deserialises three strings per call and one per span instead of
 * an object per record, which cost it more than storing them.
 */
export interface WireBlock {
  /** Names first seen in this block; they continue the numbering of the earlier blocks. */
  vocabulary: string[];
  /** {@link CONTACT_NUMBERS} numbers per contact; NaN stands for null (the parser never yields NaN). */
  contactNumbers: Float64Array;
  /** Key, call id and caller id of each contact. */
  contactTexts: (string | null)[];
  /** {@link SPAN_NUMBERS} numbers per span. */
  spanNumbers: Float64Array;
  spanKeys: string[];
  uniqueKeys: boolean;
  talkingContact: Int32Array;
  errors: QueueLogOutput['errors'];
  warnings: QueueLogOutput['warnings'];
  unknownEvents: Record<string, number>;
  stateJson: string;
}

const CONTACT_NUMBERS = 12;
const SPAN_NUMBERS = 6;

const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * The sending side: keeps the vocabulary sent so far, and works out the block's {@link BlockHints}. Returns the
 * block and the buffers to transfer.
 */
export function blockEncoder(): (block: ParsedBlock) => { wire: WireBlock; transfer: ArrayBuffer[] } {
  const ids = new Map<string, number>();
  return (block) => {
    const vocabulary: string[] = [];
    const id = (name: string | null): number => {
      if (name === null) return -1;
      let n = ids.get(name);
      if (n === undefined) {
        n = ids.size;
        ids.set(name, n);
        vocabulary.push(name);
      }
      return n;
    };
    const cs = block.contacts;
    const contactNumbers = new Float64Array(cs.length * CONTACT_NUMBERS);
    const contactTexts: (string | null)[] = new Array(cs.length * 3);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const o = i * CONTACT_NUMBERS;
      contactNumbers[o] = c.enteredAt;
      contactNumbers[o + 1] = orNaN(c.waitSeconds);
      contactNumbers[o + 2] = orNaN(c.answeredAt);
      contactNumbers[o + 3] = orNaN(c.endedAt);
      contactNumbers[o + 4] = c.talkSeconds;
      contactNumbers[o + 5] = c.holdSeconds;
      contactNumbers[o + 6] = c.acwSeconds;
      contactNumbers[o + 7] = c.transferred ? 1 : 0;
      contactNumbers[o + 8] = c.ringNoAnswer;
      contactNumbers[o + 9] = id(c.queue);
      contactNumbers[o + 10] = id(c.outcome);
      contactNumbers[o + 11] = id(c.agent);
      contactTexts[i * 3] = c.key;
      contactTexts[i * 3 + 1] = c.callId;
      contactTexts[i * 3 + 2] = c.callerId;
    }
    const ss = block.spans;
    const spanNumbers = new Float64Array(ss.length * SPAN_NUMBERS);
    const spanKeys: string[] = new Array(ss.length);
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i];
      const o = i * SPAN_NUMBERS;
      spanNumbers[o] = s.start;
      spanNumbers[o + 1] = s.end;
      spanNumbers[o + 2] = id(s.agent);
      spanNumbers[o + 3] = id(s.queue);
      spanNumbers[o + 4] = id(s.state);
      spanNumbers[o + 5] = id(s.reason);
      spanKeys[i] = s.key;
    }
    const keys = new Set<string>();
    for (const c of cs) keys.add(c.key);
    const talkingContact = linkTalkingSpans(ss, cs);
    const { errors, warnings, unknownEvents, stateJson } = block;
    const wire = {
      vocabulary,
      contactNumbers,
      contactTexts,
      spanNumbers,
      spanKeys,
      uniqueKeys: keys.size === cs.length,
      talkingContact,
      errors,
      warnings,
      unknownEvents,
      stateJson,
    };
    return { wire, transfer: [contactNumbers.buffer, spanNumbers.buffer, talkingContact.buffer as ArrayBuffer] };
  };
}

/** The receiving side: keeps the vocabulary received so far; gives back the block as the parser made it. */
export function blockDecoder(): (wire: WireBlock) => ParsedBlock {
  const names: string[] = [];
  const name = (n: number): string | null => (n < 0 ? null : names[n]);
  return (wire) => {
    for (const v of wire.vocabulary) names.push(v);
    const n = wire.contactNumbers;
    const t = wire.contactTexts;
    const contacts: Contact[] = new Array(n.length / CONTACT_NUMBERS);
    for (let i = 0; i < contacts.length; i++) {
      const o = i * CONTACT_NUMBERS;
      // Fields in the parser's order, so every contact has the same shape.
      contacts[i] = {
        key: t[i * 3] as string,
        callId: t[i * 3 + 1] as string,
        queue: names[n[o + 9]],
        callerId: t[i * 3 + 2],
        enteredAt: n[o],
        outcome: names[n[o + 10]] as Contact['outcome'],
        waitSeconds: orNull(n[o + 1]),
        answeredAt: orNull(n[o + 2]),
        endedAt: orNull(n[o + 3]),
        agent: name(n[o + 11]),
        talkSeconds: n[o + 4],
        holdSeconds: n[o + 5],
        acwSeconds: n[o + 6],
        transferred: n[o + 7] === 1,
        ringNoAnswer: n[o + 8],
      };
    }
    const sn = wire.spanNumbers;
    const spans: AgentStateSpan[] = new Array(wire.spanKeys.length);
    for (let i = 0; i < spans.length; i++) {
      const o = i * SPAN_NUMBERS;
      spans[i] = {
        key: wire.spanKeys[i],
        agent: names[sn[o + 2]],
        queue: name(sn[o + 3]),
        state: names[sn[o + 4]] as AgentStateSpan['state'],
        reason: name(sn[o + 5]),
        start: sn[o],
        end: sn[o + 1],
      };
    }
    const { errors, warnings, unknownEvents, stateJson, uniqueKeys, talkingContact } = wire;
    return { contacts, spans, errors, warnings, unknownEvents, stateJson, hints: { uniqueKeys, talkingContact } };
  };
}
