import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

// Calls of 2026-03-02 in the center's zone (+08:00), fed through the CSV upload and the event API.
const CSV = [
  'call_id,queue,caller,entered_at,answered_at,ended_at,agent,outcome,acw_seconds',
  'k1,complaints,13800000001,2026-03-02 09:00:00,2026-03-02 09:00:08,2026-03-02 09:02:08,PJSIP/2001,answered,30',
  'k2,complaints,13800000002,2026-03-02 09:01:00,,2026-03-02 09:01:50,,abandoned,',
  'k3,complaints,13800000003,not a time,,,,abandoned,',
].join('\n');

describe.each(TEST_DIALECTS)('ingest API on %s', (dialect) => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  const day = async (queue: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/intervals?from=2026-03-02&to=2026-03-03&interval=day&queue=${queue}`,
      headers: admin,
    });
    return res.json().items[0];
  };

  test('a CSV of call records: good rows stored, the bad one reported with its line; a second upload adds nothing', async () => {
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/imports/call-csv', headers: admin, payload: { csv: CSV } });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ contacts: 2, errors: [{ line: 4 }] });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/imports/call-csv', headers: admin, payload: { csv: CSV } });
    expect(again.json().contacts).toBe(0);
    // k1 answered after 8 s (talk 120 s + ACW 30 s), k2 abandoned after 50 s.
    expect(await day('complaints')).toMatchObject({
      offered: 2,
      answered: 1,
      abandoned: 1,
      answeredWithinThreshold: 1,
      abandonedAfterThreshold: 1,
      asaSeconds: 8,
      ahtSeconds: 150,
      handled: 1,
    });
  });

  test('the event API: contacts and agent states, idempotent across repeated batches', async () => {
    const at = (hhmm: string) => `2026-03-02T${hhmm}:00+08:00`;
    const events = [
      {
        type: 'contact',
        callId: 'e1',
        queue: 'callback',
        enteredAt: at('10:00'),
        outcome: 'answered',
        answeredAt: at('10:01'),
        endedAt: at('10:05'),
        agent: 'A7',
        acwSeconds: 20,
      },
      { type: 'contact', callId: 'e2', queue: 'callback', enteredAt: at('10:02'), outcome: 'timeout', endedAt: at('10:07') },
      { type: 'agent_state', agent: 'A7', state: 'ready', at: at('09:00') },
      { type: 'agent_state', agent: 'A7', state: 'talking', at: at('10:01') },
      { type: 'agent_state', agent: 'A7', state: 'acw', at: at('10:05') },
      { type: 'agent_state', agent: 'A7', state: 'logged_out', at: at('10:06') },
      { type: 'nonsense' },
    ];
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: admin, payload: { events } });
    expect(first.statusCode).toBe(200);
    expect(first.json().contacts).toBe(2);
    expect(first.json().errors).toHaveLength(1);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: admin,
      payload: { events: events.filter((e) => e.type === 'contact') },
    });
    expect(second.json().contacts).toBe(0);
    // e1: answered after 60 s, talk 240 s (end − answer, not sent) + ACW 20 s; e2 timed out.
    expect(await day('callback')).toMatchObject({
      offered: 2,
      answered: 1,
      otherExits: 1,
      timeout: 1,
      asaSeconds: 60,
      ahtSeconds: 260,
    });
    const time = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/agent-time?from=2026-03-02&to=2026-03-03&interval=day',
      headers: admin,
    });
    // Logged in 09:00–10:06: talking 10:01–10:05, ACW 10:05–10:06, idle the rest.
    expect(time.json().items).toMatchObject([
      { agent: 'A7', loggedInSeconds: 66 * 60, talkingSeconds: 240, acwSeconds: 60, idleSeconds: 61 * 60 },
    ]);
    // Nothing usable at all is a 422 naming the problem.
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: admin,
      payload: { events: [{ type: 'nonsense' }] },
    });
    expect(bad.statusCode).toBe(422);
  });
});
