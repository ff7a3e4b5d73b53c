import type { Contact } from '../contacts/contact.ts';
import { intervalStarter } from './interval-bucket.ts';

/**
 * Additive sums of the contacts of one raw queue, one raw agent (null: never answered) and one 15-minute
 * interval (by queue entry). Every report — any interval from 15 minutes to a month, by skill group, team
 * or agent, any service-level definition — is a sum of cells followed by the ratios of
 * {@link ./interval-row.ts}, so the store keeps these cells and never re-reads the contacts for a report.
 * Threshold counts (`answeredWithinT`, `abandonedAfterT`, `shortAbandoned`) use the threshold of the
 * contact's skill group when the cell is built: rebuild the cells of a queue when its threshold or its
 * skill group changes.
 */
export interface IntervalCell {
  queue: string;
  agent: string | null;
  /** Start of the 15-minute interval, epoch ms. */
  start: number;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  timeout: number;
  exitKey: number;
  exitEmpty: number;
  unknownEnd: number;
  answeredWithinT: number;
  abandonedAfterT: number;
  /** Answered contacts with a recorded end: the denominator of AHT and average talk. */
  handled: number;
  sumAnswerWait: number;
  sumAbandonWait: number;
  /** Longest known wait of any outcome (seconds); −1 when none is known. */
  maxWait: number;
  sumTalk: number;
  sumHold: number;
  sumAcw: number;
  transferred: number;
  ringNoAnswer: number;
}

export interface CubeOptions {
  timeZone: string;
  /** Service-level threshold T in seconds of a raw queue name (resolve its skill group inside). */
  thresholdFor?: (queue: string) => number;
  /** Abandons with a wait strictly under this many seconds are short abandons (default 5). */
  shortAbandonSeconds?: number;
  /** Cell width in minutes (default 15); a report interval must be a multiple of it. */
  cellMinutes?: 15 | 30 | 60;
  /** Keep one cell per agent (needed for reports by agent or team); false gives smaller queue-only cells. */
  perAgent?: boolean;
}

/**
 * What cells are counted with, as plain data (it can cross to another thread): the center's zone, each raw
 * queue's skill group and each group's service-level threshold T in seconds (a queue with no group is its own
 * group; T is 20 s when not set), and the short-abandon limit.
 */
export interface CellSettings {
  timeZone: string;
  queueToGroup: Record<string, string>;
  thresholds: Record<string, number>;
  shortAbandonSeconds: number;
}

/** The {@link CubeOptions} of some {@link CellSettings}. */
export function cubeOptionsFrom(s: CellSettings): CubeOptions {
  return {
    timeZone: s.timeZone,
    shortAbandonSeconds: s.shortAbandonSeconds,
    thresholdFor: (q) => s.thresholds[s.queueToGroup[q] ?? q] ?? 20,
  };
}

export function emptyCell(queue: string, agent: string | null, start: number): IntervalCell {
  return {
    queue,
    agent,
    start,
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    timeout: 0,
    exitKey: 0,
    exitEmpty: 0,
    unknownEnd: 0,
    answeredWithinT: 0,
    abandonedAfterT: 0,
    handled: 0,
    sumAnswerWait: 0,
    sumAbandonWait: 0,
    maxWait: -1,
    sumTalk: 0,
    sumHold: 0,
    sumAcw: 0,
    transferred: 0,
    ringNoAnswer: 0,
  };
}

/** Adds cell `b` into `a` (all fields are sums or a max). */
export function addCell(a: IntervalCell, b: IntervalCell): void {
  a.offered += b.offered;
  a.answered += b.answered;
  a.abandoned += b.abandoned;
  a.shortAbandoned += b.shortAbandoned;
  a.timeout += b.timeout;
  a.exitKey += b.exitKey;
  a.exitEmpty += b.exitEmpty;
  a.unknownEnd += b.unknownEnd;
  a.answeredWithinT += b.answeredWithinT;
  a.abandonedAfterT += b.abandonedAfterT;
  a.handled += b.handled;
  a.sumAnswerWait += b.sumAnswerWait;
  a.sumAbandonWait += b.sumAbandonWait;
  if (b.maxWait > a.maxWait) a.maxWait = b.maxWait;
  a.sumTalk += b.sumTalk;
  a.sumHold += b.sumHold;
  a.sumAcw += b.sumAcw;
  a.transferred += b.transferred;
  a.ringNoAnswer += b.ringNoAnswer;
}

