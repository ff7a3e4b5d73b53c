import type { AgentStateSpan, Contact } from '../../domain/contacts/contact.ts';
import { type CellSettings, cellAccumulator, cubeOptionsFrom, type IntervalCell } from '../../domain/metrics/interval-cube.ts';
import type { QueueLogOutput } from './parser.ts';
import { linkTalkingSpans, talkingSpanKey } from './talking-span.ts';

/** Cell settings with a key naming them (equal keys, equal settings): which settings a block's cells were counted with. */
export interface KeyedCellSettings extends CellSettings {
  key: string;
}

/** What the parser produced from one block of lines, its records as columns, and its state after the block (JSON). */
export interface ParsedBlock extends Omit<QueueLogOutput, 'contacts' | 'spans'> {
  records: RecordColumns;
  stateJson: string;
}

/**
 * A block's records in a form that crosses from a worker thread cheaply and is stored without an object per
 * record: numbers in typed arrays (moved, not copied), names that repeat (queues, agents, outcomes, states, pause
 * reasons) as numbers into a vocabulary both sides keep. The receiving thread then deserialises three strings per
 * call and one per span, instead of objects that cost it more than storing them.
 */
export interface WireBlock {
  /** Names first seen in this block; they continue the numbering of the earlier blocks. */
  vocabulary: string[];
  /** {@link CONTACT}.size numbers per contact; NaN stands for null (the parser never yields NaN). */
  contactNumbers: Float64Array;
  /** Key, call id and caller id of each contact. */
  contactTexts: (string | null)[];
  /** {@link SPAN}.size numbers per span. */
  spanNumbers: Float64Array;
  /** Each span's key; '' for a talking span linked to its call (`talkingContact`), whose key follows from it. */
  spanKeys: string[];
  /** No two contacts share a key (the usual case: then they need not be deduplicated). */
  uniqueKeys: boolean;
  /** For each span, the index of the contact it is the talking span of, or -1 (linkTalkingSpans). */
  talkingContact: Int32Array;
  /** The 15-minute cells of all the contacts (as if all were new), {@link CELL}.size numbers each, and the key of the settings they were counted with. */
  cells: { settings: string; numbers: Float64Array } | null;
  errors: QueueLogOutput['errors'];
  warnings: QueueLogOutput['warnings'];
  unknownEvents: Record<string, number>;
  stateJson: string;
}

/** Where each field of a contact lies among its numbers. */
export const CONTACT = {
  enteredAt: 0,
  waitSeconds: 1,
  answeredAt: 2,
  endedAt: 3,
  talkSeconds: 4,
  holdSeconds: 5,
  acwSeconds: 6,
  transferred: 7,
  ringNoAnswer: 8,
  queue: 9,
  outcome: 10,
  agent: 11,
  size: 12,
} as const;

/** Where each field of a span lies among its numbers. */
export const SPAN = { start: 0, end: 1, agent: 2, queue: 3, state: 4, reason: 5, size: 6 } as const;

/** The numbers of a cell, in the column order of interval_cell (queue and agent as names; agent -1 for none). */
export const CELL_FIELDS = [
  'queue',
  'agent',
  'start',
  'offered',
  'answered',
  'abandoned',
  'shortAbandoned',
  'timeout',
  'exitKey',
  'exitEmpty',
  'unknownEnd',
  'answeredWithinT',
  'abandonedAfterT',
  'handled',
  'transferred',
  'ringNoAnswer',
  'sumAnswerWait',
  'sumAbandonWait',
  'maxWait',
  'sumTalk',
  'sumHold',
  'sumAcw',
] as const satisfies readonly (keyof IntervalCell)[];
export const CELL = { size: CELL_FIELDS.length } as const;

