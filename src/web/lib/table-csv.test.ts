import { expect, test } from 'vitest';
import type { Column } from '../components/column.ts';
import { exportFileName, tableCsv } from './table-csv.ts';

interface Row {
  name: string;
  seats: number;
  skills: string[];
  open: boolean;
}
const columns: Column<Row>[] = [
  { key: 'name', header: '名称', value: (r) => r.name },
  { key: 'seats', header: '座席数', value: (r) => r.seats, numeric: true, render: (r) => `${r.seats} 个` },
  { key: 'skills', header: '技能', value: (r) => r.skills },
  { key: 'open', header: '开放', value: (r) => r.open },
  { key: 'edit', header: '操作', value: () => 'x', exportable: false },
];

test('exports raw values of exportable columns in the given order, neutralising formulas', () => {
  const csv = tableCsv(
    columns,
    [
      { name: '=HYPERLINK("x")', seats: 1200, skills: ['政策咨询:4', '投诉举报:3'], open: true },
      { name: '二号', seats: -1, skills: [], open: false },
    ],
    ['是', '否'],
  );
  expect(csv).toBe(
    '\uFEFF名称,座席数,技能,开放\r\n' + '"\'=HYPERLINK(""x"")",1200,政策咨询:4; 投诉举报:3,是\r\n' + '二号,-1,,否\r\n',
  );
});

test('file names carry the date', () => {
  expect(exportFileName('agents', '2026-11-24')).toBe('agents-2026-11-24.csv');
});
