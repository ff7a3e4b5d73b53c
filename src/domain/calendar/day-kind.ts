import chineseDays from 'chinese-days';

/**
 * What kind of day a calendar date is in mainland China:
 * - `workday`: Monday–Friday, no holiday;
 * - `weekend`: Saturday or Sunday, no make-up work;
 * - `public_holiday`: a day off of a public holiday (法定节假日, including the days moved into it);
 * - `makeup_workday`: a weekend day worked in exchange for holiday days (调休上班).
 */
export type DayKind = 'workday' | 'weekend' | 'public_holiday' | 'makeup_workday';

/** A center's own entry for a date: years the package does not cover yet, or local events. */
export interface DayOverride {
  date: string;
  kind: DayKind;
  name?: string;
}

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** Holiday name (e.g. 国庆节) for holidays and make-up days. */
  name: string | null;
  /** Where the answer came from; `weekday-rule` means no holiday data covers this date. */
  source: 'override' | 'chinese-days' | 'weekday-rule';
}

/** Years for which `chinese-days` ships the State Council's holiday arrangements. */
export const CHINESE_DAYS_FIRST_YEAR = 2004;
export const CHINESE_DAYS_LAST_YEAR = 2026;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of week of a `YYYY-MM-DD` date, 0 = Sunday … 6 = Saturday (calendar arithmetic, no time zone). */
export function dayOfWeek(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/**
 * Classifies a date; overrides win, then `chinese-days` for the years it covers, then the plain weekday rule.
 * @example dayInfo('2025-10-01').kind === 'public_holiday'; dayInfo('2025-09-28').kind === 'makeup_workday'
 */
export function dayInfo(date: string, overrides?: ReadonlyMap<string, DayOverride>): DayInfo {
  const dow = dayOfWeek(date);
  const weekend = dow === 0 || dow === 6;
  const override = overrides?.get(date);
  if (override) return { date, kind: override.kind, name: override.name ?? null, source: 'override' };
  const year = Number(date.slice(0, 4));
  if (year >= CHINESE_DAYS_FIRST_YEAR && year <= CHINESE_DAYS_LAST_YEAR) {
    const detail = chineseDays.getDayDetail(date);
    // chinese-days names ordinary days by their weekday ("Friday"); holiday days carry "English,中文,n".
    const holidayName = detail.name.includes(',') ? (detail.name.split(',')[1] ?? null) : null;
    if (detail.work && weekend) return { date, kind: 'makeup_workday', name: holidayName, source: 'chinese-days' };
    if (!detail.work && holidayName) return { date, kind: 'public_holiday', name: holidayName, source: 'chinese-days' };
    return { date, kind: weekend ? 'weekend' : 'workday', name: null, source: 'chinese-days' };
  }
  return { date, kind: weekend ? 'weekend' : 'workday', name: null, source: 'weekday-rule' };
}

/** True when people work that day (a weekday that is no holiday, or a make-up workday). */
export function isWorkingDay(date: string, overrides?: ReadonlyMap<string, DayOverride>): boolean {
  const { kind } = dayInfo(date, overrides);
  return kind === 'workday' || kind === 'makeup_workday';
}
