import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { xmrChart } from '../../domain/quality/control-charts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { dailyAht, weeklySamples } from './quality-charts.ts';
import { type QaFixture, qaFixture } from './quality-test-setup.ts';

const ZONE = 'Asia/Shanghai';
/** Shanghai wall-clock time as UTC epoch ms (UTC+8, no DST). */
const sh = (d: string, hh: number, mm = 0) =>
  Date.parse(`${d}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
const ev = (id: number, at: number, failedItems: string[] = [], criticalFailed: 0 | 1 = 0) => ({
  id,
  agentId: 1,
  score: 0,
  criticalFailed,
  failedItems,
  at,
});

describe('grouping for the charts (no database)', () => {
  test('weeks start on Monday in the center zone: Sunday 23:30 and Monday 00:30 Shanghai fall in different weeks', () => {
    const weeks = weeklySamples(
      [ev(1, sh('2026-11-22', 23, 30), [], 1), ev(2, sh('2026-11-23', 0, 30)), ev(3, sh('2026-11-16', 0, 0))],
      ZONE,
      (e) => e.criticalFailed,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-11-16', defects: 1, size: 2 },
      { weekStart: '2026-11-23', defects: 0, size: 1 },
    ]);
    // The same instants grouped by UTC day would put both of the first two on 2026-11-22: the zone matters.
    expect(new Date(sh('2026-11-23', 0, 30)).toISOString().slice(0, 10)).toBe('2026-11-22');
  });

  test('AHT per center day = Σ handle / handled, days without calls absent', () => {
    const days = dailyAht(
      [
        { at: sh('2026-11-20', 9), handleSeconds: 330 },
        { at: sh('2026-11-20', 23, 59), handleSeconds: 230 },
        { at: sh('2026-11-21', 0, 1), handleSeconds: 460 },
      ],
      ZONE,
    );
    expect(days).toEqual([
      { date: '2026-11-20', handled: 2, ahtSeconds: 280 },
      { date: '2026-11-21', handled: 1, ahtSeconds: 460 },
    ]);
  });
});

describe.each(TEST_DIALECTS)('quality charts on %s', (dialect) => {
  let f: QaFixture;
  const get = (url: string, who: keyof QaFixture['h']) => f.t.app.inject({ method: 'GET', url, headers: f.h[who] });

  beforeAll(async () => {
    f = await qaFixture(dialect);
    const db = f.t.handle.db;
    const evals: [number, number, number, 0 | 1, string[], string?][] = [
      [f.agentA, sh('2026-07-01', 10), 10, 0, []], // outside the default 90 days
      [f.agentA, sh('2026-11-10', 10), 90, 0, ['greeting']],
      [f.agentA, sh('2026-11-12', 10), 80, 1, ['policy', 'tone']],
      [f.agentA, sh('2026-11-17', 10), 95, 0, []],
      [f.agentA, sh('2026-11-18', 10), 92, 0, []],
      [f.agentA2, sh('2026-11-19', 10), 75, 0, ['verify']],
      [f.agentB, sh('2026-11-20', 10), 60, 0, ['greeting']],
      [f.agentA, sh('2026-11-22', 23, 30), 70, 1, ['policy']],
      [f.agentA, sh('2026-11-23', 0, 30), 85, 0, ['greeting', 'tone']],
      [f.agentA, sh('2026-11-24', 9), 88, 0, ['greeting']],
      [f.agentA, sh('2026-11-24', 9, 30), 40, 1, ['policy'], 'self'], // self-evaluations are not on the charts
    ];
    for (const [agent, at, score, crit, failed, kind] of evals) {
      await db
        .insertInto('evaluation')
        .values({
          scorecard_id: f.cardId,
          contact_key: null,
          agent_id: agent,
          evaluator_user_id: f.userIds.qa,
          kind: kind ?? 'normal',
          calibration_session_id: null,
          status: 'submitted',
          answers_json: '{"answers":{}}',
          score,
          critical_failed: crit,
          failed_items_json: JSON.stringify(failed),
          comment: null,
          evaluated_at: at,
          acknowledged_at: null,
        })
        .execute();
    }
    await db
      .insertInto('agent_map')
      .values([
        { identity: '1001', agent_id: f.agentA },
        { identity: '1003', agent_id: f.agentA2 },
        { identity: '1002', agent_id: f.agentB },
      ])
      .execute();
    let n = 0;
    const contact = (agent: string, at: number, talk: number, hold: number, acw: number, answered = true) => ({
      key: `k${++n}`,
      call_id: `c${n}`,
      queue: 'hotline',
      caller_id: null,
      entered_at: at,
      outcome: answered ? 'answered' : 'abandoned',
      wait_seconds: 1,
      answered_at: answered ? at + 1000 : null,
      ended_at: at + 600_000,
      agent,
      talk_seconds: talk,
      hold_seconds: hold,
      acw_seconds: acw,
      transferred: 0 as const,
      ring_no_answer: 0,
      source: 'test',
    });
    await db
      .insertInto('contact')
      .values([
        contact('SIP/1001-0000002a', sh('2026-11-20', 10), 300, 0, 30),
        contact('SIP/1001', sh('2026-11-20', 15), 200, 10, 20),
        contact('PJSIP/1001', sh('2026-11-21', 0, 30), 400, 20, 40),
        contact('SIP/1001', sh('2026-11-23', 9), 100, 0, 20),
        contact('SIP/1001', sh('2026-11-23', 10), 150, 0, 30),
        contact('SIP/1001', sh('2026-11-23', 11), 240, 0, 0),
        contact('SIP/1001', sh('2026-11-23', 12), 0, 0, 0, false),
        contact('SIP/1002', sh('2026-11-23', 12), 999, 0, 0),
        contact('SIP/1003', sh('2026-11-23', 13), 60, 0, 0),
      ])
      .execute();
  });
  afterAll(() => f.t.close());

  test('agent: XmR of the stored scores equals xmrChart and the hand computation; the range excludes July and self-evaluations', async () => {
    const res = await get(`/api/v1/qa/charts/agent/${f.agentA}`, 'agent');
    expect(res.statusCode).toBe(200);
    const chart = res.json();
    const stored = await f.t.handle.db
      .selectFrom('evaluation')
      .select('score')
      .where('agent_id', '=', f.agentA)
      .where('kind', 'in', ['normal', 'follow_up'])
      .where('evaluated_at', '>=', sh('2026-08-27', 0))
      .orderBy('evaluated_at')
      .orderBy('id')
      .execute();
    const scores = stored.map((r) => r.score as number);
    expect(scores).toEqual([90, 80, 95, 92, 70, 85, 88]);
    expect(chart.from).toBe('2026-08-27');
    expect(chart.n).toBe(7);
    const direct = xmrChart(scores, { min: 0, max: 100 });
    expect(chart.xmr.individuals.center).toBeCloseTo(direct.individuals.center, 12);
    expect(chart.xmr.individuals.ucl).toBeCloseTo(direct.individuals.ucl, 12);
    expect(chart.xmr.movingRange.ucl).toBeCloseTo(direct.movingRange.ucl, 12);
    // By hand: X̄ = 600/7; moving ranges 10, 15, 3, 22, 15, 3 → MR̄ = 68/6; limits X̄ ± 3·MR̄/1.128 = 85.71 ± 30.14:
    // the UCL 115.86 is past the score's ceiling, so it shows at 100.
    expect(chart.xmr.individuals.center).toBeCloseTo(600 / 7, 9);
    expect(chart.xmr.individuals.lcl).toBeCloseTo(600 / 7 - (3 * 68) / 6 / 1.128, 9);
    expect(chart.xmr.individuals.ucl).toBe(100);
    const withJuly = (await get(`/api/v1/qa/charts/agent/${f.agentA}?from=2026-07-01&to=2026-11-24`, 'qa')).json();
    expect(withJuly.n).toBe(8);
  });

  test('agent: p-chart per Monday week in Shanghai with n per point, u per week, c per evaluation, all by hand', async () => {
    const chart = (await get(`/api/v1/qa/charts/agent/${f.agentA}`, 'qa')).json();
    expect(chart.p.weeks).toEqual([
      { weekStart: '2026-11-09', defects: 1, size: 2 },
      { weekStart: '2026-11-16', defects: 1, size: 3 },
      { weekStart: '2026-11-23', defects: 0, size: 2 },
    ]);
    const pBar = 2 / 7;
    expect(chart.p.center).toBeCloseTo(pBar, 12);
    expect(chart.p.points.map((p: { sigma: number }) => p.sigma)).toEqual(
      [2, 3, 2].map((n) => expect.closeTo(Math.sqrt((pBar * (1 - pBar)) / n), 12)),
    );
    expect(chart.p.points.map((p: { value: number }) => p.value)).toEqual([0.5, 1 / 3, 0].map((v) => expect.closeTo(v, 12)));
    // u: failed items 3, 1, 3 over 2, 3, 2 evaluations → ū = 7/7 = 1, σᵢ = √(1/nᵢ).
    expect(chart.u.center).toBeCloseTo(1, 12);
    expect(chart.u.points.map((p: { value: number; sigma: number }) => [p.value, p.sigma])).toEqual(
      [
        [1.5, Math.sqrt(1 / 2)],
        [1 / 3, Math.sqrt(1 / 3)],
        [1.5, Math.sqrt(1 / 2)],
      ].map(([v, s]) => [expect.closeTo(v!, 12), expect.closeTo(s!, 12)]),
    );
    // c: counts 1, 2, 0, 0, 1, 2, 1 → c̄ = 1, UCL = 1 + 3·√1 = 4.
    expect(chart.c.points.map((p: { value: number }) => p.value)).toEqual([1, 2, 0, 0, 1, 2, 1]);
    expect(chart.c.ucl).toBeCloseTo(4, 12);
    expect(Array.isArray(chart.xmr.signals)).toBe(true);
  });

  test('agent: AHT per Shanghai day from the contacts the agent map assigns, as an XmR', async () => {
    const chart = (await get(`/api/v1/qa/charts/agent/${f.agentA}`, 'agent')).json();
    // 11-20: (330 + 230)/2; 11-21 (00:30 Shanghai, still 11-20 in UTC): 460; 11-23: (120 + 180 + 240)/3; unanswered and others' calls left out.
    expect(chart.aht.days).toEqual([
      { date: '2026-11-20', handled: 2, ahtSeconds: 280 },
      { date: '2026-11-21', handled: 1, ahtSeconds: 460 },
      { date: '2026-11-23', handled: 3, ahtSeconds: 180 },
    ]);
    expect(chart.aht.individuals.center).toBeCloseTo(920 / 3, 9);
    expect(chart.aht.individuals.ucl).toBeCloseTo(xmrChart([280, 460, 180], { min: 0 }).individuals.ucl, 12);
  });

  test('team: pools its agents; team leads see only their own team; agents none', async () => {
    const chart = (await get(`/api/v1/qa/charts/team/${f.teamA}`, 'team_lead')).json();
    expect(chart.subject).toMatchObject({ type: 'team', id: f.teamA });
    const stored = await f.t.handle.db
      .selectFrom('evaluation')
      .select('score')
      .where('agent_id', 'in', [f.agentA, f.agentA2])
      .where('kind', '=', 'normal')
      .where('evaluated_at', '>=', sh('2026-08-27', 0))
      .orderBy('evaluated_at')
      .orderBy('id')
      .execute();
    expect(chart.n).toBe(8);
    expect(chart.xmr.individuals.ucl).toBeCloseTo(xmrChart(stored.map((r) => r.score as number), { min: 0, max: 100 }).individuals.ucl, 12);
    expect(chart.aht.days.at(-1)).toEqual({ date: '2026-11-23', handled: 4, ahtSeconds: 150 });
    expect((await get(`/api/v1/qa/charts/team/${f.teamB}`, 'team_lead')).statusCode).toBe(404);
    expect((await get(`/api/v1/qa/charts/team/${f.teamB}`, 'manager')).statusCode).toBe(200);
    expect((await get(`/api/v1/qa/charts/team/${f.teamA}`, 'agent')).statusCode).toBe(403);
    expect((await get(`/api/v1/qa/charts/agent/${f.agentB}`, 'agent')).statusCode).toBe(404);
    expect((await get(`/api/v1/qa/charts/agent/${f.agentB}`, 'team_lead')).statusCode).toBe(404);
  });

  test('Pareto: one agent’s repeated fault is individual within the team, common across the center; Excel rows match', async () => {
    const team = (await get(`/api/v1/qa/pareto?teamId=${f.teamB}`, 'team_lead')).json(); // a team lead gets their own team whatever they ask
    expect(team.teamId).toBe(f.teamA);
    expect(team.agentsEvaluated).toBe(2);
    expect(team.items[0]).toMatchObject({
      item: 'greeting',
      label: '标准开头语',
      count: 3,
      agents: 1,
      classification: 'individual',
    });
    const center = (await get('/api/v1/qa/pareto', 'qa')).json();
    expect(center.items[0]).toMatchObject({ item: 'greeting', count: 4, agents: 2, classification: 'common' });
    expect(center.items[0].agentShare).toBeCloseTo(2 / 3, 12);
    const res = await get('/api/v1/qa/pareto?format=xlsx', 'trainer');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 1).toBe(center.items.length);
    expect(ws.getRow(2).getCell(3).value).toBe(4);
  });
});
