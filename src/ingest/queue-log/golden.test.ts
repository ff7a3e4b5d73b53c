import { describe, expect, it } from 'vitest';
import { aggregateIntervals } from '../../domain/metrics/intervals.ts';
import { createQueueLogParser } from './parser.ts';

/** Epoch seconds of hh:mm:ss on Mon 2026-01-05 in Asia/Shanghai (UTC+8). */
const t = (hms: string): number => {
  const [h, m, s] = hms.split(':').map(Number);
  return Date.UTC(2026, 0, 5, h - 8, m, s) / 1000;
};

// A hand-made log touching every verb; the expected table below is worked out by hand from it.
const GOLDEN_LOG = [
  `${t('08:59:50')}|NONE|NONE|NONE|QUEUESTART|`,
  `${t('09:00:00')}|NONE|support|SIP/1001|ADDMEMBER|`,
  `${t('09:00:00')}|NONE|support|PJSIP/1002|ADDMEMBER|`,
  `${t('09:00:00')}|CLI|support|Local/2004@from-internal/n|ADDMEMBER|`,
  `${t('09:00:30')}|NONE|NONE|Agent/3001|AGENTLOGIN|SIP/3001`,
  `${t('09:01:00')}|c1|support|NONE|DID|4008001234`,
  `${t('09:01:00')}|c1|support|NONE|ENTERQUEUE||13800000001|1`,
  `${t('09:01:05')}|c1|support|SIP/1001|RINGNOANSWER|5000`,
  `${t('09:01:10')}|c1|support|SIP/1001|RINGCANCELED|2000`,
  `${t('09:01:12')}|c1|support|PJSIP/1002|CONNECT|12|c1-agent|3`,
  `${t('09:03:12')}|c1|support|PJSIP/1002|COMPLETECALLER|12|120|1`,
  `${t('09:03:15')}|NONE|support|PJSIP/1002|PAUSE|ACW`, // 3 s after c1 ended: c1's after-call work
  `${t('09:04:15')}|NONE|support|PJSIP/1002|UNPAUSE|ACW`,
  `${t('09:05:00')}|c2|support|NONE|ENTERQUEUE||13800000002|1`,
  `${t('09:05:03')}|c2|support|NONE|ABANDON|1|1|3`,
  `${t('09:06:00')}|c3|support|NONE|ENTERQUEUE||13800000003|1`,
  `${t('09:06:40')}|c3|support|NONE|ABANDON|1|1|40`,
  `${t('09:10:00')}|c4|support|NONE|ENTERQUEUE||13800000001|1`,
  `${t('09:10:30')}|c4|support|SIP/1001|CONNECT|30|c4-agent|5`,
  `${t('09:11:00')}|NONE|support|SIP/1001|PAUSE|Toilet`, // paused mid-call
  `${t('09:12:30')}|c4|support|SIP/1001|TRANSFER|2000|from-internal|30|120|1`,
  `${t('09:14:00')}|c5|support|NONE|ENTERQUEUE||13800000005|1`,
  `${t('09:14:30')}|NONE|support|SIP/1001|UNPAUSE|`,
  `${t('09:14:50')}|c5|support|NONE|EXITWITHTIMEOUT|1`, // old form: position only, wait from the times
  `${t('09:14:55')}|c6|support|NONE|ENTERQUEUE||13800000006|1`,
  `${t('09:15:05')}|c6|support|Local/2004@from-internal/n|CONNECT|10|c6-agent|2`,
  `${t('09:16:00')}|c7|support|NONE|ENTERQUEUE||13800000007|1`,
  `${t('09:16:20')}|c7|support|NONE|EXITWITHKEY|5|1|1|20`,
  `${t('09:17:00')}|c8|support|NONE|ENTERQUEUE||13800000008|1`,
  `${t('09:17:30')}|c8|support|NONE|EXITEMPTY|1|1|30`,
  `${t('09:18:00')}|c9|support|NONE|ENTERQUEUE||13800000009|1`, // never ends
  `${t('09:20:00')}|NONE|NONE|NONE|CONFIGRELOAD|`,
  `${t('09:20:05')}|c6|support|Local/2004@from-internal/n|COMPLETEAGENT|10|300|1`,
  `${t('09:21:00')}|c10|support|NONE|ENTERQUEUE||13800000010|1`,
  `${t('09:21:20')}|c10|support|SIP/1001|CONNECT|20|c10-agent|1`,
  'this is not a queue_log line',
  `${t('09:21:30')}|CLI|support|NONE|ENTERQUEUE||1|1`,
  `${t('09:22:00')}|c11|support|NONE|ENTERQUEUE||13800000011|1`,
  `${t('09:22:01')}|c11|support|PJSIP/1002|CONNECT|1|c11-agent|1`, // still talking at the end of the file
  `${t('09:25:00')}|c10|support|SIP/1001|ATTENDEDTRANSFER|BRIDGE|b-1|20|220|1`,
  `${t('09:26:00')}|c12|support|NONE|ENTERQUEUE||13800000012|1`,
  `${t('09:26:10')}|c12|support|NONE|ABANDON|1|1|10`,
  `${t('09:27:00')}|NONE|NONE|Agent/3001|PAUSEALL|Lunch`,
  `${t('09:27:00')}|NONE|q2|Agent/3001|PAUSE|Lunch`,
  `${t('09:28:00')}|NONE|q2|Agent/3001|UNPAUSE|`,
  `${t('09:28:00')}|NONE|NONE|Agent/3001|UNPAUSEALL|`,
  `${t('09:29:00')}|NONE|NONE|Agent/3001|AGENTLOGOFF|SIP/3001|510`,
  `${t('09:29:30')}|NONE|support|SIP/1001|REMOVEMEMBER|`,
  `${t('09:29:40')}|NONE|support|NONE|MYCUSTOMEVENT|x`,
];

