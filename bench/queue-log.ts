/**
 * queue_log benchmark: generate a year of a 100-agent center (5,000,000 lines by default; env
 * BENCH_QUEUE_LOG_LINES for a quick run) into os.tmpdir(), then
 * 1. store import: `zuoxi import queue-log` into a fresh SQLite file (contacts, agent-state spans, cells
 *    and the cursor, one transaction per group of blocks; a worker thread parses while this one stores) —
 *    lines/s, CPU of all the threads and of the storing thread alone (Linux), and peak memory
 *    (BENCH_QUEUE_LOG_STORE=0 skips it); it runs first, so its peak RSS is its own;
 * 2. parse + aggregate, on this thread alone: read it as an import does (LogFollower blocks, the next one read
 *    while this one is parsed), parse, and sum the contacts into the 15-minute queue × agent cells as they come
 *    (kept in memory for the whole year: ~1 M cells);
 * 3. a one-month 15-minute report by queue: from the stored cells through the report API's code path
 *    (SQLite), and from the in-memory cells (aim < 200 ms);
 * 4. the same month table with DuckDB SQL over the same file, and the ratio.
 */
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';
import type { Contact } from '../src/domain/contacts/contact.ts';
import { addCell, cellAccumulator, type IntervalCell } from '../src/domain/metrics/interval-cube.ts';
import { aggregateIntervals, rollUpCells } from '../src/domain/metrics/intervals.ts';
import { generateQueueLog } from '../src/ingest/queue-log/generate.ts';
import { createQueueLogParser } from '../src/ingest/queue-log/parser.ts';
import { LogFollower } from '../src/ingest/tail/log-follower.ts';
import { openDatabase, sqliteConnectionOf } from '../src/store/database.ts';
import { importQueueLog } from '../src/store/import-queue-log.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { intervalReport } from '../src/store/reports.ts';

const ZONE = 'Asia/Shanghai';
const MONTH_FROM = Date.UTC(2025, 11, 31, 16); // 2026-01-01 00:00+08:00
const MONTH_TO = Date.UTC(2026, 0, 31, 16); // 2026-02-01 00:00+08:00

async function writeLog(path: string, lines: number): Promise<number> {
  const out = createWriteStream(path);
  let buf: string[] = [];
  const truth = generateQueueLog({ seed: 20260105, lines, agents: 100, peakCallsPerHour: 310 }, (l) => {
    buf.push(l);
    if (buf.length === 20_000) {
      out.write(`${buf.join('\n')}\n`);
      buf = [];
    }
  });
  out.write(buf.length ? `${buf.join('\n')}\n` : '');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return truth.lines;
}

interface Parsed {
  lines: number;
  contacts: number;
  errors: number;
  peakRss: number;
  /** CPU time of the process (all threads, GC included) during the stage. */
  cpuSeconds: number;
  /** 15-minute cells per queue and agent, and per queue only. */
  agentCells: IntervalCell[];
  queueCells: IntervalCell[];
  /** Contacts that entered in the benchmark's month, for the report straight from contacts. */
  month: Contact[];
}

/** Parse + aggregate as an import does, without the store: read blocks, parse, count into cells. */
async function parseAndAggregate(path: string): Promise<Parsed> {
  const parser = createQueueLogParser();
  const follower = await LogFollower.open(path, null);
  // Queue × agent cells, as the store keeps them; the queue-only cells are their sums (computed after the timing).
  const byAgent = cellAccumulator({ timeZone: ZONE });
  const month: Contact[] = [];
  let lines = 0;
  let contacts = 0;
  let errors = 0;
  let peakRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const take = (out: { contacts: Contact[]; errors: unknown[] }) => {
    byAgent.add(out.contacts);
    for (const c of out.contacts) if (c.enteredAt >= MONTH_FROM && c.enteredAt < MONTH_TO) month.push(c);
    contacts += out.contacts.length;
    errors += out.errors.length;
  };
  try {
    // The next block is read while this one is parsed (a read waits for a thread of the I/O pool).
    for (let block = await follower.readBlock(); block.lineCount > 0; ) {
      const next = follower.readBlock();
      parser.pushBlock(block.text, block.firstLineNo);
      lines += block.lineCount;
      take(parser.drain());
      if ((lines & 0xff) < 64) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      block = await next;
    }
  } finally {
    await follower.close();
  }
  take(parser.finish({ closeOpenAsUnknown: true }));
  const agentCells = byAgent.cells();
  const cpu = process.cpuUsage(cpu0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    lines,
    contacts,
    errors,
    peakRss,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    agentCells,
    queueCells: sumOverAgents(agentCells),
    month,
  };
}

