import type { Contact } from '../contacts/contact.ts';
import { type IntervalSpec, intervalStarter, isoFormatter } from './interval-bucket.ts';
import { addCell, buildCells, emptyCell, type IntervalCell } from './interval-cube.ts';
import { type SlDefinition, serviceLevel } from './service-level.ts';

export { type SlDefinition, serviceLevel } from './service-level.ts';
export type GroupBy = 'queue' | 'team' | 'agent';

export interface IntervalOptions {
  interval: IntervalSpec;
  timeZone: string;
  by: GroupBy;
  slDefinition?: SlDefinition;
  /** Raw queue name → skill group; unmapped queues report under their raw name. */
  queueToGroup?: Record<string, string>;
  /** Raw agent name (e.g. `PJSIP/1001`) → agent; unmapped agents report under their raw name. */
  agentMap?: Record<string, string>;
  /** Agent (after agentMap) → team; agents without a team report under team null. */
  agentToTeam?: Record<string, string>;
  /** Service-level threshold T in seconds per skill group (default `defaultThresholdSeconds`, 20). */
  thresholds?: Record<string, number>;
  defaultThresholdSeconds?: number;
  shortAbandonSeconds?: number;
}

/** One line of the interval report; seconds are averages, ratios are shares in [0, 1], null when 0/0. */
export interface IntervalRow {
  queue?: string;
  team?: string | null;
  agent?: string | null;
  intervalStart: string;
  intervalStartMs: number;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  otherExits: number;
  timeout: number;
  exitKey: number;
  exitEmpty: number;
  unknownEnd: number;
  answeredWithinThreshold: number;
  abandonedAfterThreshold: number;
  serviceLevel: number | null;
  answerRate: number | null;
  asaSeconds: number | null;
  maxWaitSeconds: number | null;
  avgAbandonSeconds: number | null;
  ahtSeconds: number | null;
  talkSeconds: number | null;
  holdSeconds: number | null;
  acwSeconds: number | null;
  transferred: number;
  ringNoAnswer: number;
  /** Answered calls with a recorded end: the denominator of AHT, talk, hold and ACW (to weight them in totals). */
  handled: number;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** Turns summed counts into a report row: averages from sums, never averages of averages. */
export function rowFromCell(c: IntervalCell, slDefinition: SlDefinition, iso: (ms: number) => string): IntervalRow {
  return {
    intervalStart: iso(c.start),
    intervalStartMs: c.start,
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    shortAbandoned: c.shortAbandoned,
    otherExits: c.timeout + c.exitKey + c.exitEmpty,
    timeout: c.timeout,
    exitKey: c.exitKey,
    exitEmpty: c.exitEmpty,
    unknownEnd: c.unknownEnd,
    answeredWithinThreshold: c.answeredWithinT,
    abandonedAfterThreshold: c.abandonedAfterT,
    serviceLevel: serviceLevel(slDefinition, c.answeredWithinT, c.offered, c.answered, c.abandonedAfterT, c.shortAbandoned),
    answerRate: ratio(c.answered, c.offered),
    asaSeconds: ratio(c.sumAnswerWait, c.answered),
    maxWaitSeconds: c.maxWait >= 0 ? c.maxWait : null,
    avgAbandonSeconds: ratio(c.sumAbandonWait, c.abandoned),
    ahtSeconds: ratio(c.sumTalk + c.sumHold + c.sumAcw, c.handled),
    talkSeconds: ratio(c.sumTalk, c.handled),
    holdSeconds: ratio(c.sumHold, c.handled),
    acwSeconds: ratio(c.sumAcw, c.handled),
    transferred: c.transferred,
    ringNoAnswer: c.ringNoAnswer,
    handled: c.handled,
  };
}

/**
 * Rolls stored 15-minute cells up to report rows: cells are grouped by report interval and by skill
 * group, team or agent (mappings applied here, so a new mapping needs no rebuild), summed, then turned
 * into ratios. Rows come sorted by interval, then name.
 */
export function rollUpCells(cells: Iterable<IntervalCell>, options: IntervalOptions): IntervalRow[] {
  const startOf = intervalStarter(options.interval, options.timeZone);
  const groups = new Map<string, { name: string | null; cell: IntervalCell }>();
  const sameInterval = options.interval === 15;
  for (const c of cells) {
    const start = sameInterval ? c.start : startOf(c.start);
    let name: string | null;
    if (options.by === 'queue') name = options.queueToGroup?.[c.queue] ?? c.queue;
    else {
      const agent = c.agent === null ? null : (options.agentMap?.[c.agent] ?? c.agent);
      name = options.by === 'agent' ? agent : agent === null ? null : (options.agentToTeam?.[agent] ?? null);
    }
    const id = `${start}\u0000${name ?? '\u0001'}`;
    let g = groups.get(id);
    if (!g) {
      g = { name, cell: emptyCell('', null, start) };
      groups.set(id, g);
    }
    addCell(g.cell, c);
  }
  const sl = options.slDefinition ?? 1;
  const iso = isoFormatter(options.timeZone);
  const rows = [...groups.values()].map(({ name, cell }) => {
    const row = rowFromCell(cell, sl, iso);
    return options.by === 'queue'
      ? { queue: name ?? '', ...row }
      : options.by === 'team'
        ? { team: name, ...row }
        : { agent: name, ...row };
  });
  const label = (r: IntervalRow): string => r.queue ?? r.team ?? r.agent ?? '';
  // Code-point order, not localeCompare: stable across machines and fast for thousands of rows.
  return rows.sort((a, b) => a.intervalStartMs - b.intervalStartMs || (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0));
}

/** Contacts → report rows in one call (cells of 15 minutes, then {@link rollUpCells}). */
export function aggregateIntervals(contacts: Iterable<Contact>, options: IntervalOptions): IntervalRow[] {
  const def = options.defaultThresholdSeconds ?? 20;
  const cells = buildCells(contacts, {
    timeZone: options.timeZone,
    shortAbandonSeconds: options.shortAbandonSeconds,
    cellMinutes: options.interval === 30 || options.interval === 60 ? options.interval : 15,
    thresholdFor: (q) => options.thresholds?.[options.queueToGroup?.[q] ?? q] ?? def,
  });
  return rollUpCells(cells, options);
}
