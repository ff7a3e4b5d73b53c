import { expect, test } from 'vitest';
import { completionTiming, lateCompletions } from './after-call.ts';
import { routeUrgent } from './urgent-routing.ts';

const M = 60_000;

test('completion within 15 minutes of the call end; exactly 15 is on time', () => {
  expect(completionTiming(0, 15 * M)).toEqual({ elapsedMs: 15 * M, late: false });
  expect(completionTiming(0, 15 * M + 1)).toEqual({ elapsedMs: 15 * M + 1, late: true });
  expect(completionTiming(0, 10 * M, 5 * M).late).toBe(true);
  const orders = [
    { id: 1, callEndedAt: 0, completedAt: 10 * M },
    { id: 2, callEndedAt: 0, completedAt: 20 * M },
    { id: 3, callEndedAt: 0, completedAt: null }, // still open at 16 min: already late
    { id: 4, callEndedAt: null, completedAt: 99 * M }, // no call (web form)
  ];
  expect(lateCompletions(orders, 16 * M).map((o) => o.id)).toEqual([2, 3]);
});

test('urgent orders go to the shift leads on duty, else to the unit head', () => {
  expect(routeUrgent({ shiftLeadsOnDuty: [5, 6, 5], unitHeadId: 42 })).toEqual({ queue: 'shift_lead', userIds: [5, 6] });
  expect(routeUrgent({ shiftLeadsOnDuty: [], unitHeadId: 42 })).toEqual({ queue: 'unit_head', userIds: [42] });
  expect(routeUrgent({ shiftLeadsOnDuty: [], unitHeadId: null })).toEqual({ queue: 'none', userIds: [] });
});
