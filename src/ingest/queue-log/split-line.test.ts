import { describe, expect, it } from 'vitest';
import { LineFields, scanQueueLogLine, splitQueueLogLine } from './split-line.ts';
import { Verb, verbOf } from './verbs.ts';

describe('splitQueueLogLine', () => {
  it('splits a newer line with one field per datum', () => {
    expect(splitQueueLogLine('1366720340|1366720340.303267|MYQUEUE|SIP/8007|CONNECT|6|1366720334.303266|0')).toEqual({
      time: 1366720340000,
      callId: '1366720340.303267',
      queue: 'MYQUEUE',
      agent: 'SIP/8007',
      event: 'CONNECT',
      data: ['6', '1366720334.303266', '0'],
    });
  });
  it('reads the older single quoted data field the same way', () => {
    const a = splitQueueLogLine('1366720340|1366720340.303267|MYQUEUE|SIP/8007|CONNECT|"6|1366720334.303266|0"');
    const b = splitQueueLogLine('1366720340|1366720340.303267|MYQUEUE|SIP/8007|CONNECT|6|1366720334.303266|0');
    expect(a).toEqual(b);
  });
  it('accepts a line without data and a CRLF ending', () => {
    expect(splitQueueLogLine('1366720000|NONE|NONE|NONE|QUEUESTART\r')).toMatchObject({ event: 'QUEUESTART', data: [] });
  });
  it('reads a realtime-table local time in the given zone', () => {
    // 2012-07-03 15:27:23 in Asia/Shanghai (UTC+8) is 07:27:23Z.
    const r = splitQueueLogLine('2012-07-03 15:27:23.896208|NONE|q1|Agent/3001|UNPAUSE|');
    expect(r).toMatchObject({ time: Date.UTC(2012, 6, 3, 7, 27, 23, 896) });
  });
  it('names the problem of a bad line', () => {
    expect(splitQueueLogLine('garbage')).toEqual({ error: expect.stringContaining('5 fields') });
    expect(splitQueueLogLine('yesterday|1.1|q|NONE|ENTERQUEUE')).toEqual({ error: expect.stringContaining('time "yesterday"') });
  });

  it('reads a line in place inside a block as it reads the line alone', () => {
    const lines = [
      '1366720340|1366720340.303267|MYQUEUE|SIP/8007|CONNECT|6|1366720334.303266|0',
      '1366720340|c1|q|NONE|CONNECT|"6|x|0"\r',
      '1366720341.5|c1|q|NONE| ABANDON |"1"| 2 |3',
      '2012-07-03 15:27:23|NONE|q1|Agent/3001|PAUSE|',
      '   ',
      'garbage',
    ];
    const text = lines.join('\n');
    const f = new LineFields();
    let from = 0;
    for (const line of lines) {
      const problem = scanQueueLogLine(text, from, from + line.length, 'Asia/Shanghai', f);
      const alone = splitQueueLogLine(line);
      if (problem === null) {
        const data = Array.from({ length: f.count }, (_, i) => f.data(i));
        expect({ time: f.time, callId: f.callId(), queue: f.queue(), agent: f.agent(), event: f.event(), data }).toEqual(alone);
        data.forEach((d, i) => {
          expect(f.num(i)).toBe(d?.trim() === '' ? Number.NaN : Number(d));
        });
      } else if (problem === '') expect(line.trim()).toBe('');
      else expect(alone).toEqual({ error: problem });
      from += line.length + 1;
    }
  });
  it('knows each verb by its text, and no other text', () => {
    const verb = (v: string) => verbOf(`x|${v}|y`, 2, 2 + v.length);
    expect(verb('CONNECT')).toBe(Verb.CONNECT);
    expect(verb('UNPAUSEALL')).toBe(Verb.UNPAUSEALL);
    expect(verb('RINGCANCELED')).toBe(Verb.IGNORED);
    expect(verb('CONNECTED')).toBe(Verb.UNKNOWN);
    expect(verb('connect')).toBe(Verb.UNKNOWN);
  });
});
