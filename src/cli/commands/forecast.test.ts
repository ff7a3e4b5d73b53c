import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, expect, test } from 'vitest';
import { syntheticHistory } from '../../domain/forecast/synthetic.ts';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'zuoxi-fc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = (rows: string[]) => {
  const f = join(dir, `${Math.random()}.csv`);
  writeFileSync(f, `timestamp,offered,aht_seconds\n${rows.join('\n')}\n`);
  return f;
};

test('forecast --json covers every interval after the history, with the model and its backtest', async () => {
  const rows = syntheticHistory('2025-11-03', 28, 800, 30).map(
    (p) =>
      `${DateTime.fromMillis(p.intervalStart, { zone: 'Asia/Shanghai' }).toISO({ suppressMilliseconds: true })},${p.offered},${p.ahtSeconds?.toFixed(1)}`,
  );
  const r = await runCli(['forecast', '--history', csv(rows), '--interval-minutes', '30', '--horizon-days', '14', '--json']);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.out);
  expect(out.intervals).toHaveLength(14 * 48);
  expect(out.intervals[0].intervalStart).toBe('2025-12-01T00:00:00+08:00');
  expect(out.backtest.map((b: { model: string }) => b.model)).toEqual(['naive', 'profile', 'holt-winters', 'regression']);
  const bt = await runCli(['forecast', '--history', csv(rows), '--backtest', '--json']);
  expect(JSON.parse(bt.out)).toHaveLength(4);
});

test('bad rows name their line', async () => {
  const bad = await runCli(['forecast', '--history', csv(['2025-11-03T00:00:00+08:00,5,', 'yesterday,3,']), '--json']);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/\.csv:3: timestamp/);
  const neg = await runCli(['forecast', '--history', csv(['2025-11-03T00:00:00+08:00,-5,']), '--json']);
  expect(neg.err).toMatch(/:2: offered/);
  const dup = await runCli([
    'forecast',
    '--history',
    csv(['2025-11-03T00:00:00+08:00,5,', '2025-11-03T00:00:00+08:00,6,']),
    '--json',
  ]);
  expect(dup.err).toMatch(/:3: .*twice/);
});

test('a duplicated interval after a blank line still names its own line; the backtest table as text', async () => {
  const dup = await runCli([
    'forecast',
    '--history',
    csv(['2025-11-03T00:00:00+08:00,5,', '', '2025-11-03T00:30:00+08:00,5,', '2025-11-03T00:00:00+08:00,6,']),
    '--json',
  ]);
  expect(dup.code).toBe(2);
  expect(dup.err).toMatch(/\.csv:5: .*twice/);
  const rows = syntheticHistory('2025-11-03', 21, 800, 60).map((p) => `${new Date(p.intervalStart).toISOString()},${p.offered},`);
  const bt = await runCli(['forecast', '--history', csv(rows), '--interval-minutes', '60', '--backtest']);
  expect(bt.code).toBe(0);
  expect(bt.out).toMatch(/^model +interval WAPE +daily WAPE/);
  expect(bt.out.match(/← chosen/g)).toHaveLength(1);
  const dst = await runCli([
    'forecast',
    '--history',
    csv(rows),
    '--interval-minutes',
    '60',
    '--time-zone',
    'Europe/Berlin',
    '--horizon-days',
    '3',
  ]);
  expect(dst.code).toBe(0); // November in Berlin has no clock change …
  const spring = ['2025-03-29T00:00:00+01:00,1,', '2025-03-31T00:00:00+02:00,1,'];
  const bad = await runCli(['forecast', '--history', csv(spring), '--time-zone', 'Europe/Berlin']);
  expect(bad.err).toMatch(/daylight saving/); // … but a history over 2025-03-30 is refused
});

test('a history of 15 days falls back to the weekday profile and says so', async () => {
  const rows = syntheticHistory('2025-11-03', 15, 800, 60).map((p) => `${new Date(p.intervalStart).toISOString()},${p.offered},`);
  const r = await runCli(['forecast', '--history', csv(rows), '--interval-minutes', '60', '--horizon-days', '1', '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).model).toBe('profile');
  expect(r.err).toMatch(/too short for a backtest/);
});
