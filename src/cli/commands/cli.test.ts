import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'zuoxi-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args);

test('db migrate, seed demo, users create and report intervals work on a new SQLite file', async () => {
  const db = join(dir, 'cli.db');
  expect((await run('db', 'migrate', '--db', db, '--json')).code).toBe(0);
  const seeded = await run('seed', 'demo', '--weeks', '1', '--db', db, '--json');
  expect(seeded.code).toBe(0);
  expect(JSON.parse(seeded.out).contacts).toBeGreaterThan(10_000);
  expect((await run('seed', 'demo', '--db', db)).code).toBe(2); // not into a database that has a center
  const user = await run(
    'users',
    'create',
    '--username',
    'lihua',
    '--roles',
    'planner,qa',
    '--password',
    'long-enough-1',
    '--db',
    db,
    '--json',
  );
  expect(JSON.parse(user.out)).toMatchObject({ username: 'lihua', roles: ['planner', 'qa'] });
  const badRole = await run('users', 'create', '--username', 'x', '--roles', 'boss', '--password', 'long-enough-1', '--db', db);
  expect(badRole.code).toBe(2);
  expect(badRole.err).toContain('--roles');
  const today = new Date();
  const from = new Date(today.getTime() - 8 * 86_400_000).toISOString().slice(0, 10);
  const to = today.toISOString().slice(0, 10);
  const rep = await run('report', 'intervals', '--from', from, '--to', to, '--interval', 'week', '--db', db);
  expect(rep.code).toBe(0);
  const rows = JSON.parse(rep.out);
  expect(rows.map((r: { queue: string }) => r.queue)).toEqual(expect.arrayContaining(['政策咨询', '投诉举报', '企业专席']));
  expect((await run('report', 'intervals', '--from', 'x', '--to', to, '--db', db)).code).toBe(2);
});

test('--help works for every command and an unknown command is an error', async () => {
  for (const cmd of [
    ['serve'],
    ['db', 'migrate'],
    ['seed', 'demo'],
    ['users', 'create'],
    ['import', 'queue-log'],
    ['report', 'intervals'],
  ]) {
    const r = await run(...cmd, '--help');
    expect(r.code, cmd.join(' ')).toBe(0);
    expect(r.out).toContain('Usage:');
  }
  expect((await run('nonsense')).code).toBe(2);
});
