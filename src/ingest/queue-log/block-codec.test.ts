import { describe, expect, it } from 'vitest';
import { blockDecoder, blockEncoder } from './block-codec.ts';
import { generateQueueLog } from './generate.ts';
import { createQueueLogParser } from './parser.ts';
import { linkTalkingSpans, talkingSpanOf } from './talking-span.ts';

describe('block codec', () => {
  it('gives back, block after block, what the parser produced, with the hints of each block', () => {
    const lines: string[] = [];
    generateQueueLog({ seed: 9, lines: 3000, agents: 7, peakCallsPerHour: 40 }, (l) => lines.push(l));
    lines.splice(100, 0, 'not a line', `${lines[100].split('|')[0]}|x|q|NONE|MYEVENT|1`);
    const parser = createQueueLogParser();
    const encode = blockEncoder();
    const decode = blockDecoder();
    for (let from = 0; from < lines.length; from += 700) {
      parser.pushBlock(lines.slice(from, from + 700).join('\n'), from + 1);
      const block = { ...parser.drain(), stateJson: JSON.stringify(parser.state()) };
      const { wire, transfer } = encode(block);
      const back = decode(structuredClone(wire, { transfer }));
      const { hints, ...rest } = back;
      expect(rest).toEqual(block);
      expect(hints?.uniqueKeys).toBe(true);
      expect([...(hints?.talkingContact ?? [])]).toEqual([...linkTalkingSpans(block.spans, block.contacts)]);
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
