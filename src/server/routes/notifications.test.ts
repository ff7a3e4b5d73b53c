import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notify } from '../../store/notifications.ts';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';

describe.each(TEST_DIALECTS)('notifications on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  test('each user sees and marks only their own', async () => {
    const ids = await t.handle.db.selectFrom('app_user').select(['id', 'username']).execute();
    const agent = ids.find((u) => u.username === 'agent')!.id;
    const lead = ids.find((u) => u.username === 'team_lead')!.id;
    await notify(
      t.handle.db,
      [
        { userId: agent, kind: 'schedule', text: '12月7日班次已变更' },
        { userId: lead, kind: 'urgent', text: '急件' },
      ],
      1000,
    );
    const s = await t.signIn('agent');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: s.headers });
    expect(list.json().items).toEqual([expect.objectContaining({ kind: 'schedule', read: false })]);
    const leadsId = (
      await t.handle.db.selectFrom('notification').select('id').where('user_id', '=', lead).executeTakeFirstOrThrow()
    ).id;
    const mark = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: s.headers,
      payload: { ids: [list.json().items[0].id, leadsId] },
    });
    expect(mark.json().updated).toBe(1);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: s.headers });
    expect(after.json().items).toEqual([]);
  });
});
