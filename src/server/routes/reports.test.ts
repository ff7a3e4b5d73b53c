import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aggregateIntervals } from '../../domain/metrics/intervals.ts';
import { generateQueueLog } from '../../ingest/queue-log/generate.ts';
import { createQueueLogParser } from '../../ingest/queue-log/parser.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

// 2026-01-05 09:00 +08:00 as epoch seconds, for a hand-written log.
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0) / 1000;
const at = (s: number) => T0 + s;
const SMALL_LOG = [
  `${at(0)}|c1|support|NONE|ENTERQUEUE||13800000001|1`,
  `${at(10)}|c1|support|PJSIP/1001|CONNECT|10|c1.1|2`,
  `${at(130)}|c1|support|PJSIP/1001|COMPLETECALLER|10|120|1`,
  `${at(60)}|c2|support|NONE|ENTERQUEUE||13800000002|1`,
  `${at(90)}|c2|support|PJSIP/1002|CONNECT|30|c2.1|1`,
  `${at(150)}|c2|support|PJSIP/1002|COMPLETEAGENT|30|60|1`,
  `${at(100)}|c3|support|NONE|ENTERQUEUE||13800000003|1`,
  `${at(103)}|c3|support|NONE|ABANDON|1|1|3`,
].sort((a, b) => Number(a.split('|')[0]) - Number(b.split('|')[0]));

describe.each(TEST_DIALECTS)('reports API on %s', (dialect) => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = (await t.signIn('admin')).headers;
  });
  afterAll(() => t.close());

  test('an uploaded log shows in the interval report with hand-computed numbers', async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/queue-log',
      headers: admin,
      payload: { text: `${SMALL_LOG.join('\n')}\nbad line\n` },
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ contacts: 3, errors: [{ line: 9 }] });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-05&to=2026-01-06&interval=day',
      headers: admin,
    });
    const [row] = res.json().items;
    // 3 offered; c1 answered after 10 s, c2 after 30 s (over T = 20), c3 abandoned after 3 s (a short abandon).
    expect(row).toMatchObject({
      queue: 'support',
      offered: 3,
      answered: 2,
      abandoned: 1,
      shortAbandoned: 1,
      answeredWithinThreshold: 1,
    });
    expect(row.serviceLevel).toBeCloseTo(1 / 3, 12);
    expect(row.asaSeconds).toBe(20);
    expect(row.ahtSeconds).toBe(90); // (120 + 60) / 2, no hold or wrap-up recorded
    expect(res.json().total).toMatchObject({ offered: 3, answered: 2, asaSeconds: 20 });
    const sl3 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-05&to=2026-01-06&interval=day&slDefinition=3',
      headers: admin,
    });
    expect(sl3.json().items[0].serviceLevel).toBeCloseTo(1 / 2, 12); // 1 / (3 − 1 short abandon)
  });

  test('a bigger generated log gives the same table through the store as computed directly', async () => {
    const lines: string[] = [];
    generateQueueLog({ seed: 11, lines: 3000, agents: 10, startMs: Date.UTC(2026, 1, 1, -8) }, (l) => lines.push(l));
    await t.app.inject({ method: 'POST', url: '/api/v1/imports/queue-log', headers: admin, payload: { text: lines.join('\n') } });
    const parser = createQueueLogParser();
    for (const [i, l] of lines.entries()) parser.push(l, i + 1);
    const direct = aggregateIntervals(parser.finish().contacts, { interval: 60, timeZone: 'Asia/Shanghai', by: 'queue' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-02-01&to=2026-02-10&interval=60',
      headers: admin,
    });
    const api = res.json().items as typeof direct;
    expect(api.length).toBe(direct.length);
    for (const [i, r] of direct.entries()) {
      expect(api[i]).toMatchObject({
        queue: r.queue,
        intervalStart: r.intervalStart,
        offered: r.offered,
        answered: r.answered,
        answeredWithinThreshold: r.answeredWithinThreshold,
      });
      if (r.ahtSeconds !== null) expect(api[i].ahtSeconds).toBeCloseTo(r.ahtSeconds, 9);
    }
  });

  test('the center summary sums every queue before taking ratios', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/summary?from=2026-01-05&to=2026-01-06&interval=day',
      headers: admin,
    });
    expect(res.json().total).toMatchObject({ offered: 3, answered: 2, abandoned: 1 });
    expect(res.json().total.asaSeconds).toBe(20);
    expect(res.json().intervals).toHaveLength(1);
  });

  test('exports: CSV with BOM and neutralised cells; xlsx', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-05&to=2026-01-06&interval=day&format=csv',
      headers: admin,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF技能组,')).toBe(true);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-05&to=2026-01-06&interval=day&format=xlsx',
      headers: admin,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The agent-time and repeat-contact tables export the same way.
    const agentCsv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/agent-time?from=2026-01-05&to=2026-01-06&interval=day&format=csv',
      headers: admin,
    });
    expect(agentCsv.headers['content-type']).toContain('text/csv');
    expect(agentCsv.body.startsWith('\uFEFF话务员,时段开始,')).toBe(true);
    expect(agentCsv.body).toContain('PJSIP/1001');
    const repeatXlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/repeat-contacts?from=2026-01-05&to=2026-01-06&format=xlsx',
      headers: admin,
    });
    expect(repeatXlsx.headers['content-disposition']).toContain('repeat-contacts.xlsx');
    expect(repeatXlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  test('mapping a queue to a skill group reports it under the group, with the group threshold', async () => {
    const sg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/skill-groups',
      headers: admin,
      payload: { code: 'sup', name: '技术支持', slThresholdSeconds: 30 },
    });
    const unmapped = await t.app.inject({ method: 'GET', url: '/api/v1/mappings', headers: admin });
    expect(unmapped.json().unmapped.queues).toContain('support');
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/mappings/queues',
      headers: admin,
      payload: { queueName: 'support', skillGroupId: sg.json().id },
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-05&to=2026-01-06&interval=day',
      headers: admin,
    });
    // With T = 30 s, c2 (30 s) is now within the threshold.
    expect(res.json().items[0]).toMatchObject({ queue: '技术支持', answeredWithinThreshold: 2, handled: 2 });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/mappings', headers: admin });
    expect(after.json().unmapped.queues).not.toContain('support');
    // The group's threshold lowered to 5 s: c1 (10 s) and c2 (30 s) are both over it — the cells are counted again.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/skill-groups/${sg.json().id}`,
      headers: admin,
      payload: { slThresholdSeconds: 5 },
    });
    expect(patched.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-05&to=2026-01-06&interval=day',
      headers: admin,
    });
    expect(again.json().items[0]).toMatchObject({ queue: '技术支持', answeredWithinThreshold: 0, abandonedAfterThreshold: 0 });
  });

  test('bad dates are problems naming the field', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-13-05&to=2026-01-06',
      headers: admin,
    });
    expect(res.statusCode).toBe(400);
    const back = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/intervals?from=2026-01-06&to=2026-01-05',
      headers: admin,
    });
    expect(back.statusCode).toBe(400);
  });
});
