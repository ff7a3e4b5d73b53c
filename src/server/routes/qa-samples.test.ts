import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from '../../domain/contacts/contact.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(TEST_DIALECTS[0]);
  const db = t.handle.db;
  for (const no of ['1001', '1002']) {
    const { id } = await db
      .insertInto('agent')
      .values({
        employee_no: no,
        name: no,
        team_id: null,
        hire_date: null,
        contract_hours_per_week: 40,
        status: 'active',
        left_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('agent_map').values({ identity: no, agent_id: id }).execute();
  }
  const contacts: Contact[] = Array.from({ length: 40 }, (_, i) => {
    const at = Date.UTC(2026, 10, 2 + (i % 10), 2, i);
    return {
      key: `q:${i}`,
      callId: `c${i}`,
      queue: 'p',
      callerId: `1380000${String(i % 7).padStart(4, '0')}`,
      enteredAt: at,
      outcome: 'answered',
      waitSeconds: 3,
      answeredAt: at + 3000,
      endedAt: at + 100_000 + i * 10_000,
      agent: `PJSIP/${i % 2 ? '1002' : '1001'}`,
      talkSeconds: 100 + i * 10,
      holdSeconds: 0,
      acwSeconds: 0,
      transferred: i % 9 === 0,
      ringNoAnswer: 0,
    };
  });
  await db.transaction().execute((tx) => storeContactBatch(tx, contacts, [], 'test'));
});
afterAll(() => t.close());

test('a plan draws its quota per agent plus targeted samples; a replaced sample keeps why', async () => {
  const h = (await t.signIn('qa')).headers;
  const drawn = await t.app.inject({
    method: 'POST',
    url: '/api/v1/qa/samples',
    headers: h,
    payload: {
      from: '2026-11-01',
      to: '2026-12-01',
      name: '11月',
      seed: 7,
      plan: { period: 'month', quota: 3, targeted: [{ criterion: 'longest_handle', perAgent: 1 }] },
    },
  });
  expect(drawn.statusCode, drawn.body).toBe(201);
  // Two agents × (1 longest + 3 random) in one month.
  expect(drawn.json().drawn).toBe(8);
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/v1/qa/samples',
    headers: h,
    payload: {
      from: '2026-11-01',
      to: '2026-12-01',
      name: 'again',
      seed: 7,
      plan: { period: 'month', quota: 3, targeted: [{ criterion: 'longest_handle', perAgent: 1 }] },
    },
  });
  expect(again.json().samples.map((s: { key: string }) => s.key)).toEqual(
    drawn.json().samples.map((s: { key: string }) => s.key),
  );
  const list = (await t.app.inject({ method: 'GET', url: '/api/v1/qa/samples?plan=11月', headers: h })).json().items;
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/qa/samples/${list[0].id}/replace`,
    headers: h,
    payload: { reason: '录音缺失', seed: 3 },
  });
  expect(r.json()).toMatchObject({ status: 'replaced', replacement: expect.any(String) });
  const after = (await t.app.inject({ method: 'GET', url: '/api/v1/qa/samples?plan=11月', headers: h })).json().items;
  expect(after.find((s: { id: number }) => s.id === list[0].id)).toMatchObject({ status: 'replaced', changeReason: '录音缺失' });
  expect(after.filter((s: { status: string }) => s.status === 'selected')).toHaveLength(8);
});
