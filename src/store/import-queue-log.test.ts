import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rollUpCells } from '../domain/metrics/intervals.ts';
import { generateQueueLog } from '../ingest/queue-log/generate.ts';
import { importQueueLog } from './import-queue-log.ts';
import { loadCells } from './interval-cells.ts';
import { createTestDatabase, TEST_DIALECTS } from './testing.ts';

describe.each(TEST_DIALECTS)('queue_log import on %s', (dialect) => {
  test('a log imported in two pieces, then again, stores every call once and its cells add up', async () => {
    const lines: string[] = [];
    const truth = generateQueueLog({ seed: 7, lines: 4000, agents: 12, peakCallsPerHour: 40 }, (l) => lines.push(l));
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-import-'));
    const file = join(dir, 'queue_log');
    const h = await createTestDatabase(dialect);
    try {
      await h.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      const half = Math.floor(lines.length / 2);
      writeFileSync(file, `${lines.slice(0, half).join('\n')}\n`);
      const first = await importQueueLog(h.db, file);
      appendFileSync(file, `${lines.slice(half).join('\n')}\n`);
      const second = await importQueueLog(h.db, file);
      expect(first.lines + second.lines).toBe(lines.length);
      expect(second.errors).toEqual([]);

      const stored = await h.db.selectFrom('contact').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      // Calls whose end was not yet written when the log stopped are still open: the generator finishes them all.
      expect(Number(stored.n)).toBe(truth.calls);

      // Importing the whole file again from scratch (a lost cursor) adds nothing.
      await h.db.deleteFrom('import_cursor').execute();
      const again = await importQueueLog(h.db, file);
      expect(again.contacts).toBe(0);

      const rows = rollUpCells(await loadCells(h.db, 0, Number.MAX_SAFE_INTEGER), { interval: 'month', timeZone: 'Asia/Shanghai', by: 'queue' });
      const offered = rows.reduce((s, r) => s + r.offered, 0);
      const answered = rows.reduce((s, r) => s + r.answered, 0);
      expect(offered).toBe(truth.calls);
      expect(answered).toBe(truth.outcomes.answered);
      expect(rows.reduce((s, r) => s + r.answered + r.abandoned + r.otherExits + r.unknownEnd, 0)).toBe(offered);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
