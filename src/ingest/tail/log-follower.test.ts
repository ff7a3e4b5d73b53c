import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { LogFollower } from './log-follower.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zuoxi-follow-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('reads whole lines only and resumes from a saved cursor', async () => {
  const p = join(dir, 'queue_log');
  writeFileSync(p, 'a\nb\npart');
  const f = await LogFollower.open(p, null);
  const first = await f.read();
  expect(first.lines).toEqual([
    { text: 'a', lineNo: 1 },
    { text: 'b', lineNo: 2 },
  ]);
  expect(first.cursor.offset).toBe(4);
  appendFileSync(p, 'ial\r\nc\n');
  const second = await f.read();
  expect(second.lines).toEqual([
    { text: 'partial', lineNo: 3 },
    { text: 'c', lineNo: 4 },
  ]);
  await f.close();
  // A restart resumes after line 4.
  appendFileSync(p, 'd\n');
  const again = await LogFollower.open(p, second.cursor);
  expect((await again.read()).lines).toEqual([{ text: 'd', lineNo: 5 }]);
  await again.close();
});

test('survives rotation: finishes the old file, then reads the new one from its start', async () => {
  const p = join(dir, 'queue_log');
  writeFileSync(p, 'old1\n');
  const f = await LogFollower.open(p, null);
  expect((await f.read()).lines.map((l) => l.text)).toEqual(['old1']);
  appendFileSync(p, 'old2\n');
  renameSync(p, join(dir, 'queue_log.1'));
  writeFileSync(p, 'new1\n');
  expect(await f.rotated()).toBe(true);
  expect((await f.read()).lines.map((l) => l.text)).toEqual(['old2']);
  await f.reopen();
  expect((await f.read()).lines).toEqual([{ text: 'new1', lineNo: 1 }]);
  await f.close();
});

test('a saved cursor of a rotated-away file starts the new file at 0', async () => {
  const p = join(dir, 'queue_log');
  writeFileSync(p, 'x\n');
  const f = await LogFollower.open(p, { inode: -1, offset: 999, lineNo: 10 });
  expect((await f.read()).lines).toEqual([{ text: 'x', lineNo: 1 }]);
  await f.close();
});
