import { toCsv } from '../../domain/export/spreadsheet-safe.ts';
import type { Column } from '../components/column.ts';

/**
 * The CSV of a table as shown: the exportable columns in order, the rows in their current (sorted) order,
 * raw values rather than formatted text so numbers stay numbers in Excel. Arrays join with "; ", booleans
 * become the given yes/no words.
 */
export function tableCsv<T>(columns: readonly Column<T>[], rows: readonly T[], yesNo: [string, string] = ['yes', 'no']): string {
  const cols = columns.filter((c) => c.exportable !== false);
  const cell = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(String).join('; ');
    if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
    return v;
  };
  return toCsv(
    cols.map((c) => c.header),
    rows.map((r) => cols.map((c) => cell(c.value(r)))),
  );
}

/** `agents-2026-11-24.csv`: a name plus the date, so several exports do not overwrite each other. */
export function exportFileName(name: string, isoDate: string): string {
  return `${name}-${isoDate}.csv`;
}
