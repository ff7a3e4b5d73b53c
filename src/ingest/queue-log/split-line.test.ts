import { describe, expect, it } from 'vitest';
import { splitQueueLogLine } from './split-line.ts';

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
});
