/**
 * Raw (percent) agreement among evaluators (一致率): of all pairs of scores given to the same contact by two
 * different evaluators, the share that agree (within a tolerance). It ignores chance agreement — read it
 * next to Krippendorff's alpha, never instead of it (Krippendorff 2004, §11.2; Hayes & Krippendorff 2007).
 *
 *   agreement = Σ_u agreeing pairs in u / Σ_u m_u(m_u − 1)/2     (units with m_u ≥ 2 scores)
 *
 * Pooling the pairs weights a contact by how many pairs it has, so a contact scored by 4 evaluators counts
 * 6 pairs and one scored by 2 counts 1. `unanimous` is the share of those units on which all scores agree.
 *
 * @example
 * percentAgreement([[5, 5, 4], [3, 3]])
 * // unit 1: pairs (5,5) ✓ (5,4) ✗ (5,4) ✗; unit 2: (3,3) ✓ → 2 of 4 pairs = 0.5; unanimous 1 of 2 = 0.5
 */
import type { ReliabilityData } from './krippendorff-alpha.ts';

export interface AgreementResult {
  /** Share of agreeing pairs, or null with no pairs. */
  agreement: number | null;
  /** Share of units with ≥ 2 scores where every score agrees, or null with no such unit. */
  unanimous: number | null;
  /** Units with at least two scores. */
  units: number;
  /** Pairs compared (the n of `agreement`). */
  pairs: number;
}

/** Percent agreement; two scores agree when they differ by at most `tolerance` (default 0: equal). */
export function percentAgreement(data: ReliabilityData, tolerance = 0): AgreementResult {
  let pairs = 0;
  let agreeing = 0;
  let units = 0;
  let unanimous = 0;
  for (const row of data) {
    const v = row.filter((x): x is number => x !== null);
    if (v.length < 2) continue;
    units++;
    let all = true;
    for (let i = 0; i < v.length; i++) {
      for (let j = i + 1; j < v.length; j++) {
        pairs++;
        if (Math.abs(v[i] - v[j]) <= tolerance) agreeing++;
        else all = false;
      }
    }
    if (all) unanimous++;
  }
  return {
    agreement: pairs === 0 ? null : agreeing / pairs,
    unanimous: units === 0 ? null : unanimous / units,
    units,
    pairs,
  };
}
