import { expect, test } from 'vitest';
import { escalate, escalationLevel } from './escalation.ts';

const H = 3_600_000;

test('levels from overdue business time and redo counts (seed policy)', () => {
  expect(escalationLevel({ overdueWorkingMs: 0, redoCount: 0 })).toBe('general');
  expect(escalationLevel({ overdueWorkingMs: 0, redoCount: 1 })).toBe('general');
  expect(escalationLevel({ overdueWorkingMs: 1, redoCount: 0 })).toBe('major');
  expect(escalationLevel({ overdueWorkingMs: 0, redoCount: 2 })).toBe('major');
  expect(escalationLevel({ overdueWorkingMs: 18 * H, redoCount: 0 })).toBe('major');
  expect(escalationLevel({ overdueWorkingMs: 18 * H + 1, redoCount: 0 })).toBe('center');
  expect(escalationLevel({ overdueWorkingMs: 0, redoCount: 3 })).toBe('center');
  expect(
    escalationLevel(
      { overdueWorkingMs: 0, redoCount: 1 },
      { majorAfterOverdueMs: 0, centerAfterOverdueMs: 1, majorAfterRedos: 0, centerAfterRedos: 5 },
    ),
  ).toBe('major');
});

test('escalate moves up only, notifies every level passed, and stops once closed', () => {
  const up = escalate({ id: 9, open: true, level: 'general' }, { overdueWorkingMs: 20 * H, redoCount: 0 }, 1000);
  expect(up).toMatchObject({
    level: 'center',
    raised: true,
    notify: ['team_lead', 'manager'],
    entry: { orderId: 9, action: 'escalate', actorId: 'system', data: { from: 'general', to: 'center' } },
  });
  expect(escalate({ id: 9, open: true, level: 'major' }, { overdueWorkingMs: 0, redoCount: 0 }, 1000)).toMatchObject({
    level: 'major',
    raised: false,
    entry: null,
  });
  expect(escalate({ id: 9, open: true, level: 'general' }, { overdueWorkingMs: 1, redoCount: 0 }, 1000).notify).toEqual([
    'team_lead',
  ]);
  expect(escalate({ id: 9, open: false, level: 'general' }, { overdueWorkingMs: 20 * H, redoCount: 9 }, 1000)).toMatchObject({
    level: 'general',
    raised: false,
  });
});
