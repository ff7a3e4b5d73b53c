import { expect, test } from 'vitest';
import { queryTokens, searchTokens } from '../text/segment.ts';
import { backlogAgeing, orderRates } from './order-metrics.ts';
import { escalationLevel, markUrgent, orderNumber, resolveCategory, validateOrder } from './order-rules.ts';

test('title must contain the place and a summary; content fields by category', () => {
  expect(
    validateOrder({
      title: '朝阳区幸福小区 夜间施工噪音扰民',
      location: '朝阳区幸福小区',
      category: 'complaint',
      content: { time: '昨晚23点', place: '3号楼旁', what: '工地施工', demand: '停止夜间施工' },
    }),
  ).toEqual([]);
  const bad = validateOrder({ title: '噪音', location: '朝阳区幸福小区', category: 'complaint', content: { what: '施工' } });
  expect(bad.map((i) => i.path)).toEqual(['title', 'content.time', 'content.place', 'content.demand']);
  expect(
    validateOrder({ title: '社保卡补办流程', location: '', category: 'consultation', content: { what: '咨询补办' } }).map(
      (i) => i.path,
    ),
  ).toEqual(['location']);
});

test('category between consultation and complaint is complaint; urgent mark; numbers; escalation', () => {
  expect(resolveCategory(['consultation', 'complaint'])).toBe('complaint');
  expect(resolveCategory(['suggestion', 'help'])).toBe('help');
  expect(markUrgent(markUrgent('某路段积水', true), true)).toBe('【急件】某路段积水');
  expect(markUrgent('【急件】某路段积水', false)).toBe('某路段积水');
  expect(orderNumber('2026-11-24', 123)).toBe('20261124-000123');
  expect(escalationLevel({ overdueMs: 0, redoCount: 0 })).toBe('general');
  expect(escalationLevel({ overdueMs: 1, redoCount: 0 })).toBe('major');
  expect(escalationLevel({ overdueMs: 0, redoCount: 3 })).toBe('center');
});

test('rates: hand-computed on four orders', () => {
  const base = { dispatched: true, returnCount: 0, redoCount: 0, satisfaction: null, createdAt: 0 };
  const rates = orderRates([
    { ...base, status: 'closed', dueAt: 100, closedAt: 90, satisfaction: 'satisfied' }, // on time, first time
    { ...base, status: 'closed', dueAt: 100, closedAt: 120, redoCount: 1, satisfaction: 'basically_satisfied' }, // late, redone
    { ...base, status: 'closed', dueAt: 100, closedAt: 80, returnCount: 1, satisfaction: 'dissatisfied' },
    { ...base, status: 'in_progress', dueAt: 100, closedAt: null },
  ]);
  expect(rates).toMatchObject({
    closed: 3,
    onTimeClosureRate: 2 / 3,
    firstTimeClosureRate: 1 / 3,
    satisfactionRate: 2 / 3,
    returnRate: 1 / 4,
    redoRate: 1 / 4,
  });
  expect(
    backlogAgeing([{ ...base, status: 'in_progress', dueAt: null, closedAt: null, createdAt: 0 }], 2 * 86_400_000),
  ).toContainEqual({ bucket: '1-3', count: 1 });
});

test('Chinese search tokens match queries segmented differently', () => {
  const doc = new Set(searchTokens('朝阳区幸福小区夜间施工噪音扰民，ＡＢＣ123'));
  for (const q of ['噪音', '施工噪音', '幸福小区', 'abc123'])
    for (const t of queryTokens(q)) expect(doc.has(t), `${q}: ${t}`).toBe(true);
  expect(queryTokens('停水').every((t) => doc.has(t))).toBe(false);
});
