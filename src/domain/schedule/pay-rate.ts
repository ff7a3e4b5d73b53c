import { addDays } from '../calendar/civil-date.ts';
import { dayInfo } from '../calendar/day-kind.ts';

/** Lunar month and day of a Gregorian date (Intl's Chinese calendar; a leap month reads as its base month). */
function lunar(date: string): { month: number; day: number } {
  const parts = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${date}T12:00:00Z`));
  const num = (t: string) => Number((parts.find((p) => p.type === t)?.value ?? '').replace(/\D/g, ''));
  return { month: num('month'), day: num('day') };
}

/**
 * The 清明 solar term in April of a 21st-century year: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the year mod 100
 * (the usual approximation of the solar-term tables; right for 2001–2099).
 * @example qingmingDay(2026) // 5 (2026-04-05); qingmingDay(2025) // 4
 */
export function qingmingDay(year: number): number {
  const y = year % 100;
  return Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
}

/**
 * Whether a date is a statutory holiday (法定节假日) — the days the State Council's 全国年节及纪念日放假办法 names,
 * paid 300 % when worked (Labour Law art. 44(3)) — as opposed to the other days of a holiday block, which are
 * rest days moved by 调休 (paid 200 %, art. 44(2)). Versions: 2008 (春节 除夕–初二, 劳动节 1 day, 清明/端午/中秋
 * added), 2014 (春节 初一–初三), 2025 (春节 除夕–初三, 劳动节 2 days); before 2008 劳动节 May 1–3 and no 清明/端午/中秋.
 * @example isStatutoryHoliday('2026-10-03') // true; isStatutoryHoliday('2026-10-04') // false (调休 rest day)
 */
export function isStatutoryHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (md === '01-01') return true;
  if (md === '10-01' || md === '10-02' || md === '10-03') return true;
  if (md === '05-01') return true;
  if (md === '05-02') return year >= 2025 || year < 2008;
  if (md === '05-03') return year < 2008;
  const l = lunar(date);
  const isEve = lunar(addDays(date, 1)).month === 1 && lunar(addDays(date, 1)).day === 1;
  if (isEve) return (year >= 2008 && year < 2014) || year >= 2025;
  if (l.month === 1 && l.day >= 1 && l.day <= 3) {
    if (l.day === 3) return year < 2008 || year >= 2014;
    return true;
  }
  if (year < 2008) return false;
  if (md === `04-0${qingmingDay(year)}`) return true;
  if (l.month === 5 && l.day === 5) return true;
  return l.month === 8 && l.day === 15;
}

/**
 * Pay rate of a day worked: 3 on a statutory holiday (300 %), 2 on any other rest day — a weekend or a 调休 rest
 * day of a holiday block (200 %), 1 on a working day, including a 调休 make-up workday (调休上班).
 * @example payRate('2026-10-01') // 3; payRate('2026-10-05') // 2; payRate('2026-10-10') // 1 (make-up Saturday)
 */
export function payRate(date: string): number {
  const kind = dayInfo(date).kind;
  if (kind === 'workday' || kind === 'makeup_workday') return 1;
  return isStatutoryHoliday(date) ? 3 : 2;
}

/** A rest day (休息日) by the calendar: weekend or holiday, not a make-up workday. */
export function isRestDay(date: string): boolean {
  const kind = dayInfo(date).kind;
  return kind === 'weekend' || kind === 'public_holiday';
}