function parseAll(lines: string[]) {
  const p = createQueueLogParser();
  for (let i = 0; i < lines.length; i++) p.push(lines[i], i + 1);
  return p.finish({ closeOpenAsUnknown: true });
}

describe('queue_log golden file', () => {
  const out = parseAll(GOLDEN_LOG);
  const byCall = new Map(out.contacts.map((c) => [c.callId, c]));

  it('reports the bad lines with their numbers and imports the rest', () => {
    expect(out.errors).toEqual([
      { line: 36, reason: expect.stringContaining('5 fields') },
      { line: 37, reason: 'ENTERQUEUE: call id "CLI" is not a call' },
    ]);
    expect(out.unknownEvents).toEqual({ MYCUSTOMEVENT: 1 });
    expect(out.contacts).toHaveLength(12);
  });

  it('reads each call as a hand reading of the log would', () => {
    expect(byCall.get('c1')).toMatchObject({
      outcome: 'answered',
      waitSeconds: 12,
      talkSeconds: 120,
      acwSeconds: 60,
      agent: 'PJSIP/1002',
      ringNoAnswer: 1,
      callerId: '13800000001',
    });
    expect(byCall.get('c4')).toMatchObject({
      outcome: 'answered',
      waitSeconds: 30,
      talkSeconds: 120,
      acwSeconds: 0,
      transferred: true,
    });
    expect(byCall.get('c5')).toMatchObject({ outcome: 'timeout', waitSeconds: 50 }); // 09:14:50 − 09:14:00
    expect(byCall.get('c6')).toMatchObject({
      outcome: 'answered',
      waitSeconds: 10,
      talkSeconds: 300,
      agent: 'Local/2004@from-internal/n',
    });
    expect(byCall.get('c7')).toMatchObject({ outcome: 'exit_key', waitSeconds: 20 });
    expect(byCall.get('c8')).toMatchObject({ outcome: 'exit_empty', waitSeconds: 30 });
    expect(byCall.get('c9')).toMatchObject({ outcome: 'unknown', waitSeconds: null, endedAt: null });
    expect(byCall.get('c10')).toMatchObject({ outcome: 'answered', waitSeconds: 20, talkSeconds: 220, transferred: true });
    expect(byCall.get('c11')).toMatchObject({ outcome: 'answered', waitSeconds: 1, endedAt: null });
    expect(byCall.get('c1')?.key).toBe(`ql:c1:support:${t('09:01:00')}`);
  });

  it('builds agent spans: ACW after the call, a mid-call pause counted from the call end only', () => {
    const spans = out.spans.map((s) => ({ agent: s.agent, state: s.state, reason: s.reason, seconds: (s.end - s.start) / 1000 }));
    expect(spans).toContainEqual({ agent: 'PJSIP/1002', state: 'acw', reason: 'ACW', seconds: 60 });
    // Paused 09:11:00 during c4 which ended 09:12:30; unpaused 09:14:30 → 120 s paused, not 210.
    expect(spans).toContainEqual({ agent: 'SIP/1001', state: 'paused', reason: 'Toilet', seconds: 120 });
    // PAUSEALL + per-queue PAUSE are one pause of 60 s; login 09:00:30 → logoff 09:29:00.
    expect(spans.filter((s) => s.agent === 'Agent/3001')).toEqual([
      { agent: 'Agent/3001', state: 'paused', reason: 'Lunch', seconds: 60 },
      { agent: 'Agent/3001', state: 'logged_in', reason: null, seconds: 1710 },
    ]);
    expect(spans).toContainEqual({ agent: 'SIP/1001', state: 'logged_in', reason: null, seconds: 1770 }); // 09:00:00 → 09:29:30
    expect(spans).toContainEqual({ agent: 'SIP/1001', state: 'talking', reason: null, seconds: 120 });
  });

  it('gives the hand-computed 15-minute table', () => {
    const rows = aggregateIntervals(out.contacts, { interval: 15, timeZone: 'Asia/Shanghai', by: 'queue', slDefinition: 2 });
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    // 09:00–09:15 entered: c1 ans 12 s, c2 abandon 3 s (short), c3 abandon 40 s, c4 ans 30 s, c5 timeout 50 s, c6 ans 10 s.
    expect(a).toMatchObject({
      queue: 'support',
      intervalStart: '2026-01-05T09:00:00+08:00',
      offered: 6,
      answered: 3,
      abandoned: 2,
      shortAbandoned: 1,
      otherExits: 1,
      unknownEnd: 0,
      answeredWithinThreshold: 2,
      abandonedAfterThreshold: 1,
      transferred: 1,
      serviceLevel: 2 / (3 + 1),
      answerRate: 3 / 6,
      maxWaitSeconds: 50,
      avgAbandonSeconds: (3 + 40) / 2,
    });
    expect(a.asaSeconds).toBeCloseTo((12 + 30 + 10) / 3, 10);
    expect(a.ahtSeconds).toBeCloseTo((120 + 60 + 120 + 300) / 3, 10); // c1 talk+ACW, c4, c6
    expect(a.talkSeconds).toBeCloseTo((120 + 120 + 300) / 3, 10);
    expect(a.acwSeconds).toBeCloseTo(60 / 3, 10);
    // 09:15–09:30: c7 key 20 s, c8 empty 30 s, c9 no end, c10 ans 20 s (= T counts), c11 ans 1 s (no end), c12 abandon 10 s.
    expect(b).toMatchObject({
      intervalStart: '2026-01-05T09:15:00+08:00',
      offered: 6,
      answered: 2,
      abandoned: 1,
      shortAbandoned: 0,
      otherExits: 2,
      unknownEnd: 1,
      answeredWithinThreshold: 2,
      abandonedAfterThreshold: 0,
      serviceLevel: 2 / 2,
      maxWaitSeconds: 30,
      asaSeconds: (20 + 1) / 2,
      ahtSeconds: 220,
      avgAbandonSeconds: 10,
      transferred: 1,
    });
    const sl1 = aggregateIntervals(out.contacts, { interval: 15, timeZone: 'Asia/Shanghai', by: 'queue', slDefinition: 1 });
    const sl3 = aggregateIntervals(out.contacts, { interval: 15, timeZone: 'Asia/Shanghai', by: 'queue', slDefinition: 3 });
    expect(sl1.map((r) => r.serviceLevel)).toEqual([2 / 6, 2 / 6]);
    expect(sl3.map((r) => r.serviceLevel)).toEqual([2 / (6 - 1), 2 / 6]);
  });

  it('rolls up by hour, by agent and by team', () => {
    const hour = aggregateIntervals(out.contacts, { interval: 60, timeZone: 'Asia/Shanghai', by: 'queue' });
    expect(hour).toMatchObject([{ offered: 12, answered: 5, abandoned: 3, otherExits: 3, unknownEnd: 1 }]);
    const agents = aggregateIntervals(out.contacts, { interval: 'day', timeZone: 'Asia/Shanghai', by: 'agent' });
    expect(agents.map((r) => [r.agent, r.answered, r.offered])).toEqual(
      [
        [null, 0, 7], // unanswered calls have no agent
        ['Local/2004@from-internal/n', 1, 1],
        ['PJSIP/1002', 2, 2],
        ['SIP/1001', 2, 2],
      ].sort((x, y) => String(x[0] ?? '').localeCompare(String(y[0] ?? ''))),
    );
    const teams = aggregateIntervals(out.contacts, {
      interval: 'day',
      timeZone: 'Asia/Shanghai',
      by: 'team',
      agentMap: { 'SIP/1001': '1001', 'PJSIP/1002': '1002' },
      agentToTeam: { '1001': 'A', '1002': 'A' },
    });
    expect(teams.find((r) => r.team === 'A')).toMatchObject({ answered: 4 });
  });

  it('a mapped queue reports under its skill group and its threshold', () => {
    const rows = aggregateIntervals(out.contacts, {
      interval: 'day',
      timeZone: 'Asia/Shanghai',
      by: 'queue',
      queueToGroup: { support: '售后' },
      thresholds: { 售后: 10 },
    });
    // T = 10 s: of the answered waits 12, 30, 10, 20, 1 only c6 (10) and c11 (1) are within.
    expect(rows).toMatchObject([{ queue: '售后', answeredWithinThreshold: 2, offered: 12 }]);
  });
});
