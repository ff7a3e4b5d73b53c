/**
 * How far each evaluator (质检员) scores from the reference in a calibration session (校准): the expert's score
 * when an expert scored the contact, otherwise the consensus, the mean of the *other* evaluators' scores
 * (leaving the evaluator out, so one harsh scorer does not pull the reference toward herself; with two
 * evaluators each is compared with the other).
 *
 *   deviation_e,u = score_e,u − reference_u
 *   meanDeviation_e = Σ_u deviation / n_e          (> 0: lenient, < 0: strict)
 *   meanAbsoluteDeviation_e = Σ_u |deviation| / n_e
 *
 * n_e counts the contacts that evaluator scored and that had a reference. The expert is not scored.
 *
 * @example
 * // contact c1: expert 80, ann 90, bob 70 → ann +10, bob −10
 * // contact c2 (no expert): ann 60, bob 70 → ann vs bob's 70: −10, bob vs ann's 60: +10
 * // ann: mean 0, MAD 10, n 2
 */

export interface SessionScore {
  /** The contact (unit) scored. */
  contact: string;
  evaluator: string;
  /** Score (total or one item's points); null = not scored / N/A. */
  score: number | null;
}

export interface EvaluatorDeviation {
  evaluator: string;
  /** Contacts compared (the n beside the statistic). */
  n: number;
  /** Mean signed deviation, null when n = 0. */
  meanDeviation: number | null;
  meanAbsoluteDeviation: number | null;
  /** Contacts compared with the expert rather than with the consensus. */
  againstExpert: number;
}

/** Per-evaluator deviation from the expert (if given and present) or from the leave-one-out consensus. */
export function evaluatorDeviations(scores: readonly SessionScore[], expert?: string): EvaluatorDeviation[] {
  const byContact = new Map<string, Map<string, number>>();
  const evaluators: string[] = [];
  for (const s of scores) {
    if (s.evaluator !== expert && !evaluators.includes(s.evaluator)) evaluators.push(s.evaluator);
    if (s.score === null) continue;
    if (!byContact.has(s.contact)) byContact.set(s.contact, new Map());
    byContact.get(s.contact)!.set(s.evaluator, s.score);
  }
  return evaluators.map((evaluator) => {
    let n = 0;
    let sum = 0;
    let sumAbs = 0;
    let againstExpert = 0;
    for (const contact of byContact.values()) {
      const own = contact.get(evaluator);
      if (own === undefined) continue;
      let reference: number | undefined;
      if (expert !== undefined && contact.has(expert)) {
        reference = contact.get(expert)!;
        againstExpert++;
      } else {
        const others = [...contact].filter(([e]) => e !== evaluator && e !== expert).map(([, v]) => v);
        if (others.length > 0) reference = others.reduce((a, b) => a + b, 0) / others.length;
      }
      if (reference === undefined) continue;
      n++;
      sum += own - reference;
      sumAbs += Math.abs(own - reference);
    }
    return {
      evaluator,
      n,
      meanDeviation: n === 0 ? null : sum / n,
      meanAbsoluteDeviation: n === 0 ? null : sumAbs / n,
      againstExpert,
    };
  });
}
