/**
 * Spreadsheet-safe export (CSV and Excel). A cell whose text starts with = + - @ (or a tab or carriage
 * return) is read by Excel and LibreOffice as a formula — "CSV injection" (OWASP, CSV Injection). Such
 * text gets a leading single quote, which spreadsheets show as text. Numbers are left alone so they stay
 * numbers (a negative number is a number, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text with a leading `'` when a spreadsheet would start a formula with its first character.
 * @example neutraliseCell('=1+1')   // "'=1+1"
 * @example neutraliseCell('+86 138') // "'+86 138" (phone numbers too: Excel would compute them)
 * @example neutraliseCell('a=b')    // 'a=b'
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A value as cell text: finite numbers as numbers, dates as ISO 8601, objects as JSON, absent as empty. */
function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') return neutraliseCell(JSON.stringify(value));
  return neutraliseCell(String(value));
}

function csvField(value: unknown): string {
  const text = cellText(value);
  // RFC 4180 §2.6–2.7: quote a field holding a comma, quote or line break; double the quotes inside.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV (RFC 4180, CRLF line ends, a final CRLF) with a UTF-8 byte-order mark so Excel opens Chinese text
 * correctly. Header and cells are neutralised; numbers are written as numbers.
 * @example toCsv(['名称', 'n'], [['a,"b"', -3], ['=cmd|x', null]])
 *   // '\uFEFF名称,n\r\n"a,""b""",-3\r\n\'=cmd|x,\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
