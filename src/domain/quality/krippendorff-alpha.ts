/**
 * Krippendorff's alpha (α), the reliability of a coding: how far several evaluators (coders) who scored the
 * same contacts (units) agree beyond what chance would give, with any number of coders and missing values.
 *
 * Definition (Krippendorff, K. 2011, "Computing Krippendorff's Alpha-Reliability", Annenberg School for
 * Communication, University of Pennsylvania; also Krippendorff 2004, *Content Analysis*, ch. 11):
 *
 *   coincidences  o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)   (units with m_u ≥ 2 only)
 *   n_c = Σ_k o_ck,  n = Σ_c n_c  (the number of pairable values)
 *   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * with the difference functions δ²_ck:
 *   nominal  0 if c = k, else 1
 *   ordinal  (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²   (ranks weighted by the marginals n_g, values sorted)
 *   interval (c − k)²
 *   ratio    ((c − k) / (c + k))²
 *
 * α = 1 is perfect agreement, 0 is chance level; Krippendorff suggests relying on α ≥ 0.800 and drawing
 * tentative conclusions only from 0.667 ≤ α < 0.800. With no variation at all (every value equal) α is 0/0,
 * reported as `null`.
 *
 * @example
 * // 2 units, 2 coders, nominal: both agree on unit 1 (value 1), disagree on unit 2 (1 vs 2)
 * krippendorffAlpha([[1, 1], [1, 2]], 'nominal')
 * // o_11 = 2, o_12 = o_21 = 1, n = 4, n_1 = 3, n_2 = 1 → α = 1 − 3·2 / (2·3·1) = 0
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Rows are units (contacts), columns are coders (evaluators); `null` is a missing value. */
export type ReliabilityData = ReadonlyArray<ReadonlyArray<number | null>>;

export interface AlphaResult {
  /** α, or null when it is undefined (no pairable values, or no variation among them). */
  alpha: number | null;
  /** Units in the data, including those with fewer than two values (they add nothing to α). */
  units: number;
  /** Units with at least two values: the ones α is computed from. */
  pairableUnits: number;
  /** Coders: the widest row. */
  coders: number;
  /** n: values in units with at least two values (Krippendorff's "pairable values"). */
  pairable: number;
}

/** The coincidence matrix: distinct values (sorted ascending) and o[c][k] over them. */
export interface Coincidences {
  values: number[];
  o: number[][];
  /** Marginal totals n_c = Σ_k o_ck. */
  marginals: number[];
  pairable: number;
  pairableUnits: number;
}

/** Builds the coincidence matrix of reliability data (Krippendorff 2011, section A). */
export function coincidences(data: ReliabilityData): Coincidences {
  const present = data.map((row) => row.filter((v): v is number => v !== null));
  const pairableRows = present.filter((row) => row.length >= 2);
  const values = [...new Set(pairableRows.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const row of pairableRows) {
    const counts = new Map<number, number>();
    for (const v of row) counts.set(index.get(v)!, (counts.get(index.get(v)!) ?? 0) + 1);
    const m = row.length;
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        // A value cannot be paired with itself: c–c pairs are nc·(nc − 1), c–k pairs nc·nk.
        o[c][k] += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const pairable = pairableRows.reduce((s, row) => s + row.length, 0);
  return { values, o, marginals, pairable, pairableUnits: pairableRows.length };
}

/** δ²_ck for the level, as a matrix over the sorted distinct values (the ordinal one needs the marginals). */
export function differenceMatrix(values: readonly number[], marginals: readonly number[], level: AlphaLevel): number[][] {
  // Running totals of the marginals make each ordinal difference O(1): Σ_{g=lo..hi} n_g = cum[hi + 1] − cum[lo].
  const cum = [0];
  for (const m of marginals) cum.push(cum[cum.length - 1] + m);
  return values.map((c, i) =>
    values.map((k, j) => {
      switch (level) {
        case 'nominal':
          return i === j ? 0 : 1;
        case 'ordinal': {
          const [lo, hi] = i <= j ? [i, j] : [j, i];
          return (cum[hi + 1] - cum[lo] - (marginals[lo] + marginals[hi]) / 2) ** 2;
        }
        case 'interval':
          return (c - k) ** 2;
        default:
          // ratio. Two zeros are identical: no difference (and no 0/0).
          return c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
      }
    }),
  );
}

/** Krippendorff's alpha of reliability data at the given level of measurement. */
export function krippendorffAlpha(data: ReliabilityData, level: AlphaLevel): AlphaResult {
  const co = coincidences(data);
  const coders = data.reduce((m, row) => Math.max(m, row.length), 0);
  const base = { units: data.length, pairableUnits: co.pairableUnits, coders, pairable: co.pairable };
  const n = co.marginals.reduce((s, x) => s + x, 0);
  if (n < 2) return { alpha: null, ...base };
  const delta = differenceMatrix(co.values, co.marginals, level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < co.values.length; c++) {
    for (let k = 0; k < co.values.length; k++) {
      observed += co.o[c][k] * delta[c][k];
      expected += co.marginals[c] * co.marginals[k] * delta[c][k];
    }
  }
  if (expected === 0) return { alpha: null, ...base };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...base };
}

/**
 * Turns `(unit, coder, value)` records into reliability data (rows in first-seen unit order, columns in
 * first-seen coder order). A repeated (unit, coder) pair is the caller's error to report; the last one wins here.
 */
export function reliabilityMatrix(records: ReadonlyArray<{ unit: string; coder: string; value: number | null }>): {
  data: (number | null)[][];
  units: string[];
  coders: string[];
} {
  const units: string[] = [];
  const coders: string[] = [];
  const unitIndex = new Map<string, number>();
  const coderIndex = new Map<string, number>();
  for (const r of records) {
    if (!unitIndex.has(r.unit)) unitIndex.set(r.unit, units.push(r.unit) - 1);
    if (!coderIndex.has(r.coder)) coderIndex.set(r.coder, coders.push(r.coder) - 1);
  }
  const data = units.map(() => coders.map((): number | null => null));
  for (const r of records) data[unitIndex.get(r.unit)!][coderIndex.get(r.coder)!] = r.value;
  return { data, units, coders };
}
