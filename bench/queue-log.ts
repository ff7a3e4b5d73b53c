/**
 * queue_log benchmark: generate a year of a 100-agent center (5,000,000 lines by default; env
 * BENCH_QUEUE_LOG_LINES for a quick run) into os.tmpdir(), parse it, build the 15-minute cells, time a
 * one-month 15-minute report, and compute the same month table with DuckDB SQL over the same file.
 * Aims: ≥ 500,000 lines/s; the one-month report under 200 ms.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Contact } from '../src/domain/contacts/contact.ts';
import { buildCells } from '../src/domain/metrics/interval-cube.ts';
import { aggregateIntervals, rollUpCells } from '../src/domain/metrics/intervals.ts';
import { generateQueueLog } from '../src/ingest/queue-log/generate.ts';
import { createQueueLogParser } from '../src/ingest/queue-log/parser.ts';

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

async function parseFile(path: string): Promise<{ contacts: Contact[]; lines: number; errors: number; peakRss: number }> {
  const parser = createQueueLogParser();
  const contacts: Contact[] = [];
  let lineNo = 0;
  let errors = 0;
  let peakRss = process.memoryUsage().rss;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 4 << 20 })) {
    const text = rest + (chunk as string);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      parser.push(text.slice(from, nl), ++lineNo);
      from = nl + 1;
    }
    rest = text.slice(from);
    const out = parser.drain();
    for (const c of out.contacts) contacts.push(c);
    errors += out.errors.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  if (rest) parser.push(rest, ++lineNo);
  const out = parser.finish({ closeOpenAsUnknown: true });
  for (const c of out.contacts) contacts.push(c);
  return { contacts, lines: lineNo, errors: errors + out.errors.length, peakRss };
}

/** The same month table in SQL: every ENTERQUEUE with its first end line, bucketed on the +08:00 clock. */
async function duckdbMonth(path: string): Promise<{ ms: number; rows: number; offered: number; answered: number; within: number }> {
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
  try {
    let t0 = performance.now();
    const written = await writeLog(path, lines);
    console.log(`generated ${written.toLocaleString('en')} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}`);

    t0 = performance.now();
    const parsed = await parseFile(path);
    const parseS = (performance.now() - t0) / 1000;
    console.log(`parse: ${parsed.lines.toLocaleString('en')} lines, ${parsed.contacts.length.toLocaleString('en')} contacts, ${parsed.errors} errors in ${parseS.toFixed(2)} s = ${Math.round(parsed.lines / parseS).toLocaleString('en')} lines/s (aim ≥ 500,000)`);
    console.log(`peak RSS during import: ${(parsed.peakRss / 2 ** 20).toFixed(0)} MiB (process max ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB incl. generator)`);

    t0 = performance.now();
    const cells = buildCells(parsed.contacts, { timeZone: ZONE, perAgent: false });
    console.log(`15-minute queue cells for the whole file: ${cells.length.toLocaleString('en')} in ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    const agentCells = buildCells(parsed.contacts, { timeZone: ZONE });
    console.log(`15-minute queue × agent cells for the whole file: ${agentCells.length.toLocaleString('en')} in ${(performance.now() - t0).toFixed(0)} ms`);

    const opts = { interval: 15 as const, timeZone: ZONE, by: 'queue' as const };
    const month = cells.filter((c) => c.start >= MONTH_FROM && c.start < MONTH_TO);
    t0 = performance.now();
    const rows = rollUpCells(month, opts);
    const reportMs = performance.now() - t0;
    console.log(`one-month 15-minute report by queue from stored queue cells: ${rows.length} rows in ${reportMs.toFixed(1)} ms (aim < 200 ms)`);
    const monthAgentCells = agentCells.filter((c) => c.start >= MONTH_FROM && c.start < MONTH_TO);
    t0 = performance.now();
    const agentRows = rollUpCells(monthAgentCells, { ...opts, by: 'agent' });
    console.log(`one-month 15-minute report by agent from ${monthAgentCells.length.toLocaleString('en')} queue × agent cells: ${agentRows.length} rows in ${(performance.now() - t0).toFixed(1)} ms`);

    const monthContacts = parsed.contacts.filter((c) => c.enteredAt >= MONTH_FROM && c.enteredAt < MONTH_TO);
    t0 = performance.now();
    const direct = aggregateIntervals(monthContacts, opts);
    const directMs = performance.now() - t0;
    console.log(`one-month 15-minute report straight from ${monthContacts.length.toLocaleString('en')} contacts: ${directMs.toFixed(1)} ms`);

    const duck = await duckdbMonth(path);
    const sum = (k: 'offered' | 'answered' | 'answeredWithinThreshold'): number => direct.reduce((s, r) => s + r[k], 0);
    console.log(`DuckDB SQL over the file (read + join + group): ${duck.rows} rows in ${duck.ms.toFixed(0)} ms`);
    console.log(`  totals Zuoxi offered/answered/within20 = ${sum('offered')}/${sum('answered')}/${sum('answeredWithinThreshold')}; DuckDB = ${duck.offered}/${duck.answered}/${duck.within} ${duck.offered === sum('offered') && duck.answered === sum('answered') && duck.within === sum('answeredWithinThreshold') ? '(agree)' : '(DIFFER)'}`);
    console.log(`  ratio DuckDB / Zuoxi: ${(duck.ms / reportMs).toFixed(1)}× vs stored cells, ${(duck.ms / directMs).toFixed(1)}× vs from contacts`);
  } finally {
    await rm(path, { force: true });
  }
}

// Run directly (node bin/run-ts.js bench/queue-log.ts), whether argv[1] is given relative or absolute.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await run();
