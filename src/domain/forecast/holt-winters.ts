import { dayDiff } from '../calendar/civil-date.ts';
import type { DayOverride } from '../calendar/day-kind.ts';
import { isSpecialDay } from './calendar-features.ts';
import type { Model } from './model.ts';
import { nelderMead } from './nelder-mead.ts';
import type { DaySeries } from './series.ts';

/** Smoothing constants of the level (α), the intraday season (δ) and the weekly season (ω), each in (0, 1). */
export interface HwParams {
  alpha: number;
  delta: number;
  omega: number;
}

export interface HwState {
  level: number;
  /** Intraday season d, indexed by t mod m1. */
  daily: number[];
  /** Weekly season w (what the intraday season leaves over the week), indexed by t mod m2. */
  weekly: number[];
  /** In-sample sum of squared one-step errors over the observed (not skipped) intervals after the first week. */
  sse: number;
}

/**
 * Double-seasonal Holt–Winters, additive, without trend (Taylor 2003, "Short-term electricity demand forecasting
 * using double seasonal exponential smoothing", J. Oper. Res. Soc. 54; applied to call arrivals in Taylor 2008,
 * "A comparison of univariate time series methods for forecasting intraday arrivals at a call center",
 * Management Science 54(2)). With y_t the calls of interval t, m1 intervals a day and m2 = 7·m1 a week:
 *   ŷ_t = ℓ_{t−1} + d_{t−m1} + w_{t−m2}
 *   ℓ_t = α (y_t − d_{t−m1} − w_{t−m2}) + (1 − α) ℓ_{t−1}
 *   d_t = δ (y_t − ℓ_t − w_{t−m2}) + (1 − δ) d_{t−m1}
 *   w_t = ω (y_t − ℓ_t − d_{t−m1}) + (1 − ω) w_{t−m2}
 * Additive rather than Taylor's multiplicative form: night intervals with zero or a handful of calls make
 * multiplicative indices divide by (nearly) zero. No trend term: over a two-week horizon a trend fitted on
 * 15-minute steps extrapolates noise. Intervals in `skip` are treated as missing (ŷ stands in for y, so no state
 * moves): the model uses them for the holidays and 调休 days of the history, which it cannot explain.
 *
 * @example a series that is exactly level 10 + intraday [−2, 2] repeats itself: ŷ = 8, 12, 8, 12, … with sse 0
 */
export function runHoltWinters(y: readonly number[], m1: number, m2: number, p: HwParams, skip?: readonly boolean[]): HwState {
  const { level: level0, daily, weekly } = initialState(y, m1, m2, skip);
  let level = level0;
  let sse = 0;
  for (let t = m2; t < y.length; t++) {
    const i1 = t % m1;
    const i2 = t % m2;
    const dOld = daily[i1]!;
    const wOld = weekly[i2]!;
    if (skip?.[t]) continue;
    const e = y[t]! - (level + dOld + wOld);
    sse += e * e;
    const newLevel = p.alpha * (y[t]! - dOld - wOld) + (1 - p.alpha) * level;
    daily[i1] = p.delta * (y[t]! - newLevel - wOld) + (1 - p.delta) * dOld;
    weekly[i2] = p.omega * (y[t]! - newLevel - dOld) + (1 - p.omega) * wOld;
    level = newLevel;
  }
  return { level, daily, weekly, sse };
}

/** Occurrences of each weekday the start values are averaged over. */
const INIT_WEEKS = 2;

/**
 * Start values by a classical decomposition of the first INIT_WEEKS observed occurrences of each weekday (skipped
 * days are passed over, so a weekday whose first occurrence is a holiday takes the next one): ℓ = their mean;
 * d = each interval's mean deviation from its day's mean; w = each interval of the week's mean deviation from ℓ + d.
 * Starting from the first calendar week alone would leave such a weekday without a weekly index, and the search
 * would then buy a nervous level to repair it.
 */
function initialState(y: readonly number[], m1: number, m2: number, skip?: readonly boolean[]) {
  const daysPerWeek = m2 / m1;
  const taken = Array(daysPerWeek).fill(0) as number[];
  const initDays: number[] = [];
  for (let day = 0; day < Math.floor(y.length / m1); day++) {
    if (skip?.[day * m1] || taken[day % daysPerWeek]! >= INIT_WEEKS) continue;
    taken[day % daysPerWeek]!++;
    initDays.push(day);
  }
  const dayMean = (day: number) => {
    let s = 0;
    for (let k = 0; k < m1; k++) s += y[day * m1 + k]!;
    return s / m1;
  };
  const n = Math.max(1, initDays.length);
  const level = initDays.reduce((acc, day) => acc + dayMean(day), 0) / n;
  const daily = Array(m1).fill(0) as number[];
  for (const day of initDays) {
    const mean = dayMean(day);
    for (let k = 0; k < m1; k++) daily[k]! += (y[day * m1 + k]! - mean) / n;
  }
  const weekly = Array(m2).fill(0) as number[];
  for (const day of initDays) {
    for (let k = 0; k < m1; k++) {
      const t = day * m1 + k;
      weekly[t % m2]! += (y[t]! - level - daily[k]!) / taken[day % daysPerWeek]!;
    }
  }
  return { level, daily, weekly };
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The smoothing constants that minimise the in-sample one-step squared error, found by Nelder–Mead on the
 * logits of α, δ, ω (so the search is unconstrained while each constant stays in (0, 1)).
 */
export function fitHoltWinters(
  y: readonly number[],
  m1: number,
  m2: number,
  skip?: readonly boolean[],
): { params: HwParams; state: HwState } {
  const toParams = (z: readonly number[]): HwParams => ({
    alpha: logistic(z[0]!),
    delta: logistic(z[1]!),
    omega: logistic(z[2]!),
  });
  const best = nelderMead((z) => runHoltWinters(y, m1, m2, toParams(z), skip).sse, [logit(0.05), logit(0.1), logit(0.1)], {
    step: 1.5,
    maxEvaluations: 150,
    tolerance: 1e-7,
  });
  const params = toParams(best.x);
  return { params, state: runHoltWinters(y, m1, m2, params, skip) };
}

/**
 * The double-seasonal Holt–Winters model over whole days of history; the history's holidays, make-up workdays and
 * the working days just after a holiday are skipped. Calendar-blind on the horizon: a holiday ahead is forecast
 * like an ordinary day of its weekday. Needs two weeks (one to start, one to fit); otherwise returns null.
 */
export const holtWinters: Model = (series: DaySeries, dates: readonly string[], overrides?: ReadonlyMap<string, DayOverride>) => {
  const m1 = series.slotsPerDay;
  const m2 = 7 * m1;
  const y = series.calls.flat();
  if (y.length < 2 * m2) return null;
  const skip = series.dates.flatMap((d) => Array(m1).fill(isSpecialDay(d, overrides)) as boolean[]);
  const { state } = fitHoltWinters(y, m1, m2, skip);
  return dates.map((date) => {
    const offset = dayDiff(series.dates[0]!, date) * m1;
    return Array.from({ length: m1 }, (_, s) =>
      Math.max(0, state.level + state.daily[(offset + s) % m1]! + state.weekly[(offset + s) % m2]!),
    );
  });
};
