import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Contact } from '../../domain/contacts/contact.ts';
import { syntheticHistory } from '../../domain/forecast/synthetic.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

// Four weeks of a known daily shape, stored as calls; the test clock is 2026-11-24 10:00 +08:00.
describe.each(TEST_DIALECTS)('forecast API on %s', (dialect) => {
  let t: TestApp;
  let h: Record<string, string>;
  let groupId = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    groupId = (
      await db
        .insertInto('skill_group')
        .values({ code: 'p', name: '政策咨询', sl_threshold_seconds: 20, sl_target: 0.8 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.insertInto('queue_map').values({ queue_name: 'p', skill_group_id: groupId }).execute();
    const contacts: Contact[] = [];
    for (const p of syntheticHistory('2026-10-27', 28, 150, 30)) {
      for (let k = 0; k < p.offered; k++) {
        const at = p.intervalStart + k * 1000;
        contacts.push({
          key: `f:${at}`,
          callId: `${at}`,
          queue: 'p',
          callerId: null,
          enteredAt: at,
          outcome: 'answered',
          waitSeconds: 5,
          answeredAt: at + 5000,
          endedAt: at + 205_000,
          agent: '1001',
          talkSeconds: 200,
          holdSeconds: 0,
          acwSeconds: 0,
          transferred: false,
          ringNoAnswer: 0,
        });
      }
    }
    await db.transaction().execute((tx) => storeContactBatch(tx, contacts, [], 'test'));
    h = (await t.signIn('planner')).headers;
  });
  afterAll(() => t.close());

  test('forecast from stored history, with an adjustment, saved and measured', async () => {
    const f = (
      await t.app.inject({ method: 'GET', url: `/api/v1/forecast?skillGroupId=${groupId}&horizonDays=7`, headers: h })
    ).json();
    expect(f.intervals).toHaveLength(7 * 48);
    expect(f.intervals[0].intervalStart).toBe('2026-11-24T00:00:00+08:00');
    expect(f.backtest).toHaveLength(4);
    expect(f.intervals[20].ahtSeconds).toBeCloseTo(200, 6);
    const day = (x: { intervals: { offered: number }[] }, d: number) =>
      x.intervals.slice(d * 48, d * 48 + 48).reduce((a, b) => a + b.offered, 0);
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forecast/adjustments',
      headers: h,
      payload: { skillGroupId: groupId, from: '2026-11-25', to: '2026-11-25', kind: 'percent', value: 20, reason: '新业务出台' },
    });
    expect(add.statusCode).toBe(201);
    const g = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/forecast?skillGroupId=${groupId}&horizonDays=7&model=${f.model}`,
        headers: h,
      })
    ).json();
    expect(day(g, 1)).toBeCloseTo(1.2 * day(f, 1), 0);
    expect(g.adjustments[0]).toMatchObject({ reason: '新业务出台', author: 'planner' });
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forecast/runs',
      headers: h,
      payload: { skillGroupId: groupId, horizonDays: 7 },
    });
    expect(saved.statusCode).toBe(201);
    const runs = (await t.app.inject({ method: 'GET', url: `/api/v1/forecast/runs?skillGroupId=${groupId}`, headers: h })).json();
    // No actuals yet for the horizon (it starts today): accuracy comes later.
    expect(runs.items[0]).toMatchObject({ model: expect.any(String), accuracy: null });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forecast/adjustments',
      headers: h,
      payload: { from: '2026-11-25', to: '2026-11-20', kind: 'percent', value: 20, reason: 'x y' },
    });
    expect(bad.json().errors[0].path).toBe('body.to');
  });
});
