/**
 * Shewhart control charts (控制图) for QA scores, handle times and error rates: the centre line and
 * three-sigma limits that separate common-cause variation (普通原因, the system) from special causes
 * (特殊原因, something to look into). Definitions as in Montgomery, *Introduction to Statistical Quality
 * Control* (chapters 6–7), and as computed by R's qcc package.
 *
 * - XmR (individuals and moving range, 单值–移动极差图): x̄ = mean, MR̄ = mean |x_i − x_{i−1}|,
 *   σ̂ = MR̄ / d2 with d2 = 1.128 (n = 2), limits x̄ ± 3σ̂ (= x̄ ± 2.660·MR̄); MR chart UCL = D4·MR̄ = 3.267·MR̄, LCL 0.
 * - p (不合格品率图): p̄ = Σd / Σn, σ_i = √(p̄(1 − p̄)/n_i), limits per point p̄ ± 3σ_i, clamped to [0, 1].
 * - u (单位缺陷数图): ū = Σc / Σn, σ_i = √(ū / n_i), limits per point ū ± 3σ_i, LCL clamped at 0.
 * - c (缺陷数图): c̄ = mean count, σ = √c̄, limits c̄ ± 3σ, LCL clamped at 0.
 *
 * With varying sample sizes the chart-level `lcl`/`ucl` are those of the average sample size n̄ (a summary
 * for display, Montgomery §7.2.2); each point carries its own exact limits, and the run rules use those.
 *
 * @example
 * xmrChart([1, 3, 2]).individuals // center 2, MR̄ = (2 + 1)/2 = 1.5, σ̂ = 1.5/1.128, limits 2 ± 3.9894
 */

/** d2 for subgroups of 2, as tabulated (Montgomery Appendix VI; qcc uses the same 1.128). */
export const D2_N2 = 1.128;
/** D4 for subgroups of 2 (Montgomery Appendix VI). */
export const D4_N2 = 3.267;

export interface ChartPoint {
  value: number;
  center: number;
  /** Standard deviation of this point under the limits' model (zones for the run rules). */
  sigma: number;
  lcl: number;
  ucl: number;
}

export interface ControlChart {
  type: 'x' | 'mr' | 'p' | 'u' | 'c';
  center: number;
  sigma: number;
  lcl: number;
  ucl: number;
  points: ChartPoint[];
  /** Points the limits were computed from (phase I); the rest are judged against them (phase II). */
  baseline: number;
}

export interface XmrChart {
  individuals: ControlChart;
  movingRange: ControlChart;
}

/** Options shared by all charts. */
export interface ChartOptions {
  /** Compute the limits from the first `baseline` points only (Montgomery's phase I / qcc's trial data). */
  baseline?: number;
}

/**
 * The natural boundaries of an individuals value (a score of 0–100, a time ≥ 0). A three-sigma limit beyond
 * one is shown at the boundary (Wheeler: a limit past a natural boundary cannot be crossed, so it is no
 * limit); σ̂ and the zones of the run rules are unchanged.
 */
export interface XmrOptions extends ChartOptions {
  min?: number;
  max?: number;
}

