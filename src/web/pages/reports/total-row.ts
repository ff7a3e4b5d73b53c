import { type SlDefinition, serviceLevel } from '../../../domain/metrics/service-level.ts';
import type { IntervalRow } from './report-columns.ts';

export type { SlDefinition };

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * Σ of an average over rows, recovered as average × its denominator. A row whose average is null had a
 * denominator of 0 and adds nothing. Returns [Σ value, Σ denominator].
 */
function weighted(
  rows: readonly IntervalRow[],
  avg: (r: IntervalRow) => number | null | undefined,
  weight: (r: IntervalRow) => number,
): [number, number] {
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const a = avg(r);
    const w = weight(r);
    if (a == null || w <= 0) continue;
    sum += a * w;
    n += w;
  }
  return [sum, n];
}

const sum = (rows: readonly IntervalRow[], f: (r: IntervalRow) => number | undefined): number =>
  rows.reduce((s, r) => s + (f(r) ?? 0), 0);

/**
 * The totals row (合计) of report rows: counts are summed and every ratio and average is recomputed
 * from the sums — never an average of the rows' averages, which would weight a quiet interval like a busy one.
 *
 * Sums the row does not carry are recovered from the average and its denominator:
 * Σ answer wait = ASA × answered; Σ abandon wait = avgAbandon × abandoned; Σ handle time =
 * AHT × handled (likewise talk, hold, ACW). `handled` (answered calls with a recorded end) is used when the
 * row carries it; otherwise `answered` stands in, which is exact whenever every answered call has an end
 * (the API's own total, summed from cells, is exact in every case). Longest wait is the maximum.
 *
 * @example two rows — 6 offered, 2 within T, 3 answered (ASA 17.33 s) and 4 offered, 4 within T, 4 answered (ASA 5 s):
 *   SL1 = 6/10 = 60 % (not (33.3 % + 100 %)/2 = 66.7 %), ASA = (52 + 20)/7 = 10.29 s.
 */
export function totalRow(rows: readonly IntervalRow[], slDefinition: SlDefinition): IntervalRow {
  const counts = {
    offered: sum(rows, (r) => r.offered),
    answered: sum(rows, (r) => r.answered),
    abandoned: sum(rows, (r) => r.abandoned),
    shortAbandoned: sum(rows, (r) => r.shortAbandoned),
    otherExits: sum(rows, (r) => r.otherExits),
    timeout: sum(rows, (r) => r.timeout),
    exitKey: sum(rows, (r) => r.exitKey),
    exitEmpty: sum(rows, (r) => r.exitEmpty),
    unknownEnd: sum(rows, (r) => r.unknownEnd),
    answeredWithinThreshold: sum(rows, (r) => r.answeredWithinThreshold),
    abandonedAfterThreshold: sum(rows, (r) => r.abandonedAfterThreshold),
    transferred: sum(rows, (r) => r.transferred),
    ringNoAnswer: sum(rows, (r) => r.ringNoAnswer),
  };
  const handledOf = (r: IntervalRow) => r.handled ?? r.answered;
  const avg = (f: (r: IntervalRow) => number | null | undefined, w: (r: IntervalRow) => number) => {
    const [s, n] = weighted(rows, f, w);
    return ratio(s, n);
  };
  // A loop, not Math.max(...): a month by agent at 15 minutes has more rows than the argument limit.
  let maxWait: number | null = null;
  for (const r of rows)
    if (r.maxWaitSeconds != null && (maxWait === null || r.maxWaitSeconds > maxWait)) maxWait = r.maxWaitSeconds;
  return {
    intervalStart: '',
    ...counts,
    serviceLevel: serviceLevel(
      slDefinition,
      counts.answeredWithinThreshold,
      counts.offered,
      counts.answered,
      counts.abandonedAfterThreshold,
      counts.shortAbandoned,
    ),
    answerRate: ratio(counts.answered, counts.offered),
    asaSeconds: avg(
      (r) => r.asaSeconds,
      (r) => r.answered,
    ),
    maxWaitSeconds: maxWait,
    avgAbandonSeconds: avg(
      (r) => r.avgAbandonSeconds,
      (r) => r.abandoned,
    ),
    ahtSeconds: avg((r) => r.ahtSeconds, handledOf),
    talkSeconds: avg((r) => r.talkSeconds, handledOf),
    holdSeconds: avg((r) => r.holdSeconds, handledOf),
    acwSeconds: avg((r) => r.acwSeconds, handledOf),
    ...(rows.every((r) => r.handled != null) && rows.length > 0 ? { handled: sum(rows, (r) => r.handled) } : {}),
  };
}
