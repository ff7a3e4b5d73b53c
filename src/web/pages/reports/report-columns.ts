import type { MetricKey } from '../../components/metric-label.tsx';

/**
 * The interval-report row the API returns (`GET /api/v1/reports/intervals`, built by
 * src/domain/metrics/intervals.ts `rowFromCell`): counts are sums, seconds are averages, ratios are shares
 * in [0, 1] and null when the denominator is 0. Definitions: docs/metrics.md.
 */
export interface IntervalRow {
  queue?: string;
  team?: string | null;
  agent?: string | null;
  intervalStart: string;
  intervalStartMs?: number;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  otherExits: number;
  timeout?: number;
  exitKey?: number;
  exitEmpty?: number;
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
  holdSeconds?: number | null;
  acwSeconds: number | null;
  transferred: number;
  ringNoAnswer?: number;
  /** Answered contacts with a recorded end, the denominator of AHT/talk/hold/ACW — when the API sends it. */
  handled?: number;
}

export type Kind = 'int' | 'ratio' | 'seconds';
export type Dim = 'queue' | 'team' | 'agent';
export type NumericKey = {
  [K in keyof IntervalRow]-?: NonNullable<IntervalRow[K]> extends number ? K : never;
}[keyof IntervalRow];

/**
 * Columns of the interval table, in the order managers read them (volumes, then rates, then times);
 * `metric` names the definition tooltip (`metrics.<metric>` in the i18n files). Every field of the row
 * that a person reads is here; `intervalStartMs` and `handled` are machine fields.
 */
export const REPORT_COLUMNS: readonly { key: NumericKey; kind: Kind; metric: MetricKey }[] = [
  { key: 'offered', kind: 'int', metric: 'offered' },
  { key: 'answered', kind: 'int', metric: 'answered' },
  { key: 'abandoned', kind: 'int', metric: 'abandoned' },
  { key: 'shortAbandoned', kind: 'int', metric: 'shortAbandoned' },
  { key: 'otherExits', kind: 'int', metric: 'otherExits' },
  { key: 'timeout', kind: 'int', metric: 'timeout' },
  { key: 'exitKey', kind: 'int', metric: 'exitKey' },
  { key: 'exitEmpty', kind: 'int', metric: 'exitEmpty' },
  { key: 'unknownEnd', kind: 'int', metric: 'unknownEnd' },
  { key: 'answeredWithinThreshold', kind: 'int', metric: 'answeredWithinThreshold' },
  { key: 'abandonedAfterThreshold', kind: 'int', metric: 'abandonedAfterThreshold' },
  { key: 'serviceLevel', kind: 'ratio', metric: 'serviceLevel' },
  { key: 'answerRate', kind: 'ratio', metric: 'answerRate' },
  { key: 'asaSeconds', kind: 'seconds', metric: 'asa' },
  { key: 'maxWaitSeconds', kind: 'seconds', metric: 'maxWait' },
  { key: 'avgAbandonSeconds', kind: 'seconds', metric: 'avgAbandon' },
  { key: 'ahtSeconds', kind: 'seconds', metric: 'aht' },
  { key: 'talkSeconds', kind: 'seconds', metric: 'talk' },
  { key: 'holdSeconds', kind: 'seconds', metric: 'hold' },
  { key: 'acwSeconds', kind: 'seconds', metric: 'acw' },
  { key: 'transferred', kind: 'int', metric: 'transferred' },
  { key: 'ringNoAnswer', kind: 'int', metric: 'ringNoAnswer' },
];

/** Intraday intervals (minutes) show times on the x-axis; the others show dates. */
export const isIntraday = (interval: string): boolean => interval === '15' || interval === '30' || interval === '60';

/**
 * The label of a row's interval from its ISO start in the center's zone (`2026-11-23T09:30:00+08:00`):
 * `MM-dd HH:mm` for intraday intervals (the date kept, since a range may span days), the date otherwise.
 * The ISO text is already on the center's clock, so no zone conversion happens in the browser.
 */
export function intervalLabel(iso: string, interval: string): string {
  if (isIntraday(interval)) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(0, 10);
}

/** The name of a row under the chosen dimension ('—' for calls never answered by an agent). */
export const rowName = (r: IntervalRow, dim: Dim): string => String(r[dim] ?? '—');
