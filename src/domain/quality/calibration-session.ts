/**
 * Summary of one calibration session (校准会): the same contacts scored blind by several evaluators, per
 * scorecard item and for the total, each statistic with its n (α on five contacts means little):
 * Krippendorff's alpha, raw agreement, and each evaluator's deviation from the expert or the consensus.
 *
 * α and agreement are computed among the evaluators only; the expert's scores serve as the reference for
 * deviations (including the expert as a coder would make α partly measure the expert).
 *
 * @example
 * summariseCalibration(scores, { level: 'interval', expert: 'lead' })
 * // → { items: [{ item: 'greeting', alpha: { alpha: 0.81, units: 10, pairable: 30, … }, agreement: {…}, deviations: […] }], total: {…} }
 */
import { type EvaluatorDeviation, evaluatorDeviations } from './evaluator-deviation.ts';
import { type AlphaLevel, type AlphaResult, krippendorffAlpha, reliabilityMatrix } from './krippendorff-alpha.ts';
import { type AgreementResult, percentAgreement } from './percent-agreement.ts';

export interface CalibrationScore {
  contact: string;
  evaluator: string;
  /** Scorecard item id, or `total` for the evaluation's total score. */
  item: string;
  /** Points given; null = N/A or not scored (a missing value). */
  value: number | null;
}

export interface ItemCalibration {
  item: string;
  alpha: AlphaResult;
  agreement: AgreementResult;
  deviations: EvaluatorDeviation[];
}

export interface CalibrationOptions {
  /** Level of measurement for α: item points are usually `interval`, pass/fail items `nominal`. */
  level: AlphaLevel;
  /** The expert's evaluator id, when the session has a reference scoring. */
  expert?: string;
  /** Points within which two scores count as agreeing (default 0). */
  tolerance?: number;
}

/** One line per item, in first-seen order. */
export function summariseCalibration(scores: readonly CalibrationScore[], options: CalibrationOptions): ItemCalibration[] {
  const items = new Map<string, CalibrationScore[]>();
  for (const s of scores) {
    if (!items.has(s.item)) items.set(s.item, []);
    items.get(s.item)!.push(s);
  }
  return [...items].map(([item, rows]) => {
    const evaluatorsOnly = rows.filter((r) => r.evaluator !== options.expert);
    const { data } = reliabilityMatrix(evaluatorsOnly.map((r) => ({ unit: r.contact, coder: r.evaluator, value: r.value })));
    return {
      item,
      alpha: krippendorffAlpha(data, options.level),
      agreement: percentAgreement(data, options.tolerance ?? 0),
      deviations: evaluatorDeviations(
        rows.map((r) => ({ contact: r.contact, evaluator: r.evaluator, score: r.value })),
        options.expert,
      ),
    };
  });
}
