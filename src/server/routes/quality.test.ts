import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { CARD, full, type QaFixture, qaFixture } from './quality-test-setup.ts';

describe.each(TEST_DIALECTS)('quality API on %s', (dialect) => {
  let f: QaFixture;
  beforeAll(async () => {
    f = await qaFixture(dialect);
  });
  afterAll(() => f.t.close());

  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, who: keyof QaFixture['h'], payload?: object) =>
    f.t.app.inject({ method, url, headers: f.h[who], payload });
  const evaluate = (payload: object, who: keyof QaFixture['h'] = 'qa') =>
    inject('POST', '/api/v1/qa/evaluations', who, { scorecardId: f.cardId, agentId: f.agentA, ...payload });

  test('scores by hand: N/A leaves the points possible, scale options count their points, bonus caps a section at 100, a form-critical miss zeroes the form', async () => {
    // service: 8 + N/A + 良 3 + 是 2 = 13 of 17 possible; accuracy: 5 + bonus 2 of 5 → capped at 100.
    // total = (2 · 1300/17 + 1 · 100) / 3 = 4300/51.
    const a = await evaluate({
      answers: full({ greeting: { points: 8 }, verify: { na: true }, tone: { option: '良' }, extra: { points: 2 } }),
    });
    expect(a.statusCode).toBe(201);
    expect(a.json().score).toBeCloseTo(4300 / 51, 9);
    expect(a.json().failedItems).toEqual(['greeting', 'tone']);
    const stored = await f.t.handle.db
      .selectFrom('evaluation')
      .selectAll()
      .where('id', '=', a.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.score).toBeCloseTo(4300 / 51, 9);
    expect(JSON.parse(stored.failed_items_json)).toEqual(['greeting', 'tone']);
    expect(stored.critical_failed).toBe(0);
    const b = await evaluate({ answers: full({ policy: { points: 3 } }) });
    expect(b.json()).toMatchObject({ score: 0, criticalFailed: true, failedItems: ['policy'] });
    const bad = await evaluate({ answers: full({ greeting: { points: 11 } }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('body.answers.greeting');
    const badNote = await evaluate({ answers: full(), notes: [{ item: 'nope', atSeconds: 3, text: 'x' }] });
    expect(badNote.statusCode).toBe(422);
  });

  test('a new version leaves old evaluations on theirs', async () => {
    const old = (await evaluate({ answers: full({ greeting: { points: 9 } }) })).json();
    const v2card = {
      ...CARD,
      name: '热线通话质检表（2027版）',
      sections: [
        {
          ...CARD.sections[0]!,
          items: [{ id: 'greeting', label: '标准开头语', maxPoints: 20 }, ...CARD.sections[0]!.items.slice(1)],
        },
        CARD.sections[1]!,
      ],
    };
    const v2 = await inject('POST', '/api/v1/qa/scorecards', 'qa', { key: 'hotline', definition: v2card });
    expect(v2.json().version).toBe(2);
    // 15 points is valid on v2 only.
    expect((await evaluate({ scorecardId: f.cardId, answers: full({ greeting: { points: 15 } }) })).statusCode).toBe(422);
    expect((await evaluate({ scorecardId: v2.json().id, answers: full({ greeting: { points: 15 } }) })).statusCode).toBe(201);
    const view = (await inject('GET', `/api/v1/qa/evaluations/${old.id}`, 'qa')).json();
    expect(view.scorecard.version).toBe(1);
    expect(view.scorecard.card.sections[0].items[0].maxPoints).toBe(10);
    expect(view.score).toBeCloseTo(old.score, 12);
    const latest = (await inject('GET', '/api/v1/qa/scorecards', 'agent')).json().items;
    expect(latest).toHaveLength(1);
    expect(latest[0].version).toBe(2);
    expect(
      (await inject('GET', '/api/v1/qa/scorecards?all=true', 'qa')).json().items.map((c: { version: number }) => c.version),
    ).toEqual([2, 1]);
  });

  test('scope: agents see their own, team leads their team, others answer 404', async () => {
    const b = (await evaluate({ agentId: f.agentB, answers: full() })).json();
    const a2 = (await evaluate({ agentId: f.agentA2, answers: full() })).json();
    const mine = (await inject('GET', '/api/v1/qa/evaluations', 'agent')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: { agentId: number }) => e.agentId === f.agentA)).toBe(true);
    expect((await inject('GET', `/api/v1/qa/evaluations/${b.id}`, 'agent')).statusCode).toBe(404);
    expect((await inject('GET', `/api/v1/qa/evaluations/${a2.id}`, 'agent')).statusCode).toBe(404);
    const lead = (await inject('GET', '/api/v1/qa/evaluations', 'team_lead')).json().items;
    expect(new Set(lead.map((e: { agentId: number }) => e.agentId))).toEqual(new Set([f.agentA, f.agentA2]));
    expect((await inject('GET', `/api/v1/qa/evaluations/${a2.id}`, 'team_lead')).statusCode).toBe(200);
    expect((await inject('GET', `/api/v1/qa/evaluations/${b.id}`, 'team_lead')).statusCode).toBe(404);
    expect((await inject('GET', `/api/v1/qa/evaluations/${b.id}`, 'trainer')).statusCode).toBe(200);
    expect((await inject('POST', `/api/v1/qa/evaluations/${a2.id}/acknowledge`, 'agent')).statusCode).toBe(404);
    expect(
      (await inject('POST', '/api/v1/qa/coaching', 'team_lead', { evaluationId: b.id, dueDate: '2026-12-01' })).statusCode,
    ).toBe(404);
  });

  test('the evaluations list pages: limit and offset over the same filtered, newest-first list, with its total', async () => {
    for (let i = 0; i < 7; i++) await evaluate({ agentId: f.agentB, answers: full() });
    const page = async (who: keyof QaFixture['h'], q: string) => (await inject('GET', `/api/v1/qa/evaluations?${q}`, who)).json();
    const filter = `agentId=${f.agentB}&from=2026-11-01&to=2026-12-31`;
    const all = await page('qa', `${filter}&limit=1000`);
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(7);
    const paged: { id: number; agentId: number }[] = [];
    for (let offset = 0; offset < all.total + 3; offset += 3) {
      const p = await page('qa', `${filter}&limit=3&offset=${offset}`);
      expect(p.total).toBe(all.total);
      expect(p.items).toHaveLength(Math.max(0, Math.min(3, all.total - offset)));
      paged.push(...p.items);
    }
    // Disjoint pages, together the whole list in the same order, the filter kept on each.
    expect(paged.map((e) => e.id)).toEqual(all.items.map((e: { id: number }) => e.id));
    expect(paged.every((e) => e.agentId === f.agentB)).toBe(true);
    expect((await page('qa', 'limit=3')).total).toBeGreaterThan(all.total);
    expect((await page('qa', `agentId=${f.agentB}&to=2026-01-01&limit=3`)).total).toBe(0);
    // The scope holds for the total too: the agent counts their own only.
    const mine = await page('agent', 'limit=1');
    expect(mine.items).toHaveLength(1);
    expect(mine.total).toBe((await page('agent', 'limit=1000')).items.length);
    expect((await page('qa', `agentId=${f.agentA}&limit=1000`)).total).toBe(mine.total);
  });

  test('the evaluation view carries the contact with its recording URL, the caller masked for QA', async () => {
    await f.t.handle.db
      .insertInto('contact')
      .values({
        key: 'c-rec',
        call_id: '1700000000.1',
        queue: 'hotline',
        caller_id: '13812345678',
        entered_at: Date.UTC(2026, 10, 23, 2),
        outcome: 'answered',
        wait_seconds: 5,
        answered_at: Date.UTC(2026, 10, 23, 2, 0, 5),
        ended_at: Date.UTC(2026, 10, 23, 2, 5),
        agent: 'SIP/1001',
        talk_seconds: 280,
        hold_seconds: 10,
        acw_seconds: 30,
        transferred: 0,
        ring_no_answer: 0,
        source: 'test',
        recording_url: 'https://rec.example/2026/11/23/c-rec.wav',
      })
      .execute();
    const e = (
      await evaluate({ contactKey: 'c-rec', answers: full(), notes: [{ item: 'greeting', atSeconds: 3.5, text: '开头语完整' }] })
    ).json();
    const qaView = (await inject('GET', `/api/v1/qa/evaluations/${e.id}`, 'qa')).json();
    expect(qaView.contact).toMatchObject({
      key: 'c-rec',
      recordingUrl: 'https://rec.example/2026/11/23/c-rec.wav',
      callerId: '138****5678',
      talkSeconds: 280,
    });
    expect(qaView.notes).toEqual([{ item: 'greeting', atSeconds: 3.5, text: '开头语完整' }]);
    expect(qaView.agent).toMatchObject({ id: f.agentA, employeeNo: '1001' });
    const agentView = (await inject('GET', `/api/v1/qa/evaluations/${e.id}`, 'agent')).json();
    expect(agentView.contact.callerId).toBe('13812345678');
  });

  test('dispute: only the agent raises it, only a second evaluator decides; partly accepted re-scores by hand and the audit keeps the old score', async () => {
    // service 6 + 10 + 差 0 + 2 = 18/27; total = (2 · 1800/27 + 100)/3 = 700/9.
    const e = (await evaluate({ answers: full({ greeting: { points: 6 }, tone: { option: '差' } }) })).json();
    expect(e.score).toBeCloseTo(700 / 9, 9);
    expect((await inject('POST', `/api/v1/qa/evaluations/${e.id}/acknowledge`, 'agent')).json().status).toBe('acknowledged');
    expect(
      (
        await inject('POST', `/api/v1/qa/evaluations/${e.id}/disputes`, 'agent', {
          reason: 'x录音',
          proposal: { greeting: { points: 99 } },
        })
      ).statusCode,
    ).toBe(422);
    const d = await inject('POST', `/api/v1/qa/evaluations/${e.id}/disputes`, 'agent', {
      reason: '开头语已说完整，录音第3秒',
      proposal: { greeting: { points: 10 }, tone: { option: '优' } },
    });
    expect(d.statusCode).toBe(201);
    expect(
      (
        await inject('POST', `/api/v1/qa/evaluations/${e.id}/disputes`, 'agent', {
          reason: '再次申诉',
          proposal: { greeting: { points: 10 } },
        })
      ).statusCode,
    ).toBe(409);
    const open = (await inject('GET', '/api/v1/qa/disputes?status=open', 'qa2')).json().items;
    expect(open.find((x: { id: number }) => x.id === d.json().id)).toMatchObject({ decidableByMe: true, evaluationId: e.id });
    const url = `/api/v1/qa/disputes/${d.json().id}/decide`;
    expect((await inject('POST', url, 'qa', { decision: 'accepted' })).statusCode).toBe(403);
    expect((await inject('POST', url, 'agent', { decision: 'accepted' })).statusCode).toBe(403);
    expect((await inject('POST', url, 'qa2', { decision: 'partly_accepted', acceptedItems: ['policy'] })).statusCode).toBe(422);
    const decided = await inject('POST', url, 'qa2', {
      decision: 'partly_accepted',
      acceptedItems: ['greeting'],
      note: '开头语确认完整',
    });
    // service 10 + 10 + 0 + 2 = 22/27 → total = (2 · 2200/27 + 100)/3 = 7100/81.
    expect(decided.json().score).toBeCloseTo(7100 / 81, 9);
    expect(decided.json().failedItems).toEqual(['tone']);
    expect((await inject('POST', url, 'qa2', { decision: 'rejected' })).statusCode).toBe(409);
    const audit = await f.t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'evaluation')
      .where('entity_id', '=', String(e.id))
      .where('action', '=', 'dispute_partly_accepted')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).score).toBeCloseTo(700 / 9, 9);
    expect(JSON.parse(audit.after_json!).score).toBeCloseTo(7100 / 81, 9);
    const view = (await inject('GET', `/api/v1/qa/evaluations/${e.id}`, 'agent')).json();
    expect(view).toMatchObject({ status: 'dispute_decided', failedItems: ['tone'] });
    expect(view.disputes[0]).toMatchObject({ status: 'partly_accepted', decisionNote: '开头语确认完整' });

    // Coaching on what still failed, then the follow-up evaluation closes the loop.
    const coach = await inject('POST', '/api/v1/qa/coaching', 'team_lead', { evaluationId: e.id, dueDate: '2026-12-01' });
    expect(coach.statusCode).toBe(201);
    expect(coach.json()).toMatchObject({ items: ['tone'], status: 'open', agentId: f.agentA });
    expect(
      (await inject('PATCH', `/api/v1/qa/coaching/${coach.json().id}`, 'trainer', { status: 'in_progress' })).json().status,
    ).toBe('in_progress');
    expect((await evaluate({ agentId: f.agentB, followUpOf: e.id, answers: full() })).statusCode).toBe(422);
    const follow = (await evaluate({ followUpOf: e.id, answers: full() })).json();
    const mine = (await inject('GET', '/api/v1/qa/coaching', 'agent')).json().items;
    expect(mine.every((c: { agentId: number }) => c.agentId === f.agentA)).toBe(true);
    expect(mine.find((c: { id: number }) => c.id === coach.json().id)).toMatchObject({
      status: 'followed_up',
      followUpEvaluationId: follow.id,
    });
    expect((await inject('GET', `/api/v1/qa/evaluations/${follow.id}`, 'qa')).json().kind).toBe('follow_up');
  });

  test('self-evaluation is the agent’s own and an acknowledged kind of its own; the Excel export lists what the JSON lists', async () => {
    const s = await inject('POST', '/api/v1/qa/evaluations/self', 'agent', {
      scorecardId: f.cardId,
      answers: full({ greeting: { points: 5 } }),
    });
    expect(s.statusCode).toBe(201);
    const row = await f.t.handle.db.selectFrom('evaluation').selectAll().where('id', '=', s.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'self', agent_id: f.agentA });
    expect(
      (await inject('POST', `/api/v1/qa/evaluations/${s.json().id}/disputes`, 'agent', { reason: '自评不申诉', proposal: {} }))
        .statusCode,
    ).toBe(403);
    const json = (await inject('GET', '/api/v1/qa/evaluations?limit=5000', 'team_lead')).json().items;
    const res = await inject('GET', '/api/v1/qa/evaluations?limit=5000&format=xlsx', 'team_lead');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 1).toBe(json.length);
    expect(Number(ws.getRow(2).getCell(6).value)).toBeCloseTo(json[0].score, 9);
  });
});