export interface Sample {
  /** Defectives (p) or defects (u) in the sample. */
  defects: number;
  /** Sample size: evaluations (p) or inspection units (u). */
  size: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function baselineCount(length: number, options: ChartOptions): number {
  const b = options.baseline ?? length;
  if (!Number.isInteger(b) || b < 1 || b > length) throw new RangeError(`baseline must be an integer in 1..${length}, got ${b}`);
  return b;
}

function point(value: number, center: number, sigma: number, floor: number | null, ceiling: number | null): ChartPoint {
  let lcl = center - 3 * sigma;
  let ucl = center + 3 * sigma;
  if (floor !== null) lcl = Math.max(floor, lcl);
  if (ceiling !== null) ucl = Math.min(ceiling, ucl);
  return { value, center, sigma, lcl, ucl };
}

/** Individuals and moving-range charts (XmR). Needs at least two baseline values. */
export function xmrChart(values: readonly number[], options: XmrOptions = {}): XmrChart {
  if (values.length < 2) throw new RangeError('an XmR chart needs at least 2 values');
  const b = baselineCount(values.length, options);
  if (b < 2) throw new RangeError('an XmR chart needs at least 2 baseline values');
  const ranges = values.slice(1).map((x, i) => Math.abs(x - values[i]));
  const center = mean(values.slice(0, b));
  const mrBar = mean(ranges.slice(0, b - 1));
  const sigma = mrBar / D2_N2;
  const floor = options.min ?? null;
  const ceiling = options.max ?? null;
  const limits = point(center, center, sigma, floor, ceiling);
  const individuals: ControlChart = {
    type: 'x',
    center,
    sigma,
    lcl: limits.lcl,
    ucl: limits.ucl,
    points: values.map((x) => point(x, center, sigma, floor, ceiling)),
    baseline: b,
  };
  // The MR chart's own σ (d3·σ̂) is implied by D4: UCL = MR̄ + 3σ_MR, so σ_MR = (D4 − 1)·MR̄/3.
  const mrSigma = ((D4_N2 - 1) * mrBar) / 3;
  const mrPoint = (r: number): ChartPoint => ({ value: r, center: mrBar, sigma: mrSigma, lcl: 0, ucl: D4_N2 * mrBar });
  const movingRange: ControlChart = {
    type: 'mr',
    center: mrBar,
    sigma: mrSigma,
    lcl: 0,
    ucl: D4_N2 * mrBar,
    points: ranges.map(mrPoint),
    baseline: b - 1,
  };
  return { individuals, movingRange };
}

function checkSamples(samples: readonly Sample[]): void {
  if (samples.length === 0) throw new RangeError('a chart needs at least one sample');
  samples.forEach((s, i) => {
    if (!(s.size > 0)) throw new RangeError(`sample ${i}: size must be positive, got ${s.size}`);
    if (!(s.defects >= 0)) throw new RangeError(`sample ${i}: defects must be ≥ 0, got ${s.defects}`);
  });
}

function rateChart(type: 'p' | 'u', samples: readonly Sample[], options: ChartOptions): ControlChart {
  checkSamples(samples);
  const b = baselineCount(samples.length, options);
  const base = samples.slice(0, b);
  const center = base.reduce((s, x) => s + x.defects, 0) / base.reduce((s, x) => s + x.size, 0);
  const sigmaAt = (n: number) => (type === 'p' ? Math.sqrt((center * (1 - center)) / n) : Math.sqrt(center / n));
  const ceiling = type === 'p' ? 1 : null;
  const points = samples.map((s) => point(s.defects / s.size, center, sigmaAt(s.size), 0, ceiling));
  const summary = point(center, center, sigmaAt(mean(samples.map((s) => s.size))), 0, ceiling);
  return { type, center, sigma: summary.sigma, lcl: summary.lcl, ucl: summary.ucl, points, baseline: b };
}

/** p-chart of the fraction nonconforming (e.g. evaluations with a critical error / evaluations). */
export function pChart(samples: readonly Sample[], options: ChartOptions = {}): ControlChart {
  samples.forEach((s, i) => {
    if (s.defects > s.size) throw new RangeError(`sample ${i}: defectives ${s.defects} exceed the sample size ${s.size}`);
  });
  return rateChart('p', samples, options);
}

/** u-chart of defects per unit (e.g. errors per evaluation) with per-point limits. */
export function uChart(samples: readonly Sample[], options: ChartOptions = {}): ControlChart {
  return rateChart('u', samples, options);
}

/** c-chart of defect counts in equal areas of opportunity (e.g. errors per 20 evaluations). */
export function cChart(counts: readonly number[], options: ChartOptions = {}): ControlChart {
  checkSamples(counts.map((c) => ({ defects: c, size: 1 })));
  const b = baselineCount(counts.length, options);
  const center = mean(counts.slice(0, b));
  const sigma = Math.sqrt(center);
  const points = counts.map((c) => point(c, center, sigma, 0, null));
  return { type: 'c', center, sigma, lcl: Math.max(0, center - 3 * sigma), ucl: center + 3 * sigma, points, baseline: b };
}
