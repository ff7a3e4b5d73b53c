import { describe, expect, it } from 'vitest';
import { parseCallCsv } from './call-csv.ts';

const CSV = `call_id,queue,caller,entered_at,answered_at,ended_at,agent,outcome,talk_seconds,hold_seconds,acw_seconds,transferred
A1,support,13800000001,2026-01-05 09:01:00,2026-01-05 09:01:12,2026-01-05 09:03:12,1002,answered,,10,60,false
A2,support,,2026-01-05T09:05:00+08:00,,2026-01-05T09:05:03+08:00,,abandoned,,,,
A3,support,138,2026-01-05 09:06:00,,,,lost,,,,
A4,,138,2026-01-05 09:06:00,,,,abandoned,,,,
A5,support,138,yesterday,,,,abandoned,,,,
A6,support,138,2026-01-05 09:07:00,,,1001,answered,,,,
A7,sales,139,1767575400,1767575420,1767575520,1001,answered,95,5,0,是
`;

describe('parseCallCsv', () => {
  const { contacts, errors } = parseCallCsv(CSV);
  it('names the line and field of each bad row and keeps the good ones', () => {
    expect(errors).toEqual([
      { line: 4, reason: expect.stringMatching(/^outcome: /) },
      { line: 5, reason: 'queue: is required' },
      { line: 6, reason: 'entered_at: "yesterday" is not a date-time' },
      { line: 7, reason: 'answered_at: is required when outcome is answered' },
    ]);
    expect(contacts.map((c) => c.callId)).toEqual(['A1', 'A2', 'A7']);
  });
  it('computes wait and talk from the times when not given', () => {
    // Entered 09:01:00+08:00 = 01:01:00Z; answered 12 s later; talk = 09:03:12 − 09:01:12 = 120 s.
    expect(contacts[0]).toMatchObject({
      key: `csv:A1:support:${Date.UTC(2026, 0, 5, 1, 1) / 1000}`,
      enteredAt: Date.UTC(2026, 0, 5, 1, 1),
      waitSeconds: 12,
      talkSeconds: 120,
      holdSeconds: 10,
      acwSeconds: 60,
      transferred: false,
      agent: '1002',
    });
    expect(contacts[1]).toMatchObject({ outcome: 'abandoned', waitSeconds: 3, callerId: null, agent: null });
    expect(contacts[2]).toMatchObject({
      enteredAt: 1767575400000,
      waitSeconds: 20,
      talkSeconds: 95,
      holdSeconds: 5,
      transferred: true,
    });
  });
  it('reads a file with its own headers through a mapping', () => {
    const mapped = `流水号,技能组,进队时间,结果,接通时间,结束时间\nX1,售后,2026-01-05 10:00:00,answered,2026-01-05 10:00:30,2026-01-05 10:02:30\n`;
    const r = parseCallCsv(mapped, {
      mapping: {
        call_id: '流水号',
        queue: '技能组',
        entered_at: '进队时间',
        outcome: '结果',
        answered_at: '接通时间',
        ended_at: '结束时间',
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.contacts[0]).toMatchObject({ queue: '售后', waitSeconds: 30, talkSeconds: 120 });
  });
});