/** Queue cells from queue × agent cells (what loadQueueCells does in SQL). */
function sumOverAgents(cells: readonly IntervalCell[]): IntervalCell[] {
  const byKey = new Map<string, IntervalCell>();
  for (const c of cells) {
    const key = `${c.start}|${c.queue}`;
    const sum = byKey.get(key);
    if (sum) addCell(sum, c);
    else byKey.set(key, { ...c, agent: null });
  }
  return [...byKey.values()];
}

/** CPU seconds of this (the main) thread, from /proc on Linux; null elsewhere. */
function storingThreadCpu(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

/** `zuoxi import queue-log FILE` into a fresh SQLite file; then the month report through the store. */
async function storeImport(path: string): Promise<{
  lines: number;
  contacts: number;
  spans: number;
  seconds: number;
  cpuSeconds: number;
  /** CPU of the storing (main) thread alone, where Linux tells it: under load, steadier than the wall time. */
  storingCpuSeconds: number | null;
  peakRss: number;
  reportMs: number;
  reportCpuMs: number;
  reportRows: number;
  bytes: number;
  floor: InsertFloor | null;
}> {
  const file = `${path}.db`;
  const h = openDatabase(file);
  try {
    await migrateToLatest(h.db);
    await h.db.insertInto('center').values({ name: 'bench', time_zone: ZONE, business_hours: '[]' }).execute();
    let peakRss = process.memoryUsage().rss;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const storing0 = storingThreadCpu();
    const p = await importQueueLog(h.db, path, {
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const storingCpuSeconds = storing0 === null ? null : (storingThreadCpu() ?? 0) - storing0;
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
    await intervalReport(h.db, { from: '2026-01-01', to: '2026-02-01', interval: 15, by: 'queue' }); // warm the cache
    const r0 = performance.now();
    const rc0 = process.cpuUsage();
    const rows = await intervalReport(h.db, { from: '2026-01-01', to: '2026-02-01', interval: 15, by: 'queue' });
    const reportMs = performance.now() - r0;
    const rc = process.cpuUsage(rc0);
    const reportCpuMs = (rc.user + rc.system) / 1000;
    const sqlite = sqliteConnectionOf(h.db);
    const floor = sqlite ? insertFloor(sqlite, `${path}.floor.db`) : null;
    return {
      lines: p.lines,
      contacts: p.contacts,
      spans: p.spans,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      storingCpuSeconds,
      peakRss,
      reportMs,
      reportCpuMs,
      reportRows: rows.length,
      bytes: size,
      floor,
    };
  } finally {
    await h.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
  }
}

interface InsertFloor {
  rows: number;
  cpuSeconds: number;
}

/**
 * What SQLite itself costs on this machine for the rows the import stored, whatever the importer does around them:
 * each table's rows inserted again, as the importer sends them (contacts and spans one prepared INSERT each, cells
 * sixteen to a statement), into a fresh file with the same columns and no index or key at all, 20 transactions a
 * table — the least the storing thread, SQLite's one writer, can spend on them.
 */
function insertFloor(source: SQLite.Database, file: string): InsertFloor {
  const target = new SQLite(file);
  let rowsInAll = 0;
  let cpuSeconds = 0;
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    for (const [table, perStatement] of [
      ['contact', 1],
      ['agent_state_span', 1],
      ['interval_cell', 16],
    ] as const) {
      const count = (source.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const columns = source
        .prepare(`SELECT * FROM ${table} LIMIT 1`)
        .columns()
        .map((c) => c.name);
      target.exec(`CREATE TABLE ${table} (${columns.join(', ')})`);
      const values = (n: number) => Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ');
      const insertMany = target.prepare(`INSERT INTO ${table} VALUES ${values(perStatement)}`);
      // Read a transaction's rows at a time, flattened per statement before the clock starts: only the inserts are
      // timed, and the heap stays small (a year's rows held at once made garbage collection the larger cost).
      const per = Math.ceil(count / 20);
      const read = source.prepare(`SELECT * FROM ${table}`).raw().iterate() as IterableIterator<unknown[]>;
      for (let at = 0; at < count; at += per) {
        const statements: unknown[][] = [];
        let group: unknown[] = [];
        for (let i = 0; i < per; i++) {
          const next = read.next();
          if (next.done) break;
          group.push(...next.value);
          if (group.length === perStatement * columns.length) {
            statements.push(group);
            group = [];
          }
        }
        const rest =
          group.length > 0 ? target.prepare(`INSERT INTO ${table} VALUES ${values(group.length / columns.length)}`) : null;
        const thread0 = storingThreadCpu();
        const all0 = process.cpuUsage();
        target.transaction(() => {
          for (const values of statements) insertMany.run(values);
          rest?.run(group);
        })();
        const all = process.cpuUsage(all0);
        cpuSeconds += thread0 === null ? (all.user + all.system) / 1e6 : (storingThreadCpu() ?? 0) - thread0;
      }
      rowsInAll += count;
    }
    return { rows: rowsInAll, cpuSeconds };
  } finally {
    target.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}

/** The same month table in SQL: every ENTERQUEUE with its first end line, bucketed on the +08:00 clock. */
async function duckdbMonth(
  path: string,
): Promise<{ ms: number; rows: number; offered: number; answered: number; within: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const cols = Array.from({ length: 10 }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const sql = `
    WITH ql AS (
      SELECT CAST(c0 AS DOUBLE) AS t, c1 AS callid, c2 AS queue, c4 AS ev, c5, c6, c7, c8, c9
      FROM read_csv('${path}', delim='|', header=false, quote='', escape='', auto_detect=false, null_padding=true, columns={${cols}})
    ),
    enter AS (SELECT callid, queue, min(t) AS t FROM ql WHERE ev = 'ENTERQUEUE' GROUP BY ALL),
    ends AS (
      SELECT callid, queue,
        max(CASE WHEN ev = 'CONNECT' THEN CAST(c5 AS DOUBLE) END) AS answer_wait,
        bool_or(ev = 'ABANDON') AS abandoned
      FROM ql WHERE ev IN ('CONNECT', 'ABANDON') GROUP BY ALL
    )
    SELECT e.queue, CAST(floor((e.t + 8 * 3600) / 900) AS BIGINT) AS slot,
      count(*) AS offered, count(x.answer_wait) AS answered, count(*) FILTER (WHERE x.abandoned) AS abandoned,
      count(*) FILTER (WHERE x.answer_wait <= 20) AS within, avg(x.answer_wait) AS asa
    FROM enter e LEFT JOIN ends x USING (callid, queue)
    WHERE e.t >= ${MONTH_FROM / 1000} AND e.t < ${MONTH_TO / 1000}
    GROUP BY ALL ORDER BY slot, queue`;
  const t0 = performance.now();
  const reader = await conn.runAndReadAll(sql);
  const rows = reader.getRowObjectsJS();
  const ms = performance.now() - t0;
  conn.closeSync();
  instance.closeSync();
  const sum = (k: string): number => rows.reduce((s, r) => s + Number(r[k]), 0);
  return { ms, rows: rows.length, offered: sum('offered'), answered: sum('answered'), within: sum('within') };
}

export async function run(): Promise<void> {
  const lines = Number(process.env.BENCH_QUEUE_LOG_LINES ?? 5_000_000);
  const path = join(tmpdir(), `zuoxi-bench-queue-log-${process.pid}.log`);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
  console.log(`load average ${load()} on ${availableParallelism()} cores`);
  try {
    let t0 = performance.now();
    const written = await writeLog(path, lines);
    console.log(`generated ${written.toLocaleString('en')} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}`);

    let storeReportMs: number | null = null;
    if (process.env.BENCH_QUEUE_LOG_STORE !== '0') {
      const st = await storeImport(path);
      storeReportMs = st.reportMs;
      console.log(
        `store import into SQLite (contacts, agent-state spans, cells, cursor): ${st.lines.toLocaleString('en')} lines, ${st.contacts.toLocaleString('en')} contacts, ${st.spans.toLocaleString('en')} spans in ${st.seconds.toFixed(1)} s = ${Math.round(st.lines / st.seconds).toLocaleString('en')} lines/s (aim ≥ 500,000; ${st.cpuSeconds.toFixed(1)} s of CPU in all threads = ${Math.round(st.lines / st.cpuSeconds).toLocaleString('en')} per CPU-second${st.storingCpuSeconds === null ? '' : `, ${st.storingCpuSeconds.toFixed(1)} s in the storing thread`}; load average ${loadavg()[0].toFixed(1)}); peak RSS ${(st.peakRss / 2 ** 20).toFixed(0)} MiB; database ${(st.bytes / 2 ** 20).toFixed(0)} MiB`,
      );
      console.log(
        `one-month 15-minute report by queue from the stored cells (intervalReport, SQLite): ${st.reportRows} rows in ${st.reportMs.toFixed(1)} ms, ${st.reportCpuMs.toFixed(0)} ms of CPU (aim < 200 ms)`,
      );
      if (st.floor) {
        const { rows, cpuSeconds } = st.floor;
        console.log(
          `SQLite floor on this machine: the ${rows.toLocaleString('en')} stored rows (contacts, spans, cells) inserted again as the importer sends them, into tables with no index: ${cpuSeconds.toFixed(1)} s of CPU (${((cpuSeconds / rows) * 1e6).toFixed(1)} µs a row) → storing these rows cannot go faster than ${Math.round(st.lines / cpuSeconds).toLocaleString('en')} lines/s here, even with nothing else on SQLite's one writer thread`,
        );
      }
    }

    t0 = performance.now();
    const parsed = await parseAndAggregate(path);
    const parseS = (performance.now() - t0) / 1000;
    console.log(
      `parse + aggregate: ${parsed.lines.toLocaleString('en')} lines, ${parsed.contacts.toLocaleString('en')} contacts, ${parsed.errors} errors → ${parsed.agentCells.length.toLocaleString('en')} queue × agent cells and ${parsed.queueCells.length.toLocaleString('en')} queue cells in ${parseS.toFixed(2)} s = ${Math.round(parsed.lines / parseS).toLocaleString('en')} lines/s (aim ≥ 500,000); ${Math.round(parsed.lines / parsed.cpuSeconds).toLocaleString('en')} lines per CPU-second; peak RSS ${(parsed.peakRss / 2 ** 20).toFixed(0)} MiB; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    );

    const opts = { interval: 15 as const, timeZone: ZONE, by: 'queue' as const };
    const month = parsed.queueCells.filter((c) => c.start >= MONTH_FROM && c.start < MONTH_TO);
    t0 = performance.now();
    const rows = rollUpCells(month, opts);
    const reportMs = performance.now() - t0;
    console.log(
      `one-month 15-minute report by queue from in-memory queue cells: ${rows.length} rows in ${reportMs.toFixed(1)} ms (aim < 200 ms)`,
    );
    const monthAgentCells = parsed.agentCells.filter((c) => c.start >= MONTH_FROM && c.start < MONTH_TO);
    t0 = performance.now();
    const agentRows = rollUpCells(monthAgentCells, { ...opts, by: 'agent' });
    console.log(
      `one-month 15-minute report by agent from ${monthAgentCells.length.toLocaleString('en')} in-memory queue × agent cells: ${agentRows.length} rows in ${(performance.now() - t0).toFixed(1)} ms`,
    );

    t0 = performance.now();
    const direct = aggregateIntervals(parsed.month, opts);
    const directMs = performance.now() - t0;
    console.log(
      `one-month 15-minute report straight from ${parsed.month.length.toLocaleString('en')} contacts: ${directMs.toFixed(1)} ms`,
    );

    const duck = await duckdbMonth(path);
    const sum = (k: 'offered' | 'answered' | 'answeredWithinThreshold'): number => direct.reduce((s, r) => s + r[k], 0);
    console.log(`DuckDB SQL over the file (read + join + group): ${duck.rows} rows in ${duck.ms.toFixed(0)} ms`);
    console.log(
      `  totals Zuoxi offered/answered/within20 = ${sum('offered')}/${sum('answered')}/${sum('answeredWithinThreshold')}; DuckDB = ${duck.offered}/${duck.answered}/${duck.within} ${duck.offered === sum('offered') && duck.answered === sum('answered') && duck.within === sum('answeredWithinThreshold') ? '(agree)' : '(DIFFER)'}`,
    );
    const vsStore = storeReportMs === null ? '' : `${(duck.ms / storeReportMs).toFixed(1)}× vs the report from the store, `;
    console.log(
      `  ratio DuckDB / Zuoxi: ${vsStore}${(duck.ms / reportMs).toFixed(1)}× vs in-memory cells, ${(duck.ms / directMs).toFixed(1)}× vs from contacts`,
    );
  } finally {
    await rm(path, { force: true });
    console.log(`load average ${load()}`);
  }
}

// Run directly (node bin/run-ts.js bench/queue-log.ts), whether argv[1] is given relative or absolute.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await run();
