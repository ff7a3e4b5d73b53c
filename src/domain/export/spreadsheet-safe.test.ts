import fc from 'fast-check';
import { expect, test } from 'vitest';
import { neutraliseCell, toCsv } from './spreadsheet-safe.ts';

test('formula-looking text is neutralised, other text and numbers are not', () => {
  for (const s of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
  expect(neutraliseCell('张三')).toBe('张三');
  expect(neutraliseCell('a=b')).toBe('a=b');
  expect(neutraliseCell('')).toBe('');
});

test('CSV has a BOM, CRLF lines, RFC 4180 quoting, and keeps negative numbers numeric', () => {
  const csv = toCsv(
    ['名称', 'n'],
    [
      ['a,"b"', -3],
      ['=cmd|x', null],
    ],
  );
  expect(csv).toBe('\uFEFF名称,n\r\n"a,""b""",-3\r\n\'=cmd|x,\r\n');
});

test('other values: non-finite numbers empty, dates ISO, objects JSON, headers neutralised too', () => {
  const csv = toCsv(['=h'], [[Number.NaN], [new Date(Date.UTC(2026, 0, 1))], [{ a: 1 }], [true], [10n]]);
  expect(csv).toBe('\uFEFF\'=h\r\n\r\n2026-01-01T00:00:00.000Z\r\n"{""a"":1}"\r\ntrue\r\n10\r\n');
});

/** An independent RFC 4180 reader (a character state machine), to check what toCsv writes reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

test('whatever the text, the CSV reads back to the neutralised cells, row for row', () => {
  const cell = fc.oneof(fc.string(), fc.constantFrom('=A1', '"', ',', '\r\n', '\n', '李四', '-1'), fc.integer());
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
      const csv = toCsv(['a', 'b'], rows);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const back = parseCsv(csv.slice(1));
      expect(back).toEqual([
        ['a', 'b'],
        ...rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : neutraliseCell(v)))),
      ]);
    }),
  );
});
