import { expect, test } from 'vitest';
import { recipientsOf } from './recipients.ts';
import { registerOrder } from './register.ts';
import { transition } from './state-machine.ts';

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

test('recipients: the first owner follows every step by others; units and leads by step', () => {
  const r = registerOrder(input, agent, ctx);
  if (!r.ok) throw new Error('register');
  const d = transition(
    r.order,
    { type: 'dispatch', unitIds: [1, 2], dueAt: ctx.at + 7_200_000 },
    { id: 'lead9', roles: ['team_lead'] },
    ctx.at + 1,
  );
  if (!d.ok) throw new Error(d.error.message);
  expect(recipientsOf(d.order, d.entry)).toEqual({ userIds: ['a1'], unitIds: [1, 2], roles: [] });
  const rem = transition(d.order, { type: 'remind' }, agent, ctx.at + 2);
  expect(rem.ok && recipientsOf(rem.order, rem.entry)).toEqual({ userIds: [], unitIds: [1, 2], roles: [] });
  const ret1 = transition(
    d.order,
    { type: 'return', reason: '非本单位' },
    { id: 'h1', roles: ['unit_handler'], unitId: 1 },
    ctx.at + 3,
  );
  if (!ret1.ok) throw new Error('return');
  expect(recipientsOf(ret1.order, ret1.entry)).toEqual({ userIds: ['a1'], unitIds: [], roles: [] });
  const ret2 = transition(
    ret1.order,
    { type: 'return', reason: '非本单位' },
    { id: 'h2', roles: ['unit_handler'], unitId: 2 },
    ctx.at + 4,
  );
  expect(ret2.ok && recipientsOf(ret2.order, ret2.entry)).toEqual({ userIds: ['a1'], unitIds: [], roles: ['team_lead'] });
});
