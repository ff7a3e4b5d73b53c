import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../domain/contacts/contact.ts';
import { aggregateIntervals } from '../../domain/metrics/intervals.ts';
import { generateQueueLog } from './generate.ts';
import { createQueueLogParser } from './parser.ts';

function generated(seed: number, lines: number) {
  const out: string[] = [];
  const truth = generateQueueLog({ seed, lines, agents: 6, queues: ['a', 'b'], peakCallsPerHour: 30 }, (l) => out.push(l));
  return { lines: out, truth };
}
const logOf = (seed: number, n: number): string[] => generated(seed, n).lines;

function parse(lines: string[], from = 0, to = lines.length) {
  const p = createQueueLogParser();
  for (let i = from; i < to; i++) p.push(lines[i], i + 1);
  return p.finish({ closeOpenAsUnknown: true });
}

const sortByKey = (cs: Contact[]): Contact[] => [...cs].sort((a, b) => a.key.localeCompare(b.key));

describe('queue_log parser on generated logs', () => {
  it('offered = answered + abandoned + other exits + no recorded end, and matches what the generator wrote', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 50, max: 1500 }), (seed, n) => {
        const { lines, truth } = generated(seed, n);
        const { contacts, errors } = parse(lines);
        expect(errors).toEqual([]);
        const rows = aggregateIntervals(contacts, { interval: 'month', timeZone: 'Asia/Shanghai', by: 'queue' });
        let offered = 0;
        for (const r of rows) {
          expect(r.offered).toBe(r.answered + r.abandoned + r.otherExits + r.unknownEnd);
          offered += r.offered;
        }
        const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((s, r) => s + f(r), 0);
        expect(offered).toBe(truth.calls);
        expect(sum((r) => r.answered)).toBe(truth.outcomes.answered);
        expect(sum((r) => r.abandoned)).toBe(truth.outcomes.abandoned);
        expect(sum((r) => r.timeout)).toBe(truth.outcomes.timeout);
        expect(sum((r) => r.exitKey)).toBe(truth.outcomes.exit_key);
        expect(sum((r) => r.exitEmpty)).toBe(truth.outcomes.exit_empty);
        expect(sum((r) => r.unknownEnd)).toBe(truth.outcomes.unknown);
        expect(sum((r) => r.answeredWithinThreshold)).toBe(truth.answeredWithin20);
        expect(contacts.reduce((s, c) => s + c.talkSeconds, 0)).toBe(truth.sumTalkSeconds);
      }),
      { numRuns: 25 },
    );
  });

  it('stopping anywhere, saving the state as JSON and resuming gives the same contacts and spans', () => {
    const lines = logOf(7, 1200);
    const whole = parse(lines);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length }), (k) => {
        const first = createQueueLogParser();
        for (let i = 0; i < k; i++) first.push(lines[i], i + 1);
        const a = first.drain();
        const saved = JSON.parse(JSON.stringify(first.state()));
        const second = createQueueLogParser({ state: saved });
        for (let i = k; i < lines.length; i++) second.push(lines[i], i + 1);
        const b = second.finish({ closeOpenAsUnknown: true });
        expect(sortByKey([...a.contacts, ...b.contacts])).toEqual(sortByKey(whole.contacts));
        expect([...a.spans, ...b.spans].map((s) => s.key).sort()).toEqual(whole.spans.map((s) => s.key).sort());
      }),
      { numRuns: 30 },
    );
  });

  it('importing the same file twice gives the same keys, and the report counts each call once', () => {
    const lines = logOf(11, 800);
    const once = parse(lines).contacts;
    const twice = [...once, ...parse(lines).contacts];
    const opts = { interval: 'day' as const, timeZone: 'Asia/Shanghai', by: 'queue' as const };
    expect(aggregateIntervals(twice, opts)).toEqual(aggregateIntervals(once, opts));
    expect(new Set(once.map((c) => c.key)).size).toBe(once.length);
  });
});
