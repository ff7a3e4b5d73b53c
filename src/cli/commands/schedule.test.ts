import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'zuoxi-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('schedule --json: the documented example, every assignment within the rules and the JSON shape of the issue', async () => {
  const r = await runCli([
    'schedule',
    '--requirements',
    'docs/examples/schedule/req.csv',
    '--agents',
    'docs/examples/schedule/agents.csv',
    '--rules',
    'docs/examples/schedule/rules.json',
    '--start',
    '2026-12-07',
    '--weeks',
    '1',
    '--time-limit',
    '20',
    '--json',
  ]);
  expect(r.code, r.err).toBe(0);
  const out = JSON.parse(r.out);
  expect(out.violations).toEqual([]);
  expect(out.assignments.length).toBeGreaterThan(50);
  expect(out.assignments[0]).toEqual(
    expect.objectContaining({
      agent: expect.any(String),
      date: '2026-12-07',
      shift: expect.any(String),
      segments: expect.any(Array),
      breaks: expect.any(Array),
    }),
  );
  expect(out.coverage[0]).toEqual(
    expect.objectContaining({
      intervalStart: '2026-12-07T00:00:00+08:00',
      skillGroup: expect.any(String),
      required: 0,
      scheduled: 0,
    }),
  );
  expect(out.fit).toBeGreaterThan(0.5);
  expect(out.gap).toBeLessThan(0.05);
  expect(out.paidHours).toBeGreaterThan(0);
  expect(out.lowerBound).toBeGreaterThan(0);
  // Fit recomputed from the coverage table by the definition.
  const diff = out.coverage.reduce(
    (s: number, c: { required: number; scheduled: number }) => s + Math.abs(c.scheduled - c.required),
    0,
  );
  const req = out.coverage.reduce((s: number, c: { required: number }) => s + c.required, 0);
  expect(out.fit).toBeCloseTo(1 - diff / req, 12);
}, 90_000);

test('bad input names the file, line and field', async () => {
  const req = join(dir, 'req.csv');
  writeFileSync(req, 'intervalStart,skillGroup,required\n2026-12-07T09:00:00+08:00,p,-1\n');
  const r = await runCli([
    'schedule',
    '--requirements',
    req,
    '--agents',
    'docs/examples/schedule/agents.csv',
    '--start',
    '2026-12-07',
  ]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('req.csv:2: required');
  const rules = join(dir, 'rules.json');
  writeFileSync(rules, '{ "minRestHours": -3 }');
  const bad = await runCli([
    'schedule',
    '--requirements',
    'docs/examples/schedule/req.csv',
    '--agents',
    'docs/examples/schedule/agents.csv',
    '--rules',
    rules,
    '--start',
    '2026-12-07',
  ]);
  expect(bad.err).toContain('minRestHours');
  expect(
    (await runCli(['schedule', '--requirements', req, '--agents', 'x.csv', '--start', '2026-12-07', '--weeks', '9'])).err,
  ).toContain('--weeks');
});

/** Erlang C service level by the textbook sum (an independent second method for the predicted SL). */
function erlangCSl(n: number, calls: number, aht: number, intervalSeconds: number, t: number): number {
  const a = (calls * aht) / intervalSeconds;
  if (n <= a) return 0;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < n; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / n) * (n / (n - a));
  const pw = top / (sum + top);
  return 1 - pw * Math.exp((-(n - a) * t) / aht);
}

