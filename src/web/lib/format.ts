import { DateTime } from 'luxon';

/** App languages; i18next's language codes. */
export type Lang = 'zh-CN' | 'en';

/**
 * A count or measure with grouping separators and a fixed number of decimals, in the UI language.
 * @example formatNumber(12345.678, 'zh-CN', 1) // '12,345.7'
 */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A share in [0, 1] shown as a percentage (0.8 → 80.0%). Null (0/0) shows as a dash, not 0%.
 * @example formatPercent(0.8123, 'en', 1) // '81.2%'
 */
export function formatPercent(ratio: number | null | undefined, lang: Lang, digits = 1): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    ratio,
  );
}

/**
 * An instant (ISO 8601 or epoch ms) as `yyyy-MM-dd HH:mm:ss` on the center's clock, whatever the browser's zone.
 * @example formatInstant('2026-01-01T00:00:00Z', 'Asia/Shanghai') // '2026-01-01 08:00:00'
 */
export function formatInstant(at: string | number | null | undefined, timeZone: string): string {
  if (at == null || at === '') return '—';
  const dt = typeof at === 'number' ? DateTime.fromMillis(at, { zone: timeZone }) : DateTime.fromISO(at, { zone: timeZone });
  return dt.isValid ? dt.toFormat('yyyy-MM-dd HH:mm:ss') : String(at);
}

/**
 * Local dates (inclusive, on the center's calendar) → the half-open instant range [from, to) the API
 * filters on. A day in Asia/Shanghai starts at 16:00 UTC the day before.
 * @example dayRangeToInstants('2026-01-01', '2026-01-01', 'Asia/Shanghai')
 *   // { from: '2025-12-31T16:00:00.000Z', to: '2026-01-01T16:00:00.000Z' }
 */
export function dayRangeToInstants(fromDate: string, toDate: string, timeZone: string): { from?: string; to?: string } {
  const day = (d: string) => DateTime.fromISO(d, { zone: timeZone }).startOf('day');
  const out: { from?: string; to?: string } = {};
  if (fromDate && day(fromDate).isValid) out.from = day(fromDate).toUTC().toISO() ?? undefined;
  if (toDate && day(toDate).isValid) out.to = day(toDate).plus({ days: 1 }).toUTC().toISO() ?? undefined;
  return out;
}
