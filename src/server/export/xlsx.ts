import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../domain/export/spreadsheet-safe.ts';

export interface SheetColumn {
  key: string;
  header: string;
  /** Excel number format, e.g. '0.0%' for ratios, '0.0' for seconds. */
  numFmt?: string;
  width?: number;
}

/**
 * Builds an .xlsx workbook of one sheet. Numbers stay numbers (so managers can compute with them);
 * text that Excel would read as a formula (= + - @ …) is neutralised.
 */
export async function toXlsx(sheetName: string, columns: SheetColumn[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zuoxi';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const values: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[c.key];
      values[c.key] = typeof v === 'number' || v == null ? (Number.isFinite(v as number) ? v : null) : neutraliseCell(String(v));
    }
    ws.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