/**
 * Sums contacts into cells. A contact counts once, in the interval in which it entered the queue; two
 * contacts with the same key (the same line imported twice) count once — the later one wins.
 */
export function buildCells(contacts: Iterable<Contact>, options: CubeOptions): IntervalCell[] {
  const unique = new Map<string, Contact>();
  for (const c of contacts) unique.set(c.key, c);
  const acc = cellAccumulator(options);
  acc.add(unique.values());
  return acc.cells();
}

/**
 * {@link buildCells} over a stream: `add` each batch as it comes. It does not look for repeated keys: the
 * caller makes sure no contact comes twice, as a parser's successive outputs never do.
 */
export function cellAccumulator(options: CubeOptions): { add(contacts: Iterable<Contact>): void; cells(): IntervalCell[] } {
  const startOf = intervalStarter(options.cellMinutes ?? 15, options.timeZone);
  const thresholdFor = options.thresholdFor ?? (() => 20);
  const shortUnder = options.shortAbandonSeconds ?? 5;
  const perAgent = options.perAgent !== false;
  // Each (queue, agent) pair gets a small number once; cells are kept per start under that number, so no
  // key text is built per contact (this runs once per contact of a year's import).
  const pairIds = new Map<string, Map<string, number>>();
  let nextPair = 0;
  const byStart = new Map<number, Map<number, IntervalCell>>();
  let lastStart = Number.NaN;
  let lastCells: Map<number, IntervalCell> | undefined;
  const thresholds = new Map<string, number>();
  function cellFor(start: number, queue: string, agent: string | null): IntervalCell {
    let agents = pairIds.get(queue);
    if (!agents) {
      agents = new Map();
      pairIds.set(queue, agents);
    }
    let pair = agents.get(agent ?? '');
    if (pair === undefined) {
      pair = nextPair++;
      agents.set(agent ?? '', pair);
    }
    if (start !== lastStart || !lastCells) {
      lastCells = byStart.get(start);
      if (!lastCells) {
        lastCells = new Map();
        byStart.set(start, lastCells);
      }
      lastStart = start;
    }
    let cell = lastCells.get(pair);
    if (!cell) {
      cell = emptyCell(queue, agent, start);
      lastCells.set(pair, cell);
    }
    return cell;
  }
  function add(contacts: Iterable<Contact>): void {
    for (const c of contacts) addOne(c);
  }
  function cells(): IntervalCell[] {
    const out: IntervalCell[] = [];
    for (const cellsOfStart of byStart.values()) for (const cell of cellsOfStart.values()) out.push(cell);
    return out;
  }
  function addOne(c: Contact): void {
    const cell = cellFor(startOf(c.enteredAt), c.queue, c.outcome === 'answered' && perAgent ? c.agent : null);
    let t = thresholds.get(c.queue);
    if (t === undefined) {
      t = thresholdFor(c.queue);
      thresholds.set(c.queue, t);
    }
    const wait = c.waitSeconds;
    cell.offered++;
    if (wait !== null && wait > cell.maxWait) cell.maxWait = wait;
    switch (c.outcome) {
      case 'answered':
        cell.answered++;
        cell.sumAnswerWait += wait ?? 0;
        if (wait !== null && wait <= t) cell.answeredWithinT++;
        if (c.endedAt !== null) {
          cell.handled++;
          cell.sumTalk += c.talkSeconds;
          cell.sumHold += c.holdSeconds;
          cell.sumAcw += c.acwSeconds;
        }
        if (c.transferred) cell.transferred++;
        break;
      case 'abandoned':
        cell.abandoned++;
        cell.sumAbandonWait += wait ?? 0;
        if (wait !== null && wait < shortUnder) cell.shortAbandoned++;
        if (wait !== null && wait > t) cell.abandonedAfterT++;
        break;
      case 'timeout':
        cell.timeout++;
        break;
      case 'exit_key':
        cell.exitKey++;
        break;
      case 'exit_empty':
        cell.exitEmpty++;
        break;
      case 'unknown':
        cell.unknownEnd++;
        break;
    }
    cell.ringNoAnswer += c.ringNoAnswer;
  }
  return { add, cells };
}
