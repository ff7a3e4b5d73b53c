import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { krippendorffAlpha } from '../../domain/quality/krippendorff-alpha.ts';
import { percentAgreement } from '../../domain/quality/percent-agreement.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { insertUser } from '../../store/users.ts';
import { hashPassword } from '../auth/passwords.ts';
import { TEST_PASSWORD } from '../testing.ts';
import { levelForItem } from './quality-calibration.ts';
import { full, type QaFixture, qaFixture } from './quality-test-setup.ts';

test('α level per item: yes/no scale nominal, 3+ options ordinal, points interval', () => {
  const base = { id: 'x', label: 'x', naAllowed: false, critical: null, bonus: false };
  expect(
    levelForItem({
      ...base,
      maxPoints: 2,
      scale: [
        { label: '是', points: 2 },
        { label: '否', points: 0 },
      ],
    }),
  ).toBe('nominal');
  expect(
    levelForItem({
      ...base,
      maxPoints: 5,
      scale: [
        { label: '优', points: 5 },
        { label: '良', points: 3 },
        { label: '差', points: 0 },
      ],
    }),
  ).toBe('ordinal');
  expect(levelForItem({ ...base, maxPoints: 10 })).toBe('interval');
});

describe.each(TEST_DIALECTS)('calibration API on %s', (dialect) => {
  let f: QaFixture;
  let qa3: Record<string, string>;
  const req = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    f.t.app.inject({ method, url, headers, payload });
  const session = async (name: string, keys: string[]) =>
    (
      await req('POST', '/api/v1/qa/calibrations', f.h.qa, {
        name,
        scorecardId: f.cardId,
        contacts: keys.map((contactKey) => ({ contactKey, agentId: f.agentA })),
        participantUserIds: [f.userIds.qa, f.userIds.qa2],
        expertUserId: f.userIds.manager,
      })
    ).json().id as number;
  const score = (id: number, headers: Record<string, string>, contactKey: string, answers: object) =>
    req('POST', `/api/v1/qa/calibrations/${id}/scores`, headers, { contactKey, answers });

  beforeAll(async () => {
    f = await qaFixture(dialect);
    await insertUser(
      f.t.handle.db,
      { username: 'qa3', displayName: 'qa3', passwordHash: await hashPassword(TEST_PASSWORD), roles: ['qa'] },
      0,
    );
    qa3 = (await f.t.signIn('qa3')).headers;
  });
  afterAll(() => f.t.close());

  // Four contacts; qa and qa2 score blind, the manager is the expert.
  const keys = ['c1', 'c2', 'c3', 'c4'];
  const g = { qa: [10, 8, 6, 9], qa2: [9, 8, 5, 10], manager: [10, 8, 5, 10] };
  const tone = { qa: ['优', '良', '差', '优'], qa2: ['优', '差', '差', '良'], manager: ['优', '良', '差', '良'] };
  const closing = { qa: ['是', '是', '否', '是'], qa2: ['是', '否', '否', '是'], manager: ['是', '是', '否', '是'] };
  const points = { 优: 5, 良: 3, 差: 0, 是: 2, 否: 0 } as Record<string, number>;
  let id = 0;

  test('blind while open for everyone, participants only, closed means closed', async () => {
    // c1 is a stored call: the session lists it with its start, so evaluators can tell the calls apart.
    const enteredAt = Date.UTC(2026, 10, 20, 2, 0);
    await f.t.handle.db.transaction().execute((tx) =>
      storeContactBatch(
        tx,
        [
          {
            key: 'c1',
            callId: 'c1',
            queue: 'q',
            callerId: null,
            enteredAt,
            outcome: 'answered',
            waitSeconds: 5,
            answeredAt: enteredAt + 5000,
            endedAt: enteredAt + 185_000,
            agent: null,
            talkSeconds: 180,
            holdSeconds: 0,
            acwSeconds: 0,
            transferred: false,
            ringNoAnswer: 0,
          },
        ],
        [],
        'test',
      ),
    );
    id = await session('11月校准', keys);
    const listed = (await req('GET', `/api/v1/qa/calibrations/${id}`, f.h.qa)).json().contacts;
    expect(listed.map((c: { enteredAt: number | null }) => c.enteredAt)).toEqual([enteredAt, null, null, null]);
    for (const who of ['qa', 'qa2', 'manager'] as const) {
      for (const [i, c] of keys.entries()) {
        const r = await score(
          id,
          f.h[who],
          c,
          full({ greeting: { points: g[who][i] }, tone: { option: tone[who][i] }, closing: { option: closing[who][i] } }),
        );
        expect(r.statusCode).toBe(201);
      }
    }
    expect((await score(id, qa3, 'c1', full())).statusCode).toBe(403);
    expect((await score(id, f.h.qa, 'c9', full())).statusCode).toBe(422);
    const blind = (await req('GET', `/api/v1/qa/calibrations/${id}`, f.h.qa)).json();
    expect(blind).toMatchObject({ blind: true, evaluators: 3, scored: 12 });
    expect(blind.items).toBeUndefined();
    expect(blind.myScores.map((s: { answers: { greeting: { points: number } } }) => s.answers.greeting.points)).toEqual(g.qa);
    const managerView = (await req('GET', `/api/v1/qa/calibrations/${id}`, f.h.manager)).json();
    expect(managerView.blind).toBe(true);
    expect(managerView.myScores).toHaveLength(4);
    expect((await req('POST', `/api/v1/qa/calibrations/${id}/close`, f.h.qa)).statusCode).toBe(200);
    expect((await req('POST', `/api/v1/qa/calibrations/${id}/close`, f.h.qa)).statusCode).toBe(409);
    expect((await score(id, f.h.qa, 'c1', full())).statusCode).toBe(409);
  });

  test('after closing: α per item at its level equals the domain on the same data, with n; deviations from the expert by hand', async () => {
    const stats = (await req('GET', `/api/v1/qa/calibrations/${id}`, f.h.trainer)).json();
    expect(stats.blind).toBe(false);
    const item = (k: string) => stats.items.find((i: { item: string }) => i.item === k);
    const pair = (a: number[], b: number[]) => a.map((v, i) => [v, b[i]!]);
    const greeting = item('greeting');
    expect(greeting.level).toBe('interval');
    expect(greeting.alpha.alpha).toBeCloseTo(krippendorffAlpha(pair(g.qa, g.qa2), 'interval').alpha!, 12);
    expect(greeting.alpha).toMatchObject({ units: 4, coders: 2, pairable: 8 });
    // Raw agreement: only c2 (8 = 8) of four pairs agrees.
    expect(greeting.agreement).toMatchObject({ agreement: 0.25, pairs: 4 });
    expect(greeting.agreement.agreement).toBe(percentAgreement(pair(g.qa, g.qa2)).agreement);
    const toneItem = item('tone');
    expect(toneItem.level).toBe('ordinal');
    expect(toneItem.alpha.alpha).toBeCloseTo(
      krippendorffAlpha(
        pair(
          tone.qa.map((o) => points[o]!),
          tone.qa2.map((o) => points[o]!),
        ),
        'ordinal',
      ).alpha!,
      12,
    );
    const closingItem = item('closing');
    expect(closingItem.level).toBe('nominal');
    expect(closingItem.alpha.alpha).toBeCloseTo(
      krippendorffAlpha(
        pair(
          closing.qa.map((o) => points[o]!),
          closing.qa2.map((o) => points[o]!),
        ),
        'nominal',
      ).alpha!,
      12,
    );
    // Deviation of greeting from the expert: qa 0, 0, +1, −1 → mean 0, MAD 0.5; qa2 −1, 0, 0, 0 → mean −0.25, MAD 0.25.
    const dev = (who: string) => greeting.deviations.find((d: { evaluator: string }) => d.evaluator === who);
    expect(dev('qa')).toMatchObject({ n: 4, meanDeviation: 0, meanAbsoluteDeviation: 0.5, againstExpert: 4 });
    expect(dev('qa2')).toMatchObject({ n: 4, meanDeviation: -0.25, meanAbsoluteDeviation: 0.25 });
    expect(item('total').level).toBe('interval');
    // The expert is the reference, not a coder: α counts two coders.
    expect(item('total').alpha.coders).toBe(2);
    const forced = (await req('GET', `/api/v1/qa/calibrations/${id}?level=nominal`, f.h.qa)).json();
    expect(forced.items.find((i: { item: string }) => i.item === 'greeting').alpha.alpha).toBeCloseTo(
      krippendorffAlpha(pair(g.qa, g.qa2), 'nominal').alpha!,
      12,
    );
  });

  test('trend: an evaluator far from the expert in each of the last k sessions is flagged; the deviation is computed by hand', async () => {
    for (const name of ['12月校准', '1月校准']) {
      const s = await session(name, ['d1', 'd2', 'd3']);
      for (const c of ['d1', 'd2', 'd3']) {
        await score(s, f.h.manager, c, full());
        await score(s, f.h.qa, c, full());
        await score(s, f.h.qa2, c, full({ greeting: { points: 6 } }));
      }
      await req('POST', `/api/v1/qa/calibrations/${s}/close`, f.h.qa);
    }
    const trend = (await req('GET', '/api/v1/qa/calibrations/trend?threshold=5&lastK=2&minN=3', f.h.manager)).json();
    expect(trend.sessions).toHaveLength(3);
    expect(trend.flagged).toEqual(['qa2']);
    // greeting 6 instead of 10 costs 4/27 of the service section (weight 2 of 3): 4 · 100/27 · 2/3 = 800/81 points.
    const qa2 = trend.evaluators.find((e: { evaluator: string }) => e.evaluator === 'qa2');
    expect(qa2.series.at(-1).meanAbsoluteDeviation).toBeCloseTo(800 / 81, 9);
    expect(qa2.series.at(-1).n).toBe(3);
    expect(trend.sessions.at(-1).alpha).toMatchObject({ units: 3, coders: 2 });
    const stricter = (await req('GET', '/api/v1/qa/calibrations/trend?threshold=5&lastK=3&minN=3', f.h.manager)).json();
    expect(stricter.flagged).toEqual([]);
    expect((await req('GET', '/api/v1/qa/calibrations/trend', f.h.agent)).statusCode).toBe(403);
  });
});
