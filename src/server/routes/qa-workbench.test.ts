import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { byteRange } from './qa-workbench.ts';
import { full, type QaFixture, qaFixture } from './quality-test-setup.ts';

describe('byte ranges for the player', () => {
  test('reads the three forms and refuses what it cannot serve', () => {
    expect(byteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=500-5000', 1000)).toEqual({ start: 500, end: 999 });
    expect(byteRange('bytes=1000-', 1000)).toBeNull();
    expect(byteRange('items=0-1', 1000)).toBeNull();
    expect(byteRange(undefined, 1000)).toBeNull();
  });
});

describe.each(TEST_DIALECTS)('QA workbench API on %s', (dialect) => {
  let f: QaFixture;
  const DAY = 86_400_000;
  beforeAll(async () => {
    f = await qaFixture(dialect);
    const db = f.t.handle.db;
    await db
      .insertInto('agent_map')
      .values([
        { identity: '1001', agent_id: f.agentA },
        { identity: '1002', agent_id: f.agentB },
      ])
      .execute();
    const now = Date.UTC(2026, 10, 24, 2, 0, 0); // the test app's clock
    const contact = (key: string, agent: string, at: number, answered = true) => ({
      key,
      call_id: key,
      queue: 'gov',
      caller_id: '13812345678',
      entered_at: at,
      outcome: answered ? 'answered' : 'abandoned',
      wait_seconds: 5,
      answered_at: answered ? at + 5000 : null,
      ended_at: at + 200_000,
      agent: answered ? agent : null,
      talk_seconds: 150,
      hold_seconds: 10,
      acw_seconds: 30,
      transferred: 0,
      ring_no_answer: 0,
      source: 'test',
      recording_url: `/rec/${key}.wav`,
    });
    await db
      .insertInto('contact')
      .values([
        contact('c1', 'SIP/1001', now - 2 * DAY),
        contact('c2', '1001', now - DAY),
        contact('c3', '1002', now - DAY),
        contact('c4', '1001', now - 20 * DAY),
        contact('c5', '', now - DAY, false),
      ])
      .execute();
    const ev = (agentId: number, contactKey: string, over: Record<string, object>) =>
      f.t.app.inject({
        method: 'POST',
        url: '/api/v1/qa/evaluations',
        headers: f.h.qa,
        payload: { scorecardId: f.cardId, agentId, contactKey, answers: full(over) },
      });
    await ev(f.agentA, 'c1', { greeting: { points: 5 } });
    await ev(f.agentA, 'c2', { greeting: { points: 5 }, policy: { points: 0 } });
    await ev(f.agentB, 'c3', { tone: { option: '差' } });
  });
  afterAll(() => f.t.close());

  const get = (url: string, who: keyof QaFixture['h'] = 'qa', headers: Record<string, string> = {}) =>
    f.t.app.inject({ method: 'GET', url, headers: { ...f.h[who], ...headers } });

  test("an agent's contacts of the last 7 days, whatever channel prefix the ACD wrote, newest first, with evaluation counts", async () => {
    const r = await get(`/api/v1/qa/contacts?agentId=${f.agentA}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((c: { key: string }) => c.key)).toEqual(['c2', 'c1']);
    expect(r.json().items[0]).toMatchObject({ recordingUrl: '/rec/c2.wav', handleSeconds: 190, evaluations: 1 });
    // An agent lists their own contacts (to evaluate themselves), nobody else's.
    expect((await get(`/api/v1/qa/contacts?agentId=${f.agentA}`, 'agent')).json().items).toHaveLength(2);
    expect((await get(`/api/v1/qa/contacts?agentId=${f.agentB}`, 'agent')).statusCode).toBe(404);
    expect((await get(`/api/v1/qa/contacts?agentId=${f.agentA}`, 'team_lead')).statusCode).toBe(403);
  });

  test('evaluators are the QA users and managers', async () => {
    const names = (await get('/api/v1/qa/evaluators')).json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['qa', 'qa2', 'manager']));
    expect(names).not.toContain('agent');
  });

  test('agent × item: failures per item counted by hand, team leads see their team only, Excel export', async () => {
    const all = (await get('/api/v1/qa/reports/agent-items')).json();
    const a = all.rows.find((r: { agentId: number }) => r.agentId === f.agentA);
    // c1: greeting failed (score < 100); c2: greeting and the form-critical policy failed → score 0.
    expect(a).toMatchObject({ evaluations: 2, criticalFailures: 1, failed: { greeting: 2, policy: 1 } });
    expect(a.meanScore).toBeGreaterThan(0);
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual(['greeting', 'policy', 'tone']);
    const lead = (await get('/api/v1/qa/reports/agent-items', 'team_lead')).json();
    expect(lead.rows.map((r: { agentId: number }) => r.agentId)).toEqual([f.agentA]);
    const x = await get('/api/v1/qa/reports/agent-items?format=xlsx');
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const header = wb.worksheets[0]!.getRow(1).values as unknown[];
    expect(header).toContain('标准开头语（失分次数）');
  });

  test('coaching exports to Excel with agent names and item labels; a calibration session lists its contacts with recordings', async () => {
    const ev = (await get(`/api/v1/qa/evaluations?agentId=${f.agentA}`)).json().items[0];
    const created = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/qa/coaching',
      headers: f.h.qa,
      payload: { evaluationId: ev.id, dueDate: '2026-12-01', note: '=HYPERLINK("x")' },
    });
    expect(created.statusCode).toBe(201);
    const x = await get('/api/v1/qa/coaching?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row).toContain('1001 张三');
    expect(row).toContain('标准开头语、政策解答准确');
    expect(row).toContain('\'=HYPERLINK("x")'); // neutralised, never a formula
    const session = await f.t.app.inject({
      method: 'POST',
      url: '/api/v1/qa/calibrations',
      headers: f.h.qa,
      payload: {
        name: 'w',
        scorecardId: f.cardId,
        contacts: [
          { contactKey: 'c1', agentId: f.agentA },
          { contactKey: 'zz', agentId: f.agentA },
        ],
      },
    });
    const view = (await get(`/api/v1/qa/calibrations/${session.json().id}`)).json();
    expect(view.contacts).toEqual([
      { contactKey: 'c1', agentId: f.agentA, recordingUrl: '/rec/c1.wav', enteredAt: Date.UTC(2026, 10, 24, 2, 0, 0) - 2 * DAY },
      { contactKey: 'zz', agentId: f.agentA, recordingUrl: null, enteredAt: null },
    ]);
  });

  test('the demo recording is a WAV and honours byte ranges', async () => {
    const whole = await get('/api/v1/qa/demo-recording.wav', 'agent');
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.rawPayload.length).toBe(96_044);
    const part = await get('/api/v1/qa/demo-recording.wav', 'qa', { range: 'bytes=44-1043' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 44-1043/96044');
    expect(part.rawPayload.length).toBe(1000);
  });
});