const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Cells as numbers, queue and agent through `id` (agent -1 for none). */
export function cellNumbers(cells: readonly IntervalCell[], id: (name: string | null) => number): Float64Array {
  const out = new Float64Array(cells.length * CELL.size);
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    const o = j * CELL.size;
    // In CELL_FIELDS order, field by field (a loop over the names would look each one up by name).
    out[o] = id(c.queue);
    out[o + 1] = id(c.agent);
    out[o + 2] = c.start;
    out[o + 3] = c.offered;
    out[o + 4] = c.answered;
    out[o + 5] = c.abandoned;
    out[o + 6] = c.shortAbandoned;
    out[o + 7] = c.timeout;
    out[o + 8] = c.exitKey;
    out[o + 9] = c.exitEmpty;
    out[o + 10] = c.unknownEnd;
    out[o + 11] = c.answeredWithinT;
    out[o + 12] = c.abandonedAfterT;
    out[o + 13] = c.handled;
    out[o + 14] = c.transferred;
    out[o + 15] = c.ringNoAnswer;
    out[o + 16] = c.sumAnswerWait;
    out[o + 17] = c.sumAbandonWait;
    out[o + 18] = c.maxWait;
    out[o + 19] = c.sumTalk;
    out[o + 20] = c.sumHold;
    out[o + 21] = c.sumAcw;
  }
  return out;
}

/**
 * The sending side: keeps the vocabulary sent so far; counts the block's cells when given the settings.
 * Returns the block and the buffers to transfer.
 */
export function blockEncoder(): (
  block: QueueLogOutput & { stateJson: string },
  cellSettings?: KeyedCellSettings,
) => { wire: WireBlock; transfer: ArrayBuffer[] } {
  const ids = new Map<string, number>();
  return (block, cellSettings) => {
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
    const contactNumbers = new Float64Array(cs.length * CONTACT.size);
    const contactTexts: (string | null)[] = new Array(cs.length * 3);
    const keys = new Set<string>();
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const o = i * CONTACT.size;
      contactNumbers[o + CONTACT.enteredAt] = c.enteredAt;
      contactNumbers[o + CONTACT.waitSeconds] = orNaN(c.waitSeconds);
      contactNumbers[o + CONTACT.answeredAt] = orNaN(c.answeredAt);
      contactNumbers[o + CONTACT.endedAt] = orNaN(c.endedAt);
      contactNumbers[o + CONTACT.talkSeconds] = c.talkSeconds;
      contactNumbers[o + CONTACT.holdSeconds] = c.holdSeconds;
      contactNumbers[o + CONTACT.acwSeconds] = c.acwSeconds;
      contactNumbers[o + CONTACT.transferred] = c.transferred ? 1 : 0;
      contactNumbers[o + CONTACT.ringNoAnswer] = c.ringNoAnswer;
      contactNumbers[o + CONTACT.queue] = id(c.queue);
      contactNumbers[o + CONTACT.outcome] = id(c.outcome);
      contactNumbers[o + CONTACT.agent] = id(c.agent);
      contactTexts[i * 3] = c.key;
      contactTexts[i * 3 + 1] = c.callId;
      contactTexts[i * 3 + 2] = c.callerId;
      keys.add(c.key);
    }
    const ss = block.spans;
    const spanNumbers = new Float64Array(ss.length * SPAN.size);
    const spanKeys: string[] = new Array(ss.length);
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i];
      const o = i * SPAN.size;
      spanNumbers[o + SPAN.start] = s.start;
      spanNumbers[o + SPAN.end] = s.end;
      spanNumbers[o + SPAN.agent] = id(s.agent);
      spanNumbers[o + SPAN.queue] = id(s.queue);
      spanNumbers[o + SPAN.state] = id(s.state);
      spanNumbers[o + SPAN.reason] = id(s.reason);
      spanKeys[i] = s.key;
    }
    const talkingContact = linkTalkingSpans(ss, cs);
    // A talking span linked to its call has the key ql:talking:<agent>:<start> (talking-span.ts): not sent.
    for (let k = 0; k < ss.length; k++) if (talkingContact[k] >= 0) spanKeys[k] = '';
    const uniqueKeys = keys.size === cs.length;
    let cells: WireBlock['cells'] = null;
    if (cellSettings && uniqueKeys) {
      const acc = cellAccumulator(cubeOptionsFrom(cellSettings));
      acc.add(cs);
      cells = { settings: cellSettings.key, numbers: cellNumbers(acc.cells(), id) };
    }
    const { errors, warnings, unknownEvents, stateJson } = block;
    const wire: WireBlock = {
      vocabulary,
      contactNumbers,
      contactTexts,
      spanNumbers,
      spanKeys,
      uniqueKeys,
      talkingContact,
      cells,
      errors,
      warnings,
      unknownEvents,
      stateJson,
    };
    const transfer = [contactNumbers.buffer, spanNumbers.buffer, talkingContact.buffer as ArrayBuffer];
    if (cells) transfer.push(cells.numbers.buffer as ArrayBuffer);
    return { wire, transfer };
  };
}

