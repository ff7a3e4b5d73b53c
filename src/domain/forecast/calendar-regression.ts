import { dayDiff } from '../calendar/civil-date.ts';
import type { DayOverride } from '../calendar/day-kind.ts';
import { calendarFeatures, type ProfileType, profileType } from './calendar-features.ts';
import { ols } from './least-squares.ts';
import { type Model, sum } from './model.ts';
import type { DaySeries } from './series.ts';

/**
 * The daily-volume part of the calendar regression: OLS of log(calls + 1) on the calendar features, and Duan's
 * smearing factor (mean of exp(residual); Duan 1983, JASA 78(383)) so that exp(prediction) is not the geometric
 * mean of the day's calls but their mean: total = smear · exp(x·β) − 1.
 */
export function fitDailyRegression(totals: readonly number[], features: readonly (readonly number[])[]) {
  const z = totals.map((v) => Math.log(v + 1));
  const dot = (x: readonly number[], b: readonly number[]) => x.reduce((acc, v, i) => acc + v * b[i]!, 0);
  let keep = features.map((_, i) => i);
  let beta = ols(features, z);
  // Robust passes: a day the calendar cannot explain (a local holiday, an outage) far off the fit is left out and
  // the fit repeated, the worst first, so it does not bend the weekday effects. Far = more than 4 robust standard
  // deviations (1.4826 × median absolute residual; Hampel's rule) and more than 10 % off; at most a tenth of the days.
  for (let dropped = 0; dropped < features.length / 10; dropped++) {
    const residuals = keep.map((i) => z[i]! - dot(features[i]!, beta));
    const limit = Math.max(4 * 1.4826 * median(residuals.map(Math.abs)), 0.1);
    let worst = 0;
    residuals.forEach((r, k) => {
      if (Math.abs(r) > Math.abs(residuals[worst]!)) worst = k;
    });
    if (!(Math.abs(residuals[worst] ?? 0) > limit)) break;
    keep = keep.filter((_, k) => k !== worst);
    beta = ols(
      keep.map((i) => features[i]!),
      keep.map((i) => z[i]!),
    );
  }
  const smear = sum(keep.map((i) => Math.exp(z[i]! - dot(features[i]!, beta)))) / Math.max(1, keep.length);
  return {
    beta,
    smear,
    dropped: features.length - keep.length,
    predict: (x: readonly number[]) => Math.max(0, smear * Math.exp(dot(x, beta)) - 1),
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Days of each profile type that are pooled for its shape, the most recent first. */
const PROFILE_DAYS = 8;

/**
 * Intraday shape of each day type, pooled over its last PROFILE_DAYS days with calls; types the history lacks
 * borrow: a holiday takes the weekend's shape, a make-up workday the weekdays', a weekday all ordinary days'.
 */
export function intradayProfiles(
  series: DaySeries,
  overrides?: ReadonlyMap<string, DayOverride>,
): (type: ProfileType) => number[] {
  const byType = new Map<ProfileType, number[]>();
  for (let d = series.dates.length - 1; d >= 0; d--) {
    if (sum(series.calls[d]!) <= 0) continue;
    const type = profileType(series.dates[d]!, overrides);
    const list = byType.get(type) ?? [];
    if (list.length < PROFILE_DAYS) byType.set(type, [...list, d]);
  }
  const pooled = (types: readonly ProfileType[]): number[] | null => {
    const days = types.flatMap((t) => byType.get(t) ?? []);
    const all = sum(days.map((d) => sum(series.calls[d]!)));
    if (all <= 0) return null;
    const shape = Array(series.slotsPerDay).fill(0) as number[];
    for (const d of days) for (const [s, v] of series.calls[d]!.entries()) shape[s]! += v / all;
    return shape;
  };
  const ordinary: ProfileType[] = [0, 1, 2, 3, 4, 5, 6];
  const flat = Array(series.slotsPerDay).fill(1 / series.slotsPerDay) as number[];
  return (type) => {
    const chain: ProfileType[][] =
      type === 'holiday'
        ? [['holiday'], [0, 6], ordinary]
        : type === 'makeup'
          ? [['makeup'], [1, 2, 3, 4, 5], ordinary]
          : [[type], ordinary];
    for (const types of chain) {
      const shape = pooled(types);
      if (shape) return shape;
    }
    return flat;
  };
}

/**
 * Calendar regression: daily calls from weekday, Chinese public holiday, make-up workday (调休上班), the working
 * days just before and after a holiday, month start and end and a weekly trend (log-linear OLS, see
 * fitDailyRegression and calendarFeatures); each day spread over its intervals by its day type's intraday profile.
 * It is the only model that sees the calendar of the horizon.
 */
export const calendarRegression: Model = (series, dates, overrides) => {
  const first = series.dates[0]!;
  const fit = fitDailyRegression(
    series.calls.map(sum),
    series.dates.map((d) => calendarFeatures(d, dayDiff(first, d) / 7, overrides)),
  );
  const profileOf = intradayProfiles(series, overrides);
  return dates.map((date) => {
    const total = fit.predict(calendarFeatures(date, dayDiff(first, date) / 7, overrides));
    return profileOf(profileType(date, overrides)).map((w) => w * total);
  });
};
