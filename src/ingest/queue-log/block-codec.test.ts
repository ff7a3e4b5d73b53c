import { describe, expect, it } from 'vitest';
import { buildCells, cubeOptionsFrom } from '../../domain/metrics/interval-cube.ts';
import { blockDecoder, blockEncoder, CELL, CELL_FIELDS } from './block-codec.ts';
import { generateQueueLog } from './generate.ts';
import { createQueueLogParser } from './parser.ts';
import { linkTalkingSpans, talkingSpanOf } from './talking-span.ts';

describe('block codec', () => {
  it('gives back, block after block, what the parser produced, with each talking span linked to its call', () => {
    const lines: string[] = [];
    generateQueueLog({ seed: 9, lines: 3000, agents: 7, peakCallsPerHour: 40 }, (l) => lines.push(l));
    lines.splice(100, 0, 'not a line', `${lines[100].split('|')[0]}|x|q|NONE|MYEVENT|1`);
    const parser = createQueueLogParser();
    const encode = blockEncoder();
    const decode = blockDecoder();
    const settings = {
      timeZone: 'Asia/Shanghai',
      queueToGroup: { sales: '销售' },
      thresholds: { 销售: 30 },
      shortAbandonSeconds: 5,
    };
    for (let from = 0; from < lines.length; from += 700) {
      parser.pushBlock(lines.slice(from, from + 700).join('\n'), from + 1);
      const block = { ...parser.drain(), stateJson: JSON.stringify(parser.state()) };
      const { wire, transfer } = encode(block, { ...settings, key: 'k' });
      const { records, ...rest } = decode(structuredClone(wire, { transfer }));
      const { contacts, spans, ...others } = block;
      expect(rest).toEqual(others);
      expect(records.contacts()).toEqual(contacts);
      expect(records.spans()).toEqual(spans);
      expect(records.uniqueKeys).toBe(true);
      expect([...records.talkingContact]).toEqual([...linkTalkingSpans(spans, contacts)]);
      // The cells as counted from the contacts, in numbers.
      const cells = buildCells(contacts, cubeOptionsFrom(settings));
      const names = records.names;
      const back = [];
      for (let o = 0; o < (records.cells?.numbers.length ?? 0); o += CELL.size) {
        const n = records.cells?.numbers.subarray(o, o + CELL.size) ?? [];
        back.push(
          Object.fromEntries(
            CELL_FIELDS.map((f, i) => [f, i === 0 ? names[n[0]] : i === 1 ? (n[1] < 0 ? null : names[n[1]]) : n[i]]),
          ),
        );
      }
      expect(records.cells?.settings).toBe('k');
      expect(back).toEqual(cells);
    }
  });

  it('links each talking span to its call, and no other span', () => {
    const parser = createQueueLogParser();
    const lines: string[] = [];
    generateQueueLog({ seed: 4, lines: 1500, agents: 5, peakCallsPerHour: 40 }, (l) => lines.push(l));
    parser.pushBlock(lines.join('\n'), 1);
    const { contacts, spans } = parser.finish({ closeOpenAsUnknown: true });
    const links = linkTalkingSpans(spans, contacts);
    spans.forEach((s, k) => {
      if (s.state !== 'talking') expect(links[k]).toBe(-1);
      else {
        const c = contacts[links[k]];
        expect([c.agent, c.queue, c.answeredAt, c.endedAt]).toEqual([s.agent, s.queue, s.start, s.end]);
      }
    });
    expect(spans.filter((s) => s.state === 'talking')).toHaveLength(contacts.filter((c) => talkingSpanOf(c)).length);
  });
});
