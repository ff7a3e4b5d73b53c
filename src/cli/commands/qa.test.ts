import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { runCli } from '../testing.ts';

const run = (...args: string[]) => runCli(args);

const dir = mkdtempSync(join(tmpdir(), 'zuoxi-qa-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs the CLI, returning exit code, stdout and stderr. */
afterEach(() => vi.restoreAllMocks());

// Krippendorff (2011) section C, as coder rows; '' = missing.
const TABLE: Record<string, string[]> = {
  A: ['1', '2', '3', '3', '2', '1', '4', '1', '2', '', '', ''],
  B: ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', '', '3'],
  C: ['', '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', ''],
  D: ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', ''],
};
const alphaCsv = file(
  'alpha.csv',
  `unit,coder,value\n${Object.entries(TABLE)
    .flatMap(([coder, vs]) => vs.map((v, u) => `${u + 1},${coder},${v}`))
    .join('\n')}\n`,
);

describe('zuoxi qa alpha', () => {
  test.each([
    ['nominal', 0.743421],
    ['ordinal', 0.815388],
    ['interval', 0.849107],
    ['ratio', 0.797403],
  ])('--level %s reproduces Krippendorff (2011): %f', async (level, published) => {
    const r = await run('qa', 'alpha', '--level', level, alphaCsv, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['alpha', 'units', 'coders', 'pairable']);
    expect(json.alpha).toBeCloseTo(published, 6);
    expect(json).toMatchObject({ units: 12, coders: 4, pairable: 40 });
  });
  test('nominal labels are coded; the result equals the numeric coding', async () => {
    const names = ['', '合格', '不合格', '待定', '严重', '轻微'];
    const labelled = file(
      'labels.csv',
      `unit,coder,value\n${Object.entries(TABLE)
        .flatMap(([c, vs]) => vs.map((v, u) => `${u + 1},${c},${v === '' ? '' : names[Number(v)]}`))
        .join('\n')}\n`,
    );
    const r = await run('qa', 'alpha', '--level', 'nominal', labelled, '--json');
    expect(JSON.parse(r.out).alpha).toBeCloseTo(0.743421, 6);
  });
  test('human output names α, n and the counts', async () => {
    const r = await run('qa', 'alpha', '--level', 'interval', alphaCsv);
    expect(r.out).toContain('= 0.8491');
    expect(r.out).toContain('pairable values n = 40');
  });
  test('bad input names the file and line', async () => {
    const dup = file('dup.csv', 'unit,coder,value\n1,a,1\n1,b,2\n1,a,3\n');
    expect(await run('qa', 'alpha', '--level', 'nominal', dup)).toMatchObject({
      code: 2,
      err: expect.stringContaining('dup.csv:4: unit 1, coder a already given on line 2'),
    });
    const text = file('text.csv', 'unit,coder,value\n1,a,1\n1,b,good\n');
    expect(await run('qa', 'alpha', '--level', 'interval', text)).toMatchObject({
      code: 2,
      err: expect.stringContaining('text.csv:3: value: expected a number'),
    });
    const header = file('header.csv', 'unit,rater,value\n1,a,1\n');
    expect((await run('qa', 'alpha', '--level', 'interval', header)).err).toContain(
      'header.csv:1: header must contain unit,coder,value; missing coder',
    );
    expect((await run('qa', 'alpha', '--level', 'fuzzy', alphaCsv)).err).toContain('--level: expected one of');
    expect((await run('qa', 'alpha', '--level', 'nominal', join(dir, 'nope.csv'))).code).toBe(2);
  });
});

const ORANGE_JUICE = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];
const VISCOSITY = [33.75, 33.05, 34.0, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.2, 33.62, 33.0, 33.54, 33.12, 33.84];

describe('zuoxi qa chart', () => {
  test('--type p on Montgomery’s orange juice data', async () => {
    const csv = file('oj.csv', `defects,size\n${ORANGE_JUICE.map((d) => `${d},50`).join('\n')}\n`);
    const r = await run('qa', 'chart', '--type', 'p', csv, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['center', 'lcl', 'ucl', 'points', 'signals']);
    expect(json.center).toBeCloseTo(0.231333, 6);
    expect(json.lcl).toBeCloseTo(0.052428, 5);
    expect(json.ucl).toBeCloseTo(0.410239, 6);
    expect(json.points).toHaveLength(30);
    expect(json.points[14]).toEqual({ value: 22 / 50, lcl: json.lcl, ucl: json.ucl });
    // Samples 15 and 23 (0-based 14 and 22) break rule 1.
    expect(json.signals.filter((s: { rule: number }) => s.rule === 1)).toEqual([
      { index: 14, rule: 1 },
      { index: 22, rule: 1 },
    ]);
  });
  test('--type xmr on the viscosity data', async () => {
    const csv = file('visc.csv', `value\n${VISCOSITY.join('\n')}\n`);
    const json = JSON.parse((await run('qa', 'chart', '--type', 'xmr', csv, '--json')).out);
    expect(json.center).toBeCloseTo(33.523333, 6);
    expect(json.lcl).toBeCloseTo(32.24484, 5);
    expect(json.ucl).toBeCloseTo(34.80183, 5);
    expect(json.signals).toEqual([]);
  });
  test('--type c and u; --run-length sets rule 4', async () => {
    // c̄ = 4 over ten points; the first six lie below 4 and the last four above.
    const counts = [3, 2, 3, 3, 2, 3, 5, 6, 5, 8];
    const c = file('c.csv', `count\n${counts.join('\n')}\n`);
    const json = JSON.parse((await run('qa', 'chart', '--type', 'c', c, '--json', '--run-length', '6')).out);
    expect(json).toMatchObject({ center: 4, lcl: 0, ucl: 10 });
    expect(json.signals).toEqual([{ index: 5, rule: 4 }]);
    const u = file('u.csv', 'defects,size\n2,1\n3,2\n10,2\n');
    const uj = JSON.parse((await run('qa', 'chart', '--type', 'u', u, '--json')).out);
    expect(uj.center).toBe(3);
    expect(uj.points[1].ucl).toBeCloseTo(3 + 3 * Math.sqrt(1.5), 12);
  });
  test('bad rows name the line and field', async () => {
    const p = file('badp.csv', 'defects,size\n1,10\n12,10\n');
    expect((await run('qa', 'chart', '--type', 'p', p)).err).toContain('badp.csv:3: defects: 12 exceeds size 10');
    const x = file('badx.csv', 'value\n1\n\n2\nabc\n');
    expect(await run('qa', 'chart', '--type', 'xmr', x)).toMatchObject({
      code: 2,
      err: expect.stringContaining('badx.csv:5: value: expected a number'),
    });
    expect((await run('qa', 'chart', '--type', 'q', x)).err).toContain('--type: expected one of xmr, p, u, c');
  });
});