test('schedule with the rich example: rotations, team rule, leave, preferences, locks, predicted SL of understaffed intervals', async () => {
  const r = await runCli([
    'schedule',
    '--requirements',
    'docs/examples/schedule/req-rich.csv',
    '--agents',
    'docs/examples/schedule/agents-rich.csv',
    '--rules',
    'docs/examples/schedule/rules-rich.json',
    '--lock',
    'docs/examples/schedule/locks.json',
    '--start',
    '2026-12-07',
    '--time-limit',
    '10',
    '--json',
  ]);
  expect(r.code, r.err).toBe(0);
  const out = JSON.parse(r.out);
  expect(out.violations).toEqual([]);
  // 夜-夜-休-休 has 4 nights in some 7 days; the example allows 4 (with 3 the crews could not follow it).
  expect(out.warnings).toEqual([]);
  expect(out.assignments.filter((a: { locked?: boolean }) => a.locked)).toEqual([
    expect.objectContaining({
      agent: '20201',
      date: '2026-12-07',
      shift: '早班',
      segments: [{ start: '2026-12-07T08:00:00+08:00', end: '2026-12-07T17:00:00+08:00' }],
    }),
  ]);
  // Leave: 20202 is off 12-10..12-11, 20102 on 12-09.
  expect(
    out.assignments.filter(
      (a: { agent: string; date: string }) =>
        (a.agent === '20202' && ['2026-12-10', '2026-12-11'].includes(a.date)) ||
        (a.agent === '20102' && a.date === '2026-12-09'),
    ),
  ).toEqual([]);
  // Crews work nights only.
  expect(
    new Set(out.assignments.filter((a: { agent: string }) => a.agent.startsWith('201')).map((a: { shift: string }) => a.shift)),
  ).toEqual(new Set(['夜班']));
  expect(out.lowerBound).toBeLessThanOrEqual(out.cost + 1e-6);
  expect(out.gap).toBeCloseTo((out.cost - out.lowerBound) / out.cost, 9);
  const req = new Map<string, { calls: number; aht: number }>();
  for (const line of readFileSync('docs/examples/schedule/req-rich.csv', 'utf8').trim().split('\n').slice(1)) {
    const [at, g, , calls, aht] = line.split(',');
    req.set(`${at}|${g}`, { calls: Number(calls), aht: Number(aht) });
  }
  const checked = out.understaffed.filter((u: { scheduled: number }) => u.scheduled > 0);
  expect(checked.length).toBeGreaterThan(0);
  for (const u of checked) {
    const t = req.get(`${u.intervalStart}|${u.skillGroup}`)!;
    expect(u.predictedServiceLevel).toBeCloseTo(erlangCSl(u.scheduled, t.calls, t.aht, 1800, 20), 9);
  }
}, 90_000);

test('schedule --previous: the last week’s assignments (this command’s --json output) keep rest and working days in a row across', async () => {
  // 10101 worked 中班 to 21:00 on Sunday 12-06 (rest to 08:00 Monday); 10102 worked Tuesday to Sunday (six in a row).
  const shift = (agent: string, date: string, start: string, end: string) => ({
    agent,
    date,
    shift: '中班',
    skillGroup: '政策咨询',
    segments: [{ start: `${date}T${start}:00+08:00`, end: `${date}T${end}:00+08:00` }],
    breaks: [],
    payRate: 1,
  });
  const week = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
  const previous = join(dir, 'previous.json');
  writeFileSync(
    previous,
    JSON.stringify({
      assignments: [shift('10101', '2026-12-06', '12:00', '21:00'), ...week.map((d) => shift('10102', d, '10:00', '19:00'))],
    }),
  );
  const args = ['schedule', '--requirements', 'docs/examples/schedule/req.csv', '--agents', 'docs/examples/schedule/agents.csv'];
  const r = await runCli([
    ...args,
    '--rules',
    'docs/examples/schedule/rules.json',
    '--start',
    '2026-12-07',
    '--time-limit',
    '10',
    '--previous',
    previous,
    '--json',
  ]);
  expect(r.code, r.err).toBe(0);
  const out = JSON.parse(r.out);
  expect(out.violations).toEqual([]);
  const monday = out.assignments.filter((a: { date: string }) => a.date === '2026-12-07');
  expect(monday.some((a: { agent: string }) => a.agent === '10102')).toBe(false);
  for (const a of monday.filter((x: { agent: string }) => x.agent === '10101'))
    expect(a.segments[0].start >= '2026-12-07T08:00:00+08:00').toBe(true);
  writeFileSync(previous, JSON.stringify([{ agent: '10101', date: '2026-12-06' }]));
  const bad = await runCli([...args, '--start', '2026-12-07', '--previous', previous]);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('previous.json: assignments.0.shift');
}, 90_000);