/** The receiving side: keeps the vocabulary received so far. */
export function blockDecoder(): (wire: WireBlock) => ParsedBlock {
  const names: string[] = [];
  return (wire) => {
    for (const v of wire.vocabulary) names.push(v);
    const { errors, warnings, unknownEvents, stateJson } = wire;
    return { records: new RecordColumns(names, wire), errors, warnings, unknownEvents, stateJson };
  };
}

/** Records (with no state, errors or cells) as columns, for a store that writes columns. */
export function recordColumnsOf(contacts: readonly Contact[], spans: readonly AgentStateSpan[]): RecordColumns {
  const { wire } = blockEncoder()({
    contacts: [...contacts],
    spans: [...spans],
    errors: [],
    warnings: [],
    unknownEvents: {},
    stateJson: '',
  });
  return blockDecoder()(wire).records;
}

/** A block's records as columns: the bulk store reads them in place; `contact(i)`, `span(k)` give objects. */
export class RecordColumns {
  readonly contactCount: number;
  readonly spanCount: number;
  readonly contactNumbers: Float64Array;
  readonly contactTexts: readonly (string | null)[];
  readonly spanNumbers: Float64Array;
  readonly spanKeys: readonly string[];
  readonly uniqueKeys: boolean;
  readonly talkingContact: Int32Array;
  readonly cells: WireBlock['cells'];

  constructor(
    /** The vocabulary; a name's number indexes it. */
    readonly names: readonly string[],
    wire: WireBlock,
  ) {
    this.contactNumbers = wire.contactNumbers;
    this.contactTexts = wire.contactTexts;
    this.spanNumbers = wire.spanNumbers;
    this.spanKeys = wire.spanKeys;
    this.uniqueKeys = wire.uniqueKeys;
    this.talkingContact = wire.talkingContact;
    this.cells = wire.cells;
    this.contactCount = wire.contactTexts.length / 3;
    this.spanCount = wire.spanKeys.length;
  }

  name(n: number): string | null {
    return n < 0 ? null : this.names[n];
  }

  contactKey(i: number): string {
    return this.contactTexts[i * 3] as string;
  }

  contact(i: number): Contact {
    const n = this.contactNumbers;
    const o = i * CONTACT.size;
    // Fields in the parser's order, so every contact has the same shape.
    return {
      key: this.contactTexts[i * 3] as string,
      callId: this.contactTexts[i * 3 + 1] as string,
      queue: this.names[n[o + CONTACT.queue]],
      callerId: this.contactTexts[i * 3 + 2],
      enteredAt: n[o + CONTACT.enteredAt],
      outcome: this.names[n[o + CONTACT.outcome]] as Contact['outcome'],
      waitSeconds: orNull(n[o + CONTACT.waitSeconds]),
      answeredAt: orNull(n[o + CONTACT.answeredAt]),
      endedAt: orNull(n[o + CONTACT.endedAt]),
      agent: this.name(n[o + CONTACT.agent]),
      talkSeconds: n[o + CONTACT.talkSeconds],
      holdSeconds: n[o + CONTACT.holdSeconds],
      acwSeconds: n[o + CONTACT.acwSeconds],
      transferred: n[o + CONTACT.transferred] === 1,
      ringNoAnswer: n[o + CONTACT.ringNoAnswer],
    };
  }

  contacts(): Contact[] {
    return Array.from({ length: this.contactCount }, (_, i) => this.contact(i));
  }

  spanKey(k: number): string {
    const key = this.spanKeys[k];
    if (key !== '') return key;
    const n = this.spanNumbers;
    const o = k * SPAN.size;
    return talkingSpanKey(this.names[n[o + SPAN.agent]], n[o + SPAN.start]);
  }

  span(k: number): AgentStateSpan {
    const n = this.spanNumbers;
    const o = k * SPAN.size;
    return {
      key: this.spanKey(k),
      agent: this.names[n[o + SPAN.agent]],
      queue: this.name(n[o + SPAN.queue]),
      state: this.names[n[o + SPAN.state]] as AgentStateSpan['state'],
      reason: this.name(n[o + SPAN.reason]),
      start: n[o + SPAN.start],
      end: n[o + SPAN.end],
    };
  }

  spans(): AgentStateSpan[] {
    return Array.from({ length: this.spanCount }, (_, k) => this.span(k));
  }
}
