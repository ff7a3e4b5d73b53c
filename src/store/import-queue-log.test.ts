import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AgentStateSpan, Contact } from '../domain/contacts/contact.ts';
import type { IntervalCell } from '../domain/metrics/interval-cube.ts';
import { rollUpCells } from '../domain/metrics/intervals.ts';
import { generateQueueLog } from '../ingest/queue-log/generate.ts';
import { createQueueLogParser, queueLogContact } from '../ingest/queue-log/parser.ts';
import type { QueueLogParserState } from '../ingest/queue-log/parser-state.ts';
import { agentStateSpansBetween } from './contacts.ts';
import { type DatabaseHandle, sqliteConnectionOf } from './database.ts';
import { storeContactBatch } from './import-contacts.ts';
import { importQueueLog } from './import-queue-log.ts';
import { loadCells, loadQueueCells, loadReportContext, rebuildCells } from './interval-cells.ts';
import { createTestDatabase, TEST_DIALECTS } from './testing.ts';

/** Every stored contact, span row and cell, in key order. */
async function storedRows(h: DatabaseHandle) {
  return {
    contacts: await h.db.selectFrom('contact').selectAll().orderBy('key').execute(),
    spans: await h.db.selectFrom('agent_state_span').selectAll().orderBy('key').execute(),
    cells: await h.db.selectFrom('interval_cell').selectAll().orderBy(['start_at', 'queue', 'agent']).execute(),
  };
}

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

      const stored = await h.db
        .selectFrom('contact')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      // A call with no end yet (the generator loses a few ends on purpose) waits in the cursor's state for the
      // next piece — or is closed as `unknown` 12 hours later — so stored + still open = every call.
      const cursor = await h.db.selectFrom('import_cursor').select('state_json').executeTakeFirstOrThrow();
      const stillOpen = (JSON.parse(cursor.state_json) as QueueLogParserState).open.length;
      expect(stillOpen).toBeLessThanOrEqual(truth.outcomes.unknown);
      expect(Number(stored.n) + stillOpen).toBe(truth.calls);

      // Importing the whole file again from scratch (a lost cursor) adds nothing.
      await h.db.deleteFrom('import_cursor').execute();
      const again = await importQueueLog(h.db, file);
      expect(again.contacts).toBe(0);

      // The cells added chunk by chunk equal the cells counted afresh from the stored contacts.
      const sorted = (cells: IntervalCell[]) => cells.map((c) => JSON.stringify(c)).sort();
      const incremental = sorted(await loadCells(h.db, 0, Number.MAX_SAFE_INTEGER));
      await rebuildCells(h.db, 0, Number.MAX_SAFE_INTEGER, await loadReportContext(h.db));
      expect(incremental).toEqual(sorted(await loadCells(h.db, 0, Number.MAX_SAFE_INTEGER)));

      const rows = rollUpCells(await loadCells(h.db, 0, Number.MAX_SAFE_INTEGER), {
        interval: 'month',
        timeZone: 'Asia/Shanghai',
        by: 'queue',
      });
      const offered = rows.reduce((s, r) => s + r.offered, 0);
      const answered = rows.reduce((s, r) => s + r.answered, 0);
      expect(offered).toBe(Number(stored.n));
      expect(answered).toBe(truth.outcomes.answered);
      expect(rows.reduce((s, r) => s + r.answered + r.abandoned + r.otherExits + r.unknownEnd, 0)).toBe(offered);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a call stored without an end is recounted, not added again, when its end arrives; queue cells sum the agents', async () => {
    const h = await createTestDatabase(dialect);
    try {
      const t = Date.UTC(2026, 0, 5, 1, 7);
      const open = queueLogContact('1.1', 'sales', t, null);
      const done: Contact = {
        ...open,
        outcome: 'answered',
        waitSeconds: 12,
        answeredAt: t + 12_000,
        endedAt: t + 100_000,
        agent: 'PJSIP/1001',
        talkSeconds: 88,
      };
      const other: Contact = {
        ...done,
        key: 'ql:1.2:sales:1',
        callId: '1.2',
        agent: 'PJSIP/1002',
        waitSeconds: 30,
        talkSeconds: 50,
      };
      const sqlite = dialect === 'sqlite' ? sqliteConnectionOf(h.db as never) : undefined;
      const store = (cs: Contact[]) => h.db.transaction().execute((tx) => storeContactBatch(tx, cs, [], 'test', { sqlite }));
      expect(await store([open])).toEqual({ contacts: 1, spans: 0 });
      expect(await store([done, other])).toEqual({ contacts: 2, spans: 0 });
      expect(await store([done, other, open])).toEqual({ contacts: 0, spans: 0 });
      const cells = await loadCells(h.db, 0, Number.MAX_SAFE_INTEGER);
      expect(cells.map((c) => [c.agent, c.offered, c.answered, c.unknownEnd, c.answeredWithinT, c.sumTalk]).sort()).toEqual([
        ['PJSIP/1001', 1, 1, 0, 1, 88],
        ['PJSIP/1002', 1, 1, 0, 0, 50],
      ]);
      const [queue] = await loadQueueCells(h.db, 0, Number.MAX_SAFE_INTEGER);
      expect(queue).toMatchObject({
        queue: 'sales',
        agent: null,
        offered: 2,
        answered: 2,
        answeredWithinT: 1,
        handled: 2,
        sumTalk: 138,
        maxWait: 30,
        sumAnswerWait: 42,
      });
    } finally {
      await h.close();
    }
  });

  test('a batch interrupted inside its transaction leaves nothing behind (also on the bulk path)', async () => {
    const h = await createTestDatabase(dialect);
    try {
      const lines: string[] = [];
      generateQueueLog({ seed: 3, lines: 600, agents: 6, peakCallsPerHour: 30 }, (l) => lines.push(l));
      const parser = createQueueLogParser();
      parser.pushBlock(lines.join('\n'), 1);
      const out = parser.finish({ closeOpenAsUnknown: true });
      expect(out.contacts.length).toBeGreaterThan(50);
      const sqlite = dialect === 'sqlite' ? sqliteConnectionOf(h.db as never) : undefined;
      await expect(
        h.db.transaction().execute(async (tx) => {
          await storeContactBatch(tx, out.contacts, out.spans, 'queue_log', { sqlite });
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      for (const table of ['contact', 'agent_state_span', 'interval_cell'] as const) {
        const { n } = await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(n), table).toBe(0);
      }
    } finally {
      await h.close();
    }
  });

  test('talking spans are read back from the stored calls: the spans equal what the parser produced, a re-import adds no row', async () => {
    const lines: string[] = [];
    generateQueueLog({ seed: 5, lines: 3000, agents: 8, peakCallsPerHour: 40 }, (l) => lines.push(l));
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-talking-'));
    const file = join(dir, 'queue_log');
    const h = await createTestDatabase(dialect);
    try {
      await h.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      writeFileSync(file, `${lines.join('\n')}\n`);
      await importQueueLog(h.db, file);
      // What the parser emits over the same lines (the import keeps calls still open in its cursor, as drain does).
      const parser = createQueueLogParser();
      parser.pushBlock(lines.join('\n'), 1);
      const expected = new Map<string, AgentStateSpan>();
      for (const s of parser.drain().spans) if (!expected.has(s.key)) expected.set(s.key, s);
      const byKey = (spans: AgentStateSpan[]) => [...spans].sort((a, b) => a.key.localeCompare(b.key));
      const read = await agentStateSpansBetween(h.db, 0, Number.MAX_SAFE_INTEGER);
      expect(byKey(read)).toEqual(byKey([...expected.values()]));
      const talking = read.filter((s) => s.state === 'talking').length;
      expect(talking).toBeGreaterThan(100);
      const countRows = async () =>
        (
          await h.db
            .selectFrom('agent_state_span')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const rows = Number(await countRows());
      // Only talking spans whose call was still held for after-call work at the end of the file have a row.
      expect(rows).toBeLessThan(read.length - talking + 10);
      await h.db.deleteFrom('import_cursor').execute();
      expect(await importQueueLog(h.db, file)).toMatchObject({ contacts: 0, spans: 0 });
      expect(Number(await countRows())).toBe(rows);
      expect(byKey(await agentStateSpansBetween(h.db, 0, Number.MAX_SAFE_INTEGER))).toEqual(byKey(read));
      // A range reads the spans that overlap it, as before.
      const mid = read[Math.floor(read.length / 2)].start;
      const inRange = await agentStateSpansBetween(h.db, mid, mid + 3_600_000);
      expect(byKey(inRange)).toEqual(byKey(read.filter((s) => s.start < mid + 3_600_000 && s.end > mid)));
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two calls an agent answered in the same second give one talking span, the one that ended first, as rows did', async () => {
    const t = Date.UTC(2026, 0, 5, 1) / 1000;
    const log = [
      `${t}|a|q|NONE|ENTERQUEUE||138|1`,
      `${t}|b|q|NONE|ENTERQUEUE||139|1`,
      `${t + 5}|a|q|SIP/1|CONNECT|5|a1|1`,
      `${t + 5}|b|q|SIP/1|CONNECT|5|b1|1`,
      `${t + 65}|a|q|SIP/1|COMPLETECALLER|5|60|1`,
      `${t + 125}|b|q|SIP/1|COMPLETECALLER|5|120|1`,
      `${t + 3600}|NONE|q|NONE|CONFIGRELOAD|`,
    ];
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-same-second-'));
    const file = join(dir, 'queue_log');
    const h = await createTestDatabase(dialect);
    try {
      await h.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      writeFileSync(file, `${log.join('\n')}\n`);
      // One span, counted once (the import's span count too).
      expect(await importQueueLog(h.db, file)).toMatchObject({ contacts: 2, spans: 1, errors: [] });
      const talking = async (from: number, to: number) =>
        (await agentStateSpansBetween(h.db, from, to)).filter((s) => s.state === 'talking').map((s) => [s.start, s.end]);
      const start = (t + 5) * 1000;
      expect(await talking(0, Number.MAX_SAFE_INTEGER)).toEqual([[start, start + 60_000]]);
      // From after the first call's end the key has no span: the later call's was never the key's span.
      expect(await talking(start + 90_000, start + 200_000)).toEqual([]);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('parsing in a worker thread stores the same contacts, spans, cells and cursor as parsing in this one', async () => {
    const lines: string[] = [];
    generateQueueLog({ seed: 13, lines: 5000, agents: 9, peakCallsPerHour: 40 }, (l) => lines.push(l));
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-thread-'));
    const file = join(dir, 'queue_log');
    const [a, b] = [await createTestDatabase(dialect), await createTestDatabase(dialect)];
    try {
      for (const h of [a, b])
        await h.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      // Two pieces, so the second run resumes from the state the first one saved.
      const half = Math.floor(lines.length / 2);
      writeFileSync(file, `${lines.slice(0, half).join('\n')}\n`);
      await importQueueLog(a.db, file, { threadFromBytes: Number.POSITIVE_INFINITY });
      await importQueueLog(b.db, file, { threadFromBytes: 0 });
      appendFileSync(file, `${lines.slice(half).join('\n')}\n`);
      const inThisThread = await importQueueLog(a.db, file, { threadFromBytes: Number.POSITIVE_INFINITY });
      const inWorker = await importQueueLog(b.db, file, { threadFromBytes: 0 });
      expect(inWorker).toEqual(inThisThread);
      const dump = async (h: typeof a) => ({
        ...(await storedRows(h)),
        cursor: await h.db.selectFrom('import_cursor').select(['byte_offset', 'line_no', 'state_json']).execute(),
      });
      expect(await dump(b)).toEqual(await dump(a));
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a followed import stopped in its backlog ends after the transaction it is storing; the next run goes on from its cursor', async () => {
    const lines: string[] = [];
    generateQueueLog({ seed: 17, lines: 40_000, agents: 20, peakCallsPerHour: 120 }, (l) => lines.push(l));
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-stop-'));
    const file = join(dir, 'queue_log');
    const [h, once] = [await createTestDatabase(dialect), await createTestDatabase(dialect)];
    try {
      for (const d of [h, once])
        await d.db.insertInto('center').values({ name: 't', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
      // ~2.6 MB: three transactions of 1 MiB when parsed in this thread.
      writeFileSync(file, `${lines.join('\n')}\n`);
      const controller = new AbortController();
      const stopped = await importQueueLog(h.db, file, {
        follow: true,
        threadFromBytes: Number.POSITIVE_INFINITY,
        signal: controller.signal,
        onProgress: () => controller.abort(), // as SIGINT would, while the backlog is being read
      });
      expect(stopped.lines).toBeGreaterThan(0);
      expect(stopped.lines).toBeLessThan(lines.length);
      const cursor = await h.db.selectFrom('import_cursor').select('line_no').executeTakeFirstOrThrow();
      expect(Number(cursor.line_no)).toBe(stopped.lines);
      const rest = await importQueueLog(h.db, file);
      expect(stopped.lines + rest.lines).toBe(lines.length);
      const whole = await importQueueLog(once.db, file);
      expect(stopped.contacts + rest.contacts).toBe(whole.contacts);
      expect(stopped.spans + rest.spans).toBe(whole.spans);
      expect(await storedRows(h)).toEqual(await storedRows(once));
      // Stopped while waiting for new lines: it returns without waiting out the poll.
      const idle = new AbortController();
      setTimeout(() => idle.abort(), 50);
      expect(await importQueueLog(h.db, file, { follow: true, pollMs: 3_600_000, signal: idle.signal })).toMatchObject({
        lines: 0,
      });
    } finally {
      await h.close();
      await once.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a log rotated between two imports: the rest of the rotated file is read, then the new file', async () => {
    const lines: string[] = [];
    const truth = generateQueueLog({ seed: 11, lines: 3000, agents: 10, peakCallsPerHour: 40 }, (l) => lines.push(l));
    const dir = mkdtempSync(join(tmpdir(), 'zuoxi-rotate-'));
    const file = join(dir, 'queue_log');
    const h = await createTestDatabase(dialect);
    try {
      const [a, b] = [Math.floor(lines.length / 3), Math.floor((2 * lines.length) / 3)];
      writeFileSync(file, `${lines.slice(0, a).join('\n')}\n`);
      await importQueueLog(h.db, file);
      // Lines a…b are written after that import; then logrotate renames the file and Asterisk starts a new one.
      appendFileSync(file, `${lines.slice(a, b).join('\n')}\n`);
      renameSync(file, `${file}.1`);
      writeFileSync(file, `${lines.slice(b).join('\n')}\n`);
      const second = await importQueueLog(h.db, file);
      expect(second.lines).toBe(lines.length - a);
      expect(second.errors).toEqual([]);
      const stored = await h.db
        .selectFrom('contact')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const cursor = await h.db.selectFrom('import_cursor').select('state_json').executeTakeFirstOrThrow();
      expect(Number(stored.n) + (JSON.parse(cursor.state_json) as QueueLogParserState).open.length).toBe(truth.calls);
      expect(await importQueueLog(h.db, file)).toMatchObject({ lines: 0, contacts: 0 });
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
