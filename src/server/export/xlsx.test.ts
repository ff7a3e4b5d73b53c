import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { toXlsx } from './xlsx.ts';

test('xlsx keeps numbers numeric and neutralises formula-looking text', async () => {
  const buf = await toXlsx(
    '报表',
    [
      { key: 'queue', header: '技能组' },
      { key: 'sl', header: '服务水平', numFmt: '0.0%' },
    ],
    [
      { queue: '=HYPERLINK("x")', sl: 0.875 },
      { queue: '政策咨询', sl: null },
    ],
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('报表');
  expect(ws?.getRow(1).values).toEqual([undefined, '技能组', '服务水平']);
  expect(ws?.getCell('A2').value).toBe('\'=HYPERLINK("x")');
  expect(ws?.getCell('B2').value).toBe(0.875);
  expect(ws?.getCell('B2').numFmt).toBe('0.0%');
  expect(ws?.getCell('B3').value).toBeNull();
});
