/**
 * Western Electric run rules (判异准则): patterns on a control chart that a stable process would rarely
 * produce, so each marks a likely special cause. Source: Western Electric Co. (1956), *Statistical Quality
 * Control Handbook*, pp. 25–28; Montgomery, *Introduction to Statistical Quality Control*, §5.3.6.
 *
 *   1. one point beyond the control limits (3σ);
 *   2. two of three consecutive points beyond 2σ on the same side of the centre;
 *   3. four of five consecutive points beyond 1σ on the same side;
 *   4. N consecutive points on the same side of the centre (N = 8 by default, configurable).
 *
 * Zones use each point's own centre and σ, so p- and u-charts with varying sample sizes are judged point by
 * point. A signal is reported at the point that completes the pattern, and only when that point is itself
 * part of it (as Minitab does): a long run therefore signals at every point from the N-th on, and an
 * ordinary point after a 2-of-3 pair does not repeat the pair's signal. A point exactly on the centre line
 * belongs to neither side and breaks a run.
 *
 * @example
 * // centre 0, σ 1: values 0, 2.5, 0.5, 2.2 → rule 2 at index 3 (2.5 and 2.2 in the window 1..3)
 */
import type { ChartPoint } from './control-charts.ts';

export type RuleNumber = 1 | 2 | 3 | 4;

export interface RunRuleSignal {
  rule: RuleNumber;
  /** 0-based index of the point that completed the pattern. */
  index: number;
  /** Every point that makes up the pattern, ascending. */
  indices: number[];
  side: 'above' | 'below';
}

export interface RunRuleOptions {
  /** Run length for rule 4 (default 8). */
  runLength?: number;
  /** Rules to apply (default all four). */
  rules?: readonly RuleNumber[];
}

type Zoned = Pick<ChartPoint, 'value' | 'center' | 'sigma' | 'lcl' | 'ucl'>;

const side = (p: Zoned): 1 | -1 | 0 => (p.value > p.center ? 1 : p.value < p.center ? -1 : 0);
/** Beyond k σ on side s (strictly, as a point exactly on a zone line is not beyond it). */
const beyond = (p: Zoned, k: number, s: 1 | -1) => s * (p.value - p.center) > k * p.sigma;
const sideName = (s: 1 | -1) => (s === 1 ? 'above' : 'below');

/** "m of the last w points beyond kσ on one side", signalled when point i is one of them. */
function mOfW(points: readonly Zoned[], rule: 2 | 3, m: number, w: number, k: number): RunRuleSignal[] {
  const out: RunRuleSignal[] = [];
  // Windows at the start are shorter: two points beyond 2σ are "two of three" whatever the third will be.
  for (let i = 0; i < points.length; i++) {
    for (const s of [1, -1] as const) {
      if (!beyond(points[i], k, s)) continue;
      const hits: number[] = [];
      for (let j = Math.max(0, i - w + 1); j <= i; j++) if (beyond(points[j], k, s)) hits.push(j);
      if (hits.length >= m) out.push({ rule, index: i, indices: hits, side: sideName(s) });
    }
  }
  return out;
}

/** Applies the Western Electric rules; signals are sorted by index, then rule. */
export function runRules(points: readonly Zoned[], options: RunRuleOptions = {}): RunRuleSignal[] {
  const runLength = options.runLength ?? 8;
  if (!Number.isInteger(runLength) || runLength < 2) throw new RangeError(`runLength must be an integer ≥ 2, got ${runLength}`);
  const rules = new Set(options.rules ?? [1, 2, 3, 4]);
  const signals: RunRuleSignal[] = [];
  if (rules.has(1)) {
    points.forEach((p, i) => {
      // The limits themselves, not centre ± 3σ: they may be clamped (p ≥ 0).
      if (p.value > p.ucl) signals.push({ rule: 1, index: i, indices: [i], side: 'above' });
      else if (p.value < p.lcl) signals.push({ rule: 1, index: i, indices: [i], side: 'below' });
    });
  }
  if (rules.has(2)) signals.push(...mOfW(points, 2, 2, 3, 2));
  if (rules.has(3)) signals.push(...mOfW(points, 3, 4, 5, 1));
  if (rules.has(4)) {
    let run = 0;
    let runSide: 1 | -1 | 0 = 0;
    points.forEach((p, i) => {
      const s = side(p);
      run = s !== 0 && s === runSide ? run + 1 : s === 0 ? 0 : 1;
      runSide = s;
      if (s !== 0 && run >= runLength) {
        const indices = Array.from({ length: runLength }, (_, j) => i - runLength + 1 + j);
        signals.push({ rule: 4, index: i, indices, side: sideName(s) });
      }
    });
  }
  return signals.sort((a, b) => a.index - b.index || a.rule - b.rule);
}
