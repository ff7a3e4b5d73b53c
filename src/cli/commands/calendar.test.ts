import { expect, test } from 'vitest';
import { runCli } from '../testing.ts';

const FROM = '2026-09-30T10:00:00+08:00';

test('calendar due --working-days: the issue example across National Day 2026', async () => {
  // Working days after Wed 2026-09-30: Oct 1–7 off; Thu Oct 8, Fri Oct 9, Sat Oct 10 (make-up workday) → 18:00 that day.
  const r = await runCli(['calendar', 'due', '--from', FROM, '--working-days', '3', '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toEqual({ due: '2026-10-10T18:00:00+08:00' });
  // The same instant given in UTC gives the same deadline, printed in the center's zone.
  const utc = await runCli(['calendar', 'due', '--from', '2026-09-30T02:00:00Z', '--working-days', '3']);
  expect(utc.out.trim()).toBe('2026-10-10T18:00:00+08:00');
});

test('calendar due --working-hours with a lunch break and another zone', async () => {
  const h = await runCli([
    'calendar',
    'due',
    '--from',
    FROM,
    '--working-hours',
    '10',
    '--hours',
    '09:00-12:00,13:00-18:00',
    '--json',
  ]);
  // Sep 30: 10–12 (2 h) + 13–18 (5 h) = 7 h; Oct 1–7 off; Oct 8: 3 more hours from 09:00 → 12:00.
  expect(JSON.parse(h.out)).toEqual({ due: '2026-10-08T12:00:00+08:00' });
  // Berlin, Friday 2026-03-27 16:00 CET + 2 h at 09:00–17:00: 1 h Friday, 1 h Monday after the DST change (+02:00).
  const b = await runCli([
    'calendar',
    'due',
    '--from',
    '2026-03-27T16:00:00+01:00',
    '--working-hours',
    '2',
    '--hours',
    '09:00-17:00',
    '--time-zone',
    'Europe/Berlin',
    '--json',
  ]);
  expect(JSON.parse(b.out)).toEqual({ due: '2026-03-30T10:00:00+02:00' });
});

test('calendar due: bad input exits 2 and names the option', async () => {
  const cases: [string[], string][] = [
    [['--from', '2026-09-30 10:00', '--working-days', '3'], '--from'],
    [['--from', '2026-09-30T10:00:00', '--working-days', '3'], '--from'], // no offset
    [['--from', FROM], 'exactly one'],
    [['--from', FROM, '--working-days', '1', '--working-hours', '2'], 'exactly one'],
    [['--from', FROM, '--working-days', '0'], '--working-days'],
    [['--from', FROM, '--working-days', '1.5'], '--working-days'],
    [['--from', FROM, '--working-hours', '-2'], '--working-hours'],
    [['--from', FROM, '--working-days', '1', '--hours', '18:00-09:00'], '--hours'],
    [['--from', FROM, '--working-days', '1', '--time-zone', 'Mars/Base'], '--time-zone'],
  ];
  for (const [args, name] of cases) {
    const r = await runCli(['calendar', 'due', ...args]);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.err, args.join(' ')).toContain(name);
  }
});

test('calendar day', async () => {
  expect(JSON.parse((await runCli(['calendar', 'day', '2026-10-10', '--json'])).out)).toEqual({
    date: '2026-10-10',
    kind: 'makeup_workday',
    name: '国庆节',
    source: 'chinese-days',
  });
  expect((await runCli(['calendar', 'day', '2026-10-01'])).out).toContain('public_holiday (国庆节)');
  expect((await runCli(['calendar', 'day', '2026-02-30'])).code).toBe(2);
});
