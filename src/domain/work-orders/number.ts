import { DateTime } from 'luxon';
import { localDayNumber, localIsoDate } from '../calendar/zone-offset.ts';

/**
 * Work-order numbers YYYYMMDD-NNNNNN: the registration date in the center's time zone and the day's
 * sequence (from 1, kept by the store in the same transaction as the insert).
 * @example orderNumber('2026-11-24', 123) === '20261124-000123'
 */
export function orderNumber(localDate: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate) || !DateTime.fromISO(localDate).isValid)
    throw new RangeError(`not a date YYYY-MM-DD: ${localDate}`);
  return numberOf(localDate, sequence);
}

function numberOf(localDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError(`sequence must be 1–999999, got ${sequence}`);
  return `${localDate.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
}

/** The center's date of an instant, the day the sequence counts in. */
export function numberingDay(atMs: number, timeZone: string): string {
  if (Number.isNaN(localDayNumber(atMs, timeZone))) throw new RangeError(`unknown time zone "${timeZone}"`);
  return localIsoDate(atMs, timeZone);
}

/** The number of an order registered at `atMs`. @example 2026-11-23T16:30Z in Asia/Shanghai is Nov 24 → '20261124-…' */
export function orderNumberAt(atMs: number, timeZone: string, sequence: number): string {
  return numberOf(numberingDay(atMs, timeZone), sequence);
}

/** Splits a number back into its date and sequence; null when it is not one. */
export function parseOrderNumber(text: string): { date: string; sequence: number } | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{6})$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const sequence = Number(m[4]);
  return DateTime.fromISO(date).isValid && sequence >= 1 ? { date, sequence } : null;
}
