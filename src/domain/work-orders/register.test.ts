import { expect, test } from 'vitest';
import { registerOrder } from './register.ts';

const agent = { id: 'a1', roles: ['agent'] };
const ctx = {
  id: 1,
  at: Date.UTC(2026, 10, 23, 16, 30),
  timeZone: 'Asia/Shanghai',
  sequence: 7,
  teamId: 't1',
  shiftLeadsOnDuty: ['lead9'],
  unitHeadId: null,
};
const input = {
  channel: 'phone' as const,
  categories: ['consultation', 'complaint'] as const,
  priority: 'urgent' as const,
  title: '中山路 路面塌陷有人受伤',
  location: '中山路',
  caller: { name: '张三', phone: '13812345678' },
  content: { time: '刚才', place: '中山路与和平路口', what: '路面塌陷', demand: '尽快处置' },
};

test('register: stricter category, urgent mark written, numbered in the center zone, first owner, urgent route', () => {
  const r = registerOrder(input, agent, ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  // 16:30 UTC on Nov 23 is 00:30 on Nov 24 in Shanghai.
  expect(r.order).toMatchObject({
    number: '20261124-000007',
    category: 'complaint',
    title: '【急件】中山路 路面塌陷有人受伤',
    firstOwnerId: 'a1',
    status: 'registered',
  });
  expect(r.route).toEqual({ queue: 'shift_lead', userIds: ['lead9'] });
  expect(r.entry).toMatchObject({ action: 'register', toStatus: 'registered', data: { route: 'shift_lead' } });
});

test('register refuses incomplete orders and roles that may not register, naming the field', () => {
  const bad = registerOrder({ ...input, content: { what: '塌陷' } }, agent, ctx);
  expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(['content.time', 'content.place', 'content.demand']);
  const unit = registerOrder(input, { id: 'u', roles: ['unit_handler'] }, ctx);
  expect(!unit.ok && unit.issues[0]?.path).toBe('actor');
  expect(registerOrder({ ...input, priority: 'normal' }, agent, ctx)).toMatchObject({
    ok: true,
    route: null,
    order: { title: '中山路 路面塌陷有人受伤' },
  });
});
