import { describe, expect, test } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { createRandom } from '../simulation/random.ts';
import { registerOrder } from '../work-orders/register.ts';
import { syntheticCalls } from './demo-calls.test-support.ts';
import { demoAgents } from './demo-center.ts';
import { type DemoOrder, demoWorkOrders } from './demo-work-orders.ts';

const CAL: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  hours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
};
const agents = demoAgents(createRandom(1));
const teamOf = new Map(agents.map((a) => [a.employeeNo, a.team]));
// Tuesday 2026-11-24 14:00 in Shanghai; eight weeks of calls before that day.
const NOW = Date.UTC(2026, 10, 24, 6, 0);
const START = Date.UTC(2026, 10, 23, 16, 0) - 56 * 86_400_000;
const calls = syntheticCalls(agents, START, 56);
const plan = (seed: number) =>
  demoWorkOrders(createRandom(seed), { calls, teamOf, now: NOW, calendar: CAL, focusTeam: 1, share: 0.15 });

describe('the demo work-order plan', () => {
  const orders = plan(5);
  const actions = (o: DemoOrder) => o.steps.map((s) => s.action.type);
  const count = (pred: (o: DemoOrder) => boolean) => orders.filter(pred).length;

  test('is the same for the same seed, and about the share of calls asked for', () => {
    expect(JSON.stringify(plan(5))).toBe(JSON.stringify(orders));
    expect(orders.length).toBeGreaterThan(0.13 * calls.length);
    expect(orders.length).toBeLessThan(0.17 * calls.length);
  });

  test('every order passes the registration rules, and its steps follow it in time, none after now', () => {
    for (const [i, o] of orders.entries()) {
      const r = registerOrder(
        { ...o, channel: 'phone', priority: o.urgent ? 'urgent' : 'normal' },
        { id: 1, roles: ['agent'] },
        { id: i, at: o.at, timeZone: CAL.timeZone, sequence: 1, teamId: o.team, shiftLeadsOnDuty: [], unitHeadId: null },
      );
      expect(r.ok, o.title).toBe(true);
      expect(o.at).toBeGreaterThan(o.callEndedAt);
      expect(o.at).toBeLessThan(NOW);
      let t = o.at;
      for (const s of o.steps) {
        expect(s.at).toBeGreaterThan(t);
        t = s.at;
      }
      expect(t).toBeLessThanOrEqual(NOW);
    }
  });

  test('has the shapes of a hotline: answered on the spot, dispatched, returned, extended, redone, urgent, late', () => {
    const direct = count((o) => actions(o)[0] === 'answerDirectly');
    expect(direct / orders.length).toBeGreaterThan(0.3);
    expect(direct / orders.length).toBeLessThan(0.5);
    expect(count((o) => o.urgent)).toBeGreaterThan(5);
    expect(count((o) => o.categories.length > 1)).toBeGreaterThan(0);
    for (const type of ['return', 'approveExtension', 'rejectExtension', 'remind', 'supervise', 'close'] as const)
      expect(
        count((o) => actions(o).includes(type)),
        type,
      ).toBeGreaterThan(0);
    const answers = orders.flatMap((o) => o.steps.flatMap((s) => (s.action.type === 'callback' ? [s.action.satisfaction] : [])));
    expect(answers.filter((a) => a === 'satisfied').length / answers.length).toBeGreaterThan(0.6);
    expect(answers).toContain('dissatisfied');
    expect(count((o) => o.steps.some((s) => s.action.type === 'dispatch' && s.action.units.length > 1))).toBeGreaterThan(0);
  });

  test('leaves work waiting at now: orders to dispatch, a return, extension requests, and the focus team’s callbacks', () => {
    expect(count((o) => o.steps.length === 0)).toBeGreaterThanOrEqual(3);
    expect(count((o) => actions(o).at(-1) === 'return')).toBeGreaterThanOrEqual(1);
    expect(count((o) => actions(o).at(-1) === 'requestExtension')).toBeGreaterThanOrEqual(3);
    expect(count((o) => o.team === 1 && actions(o).at(-1) === 'reply')).toBeGreaterThanOrEqual(5);
  });
});

describe('duplicates in the demo plan (重复工单, merged)', () => {
  // Every fifth call from the caller of the call 32 before (3.2 hours earlier; that one is not a repeat itself).
  const repeating = calls.map((c, i) => (i % 5 === 4 && i >= 32 ? { ...c, callerId: calls[i - 32]!.callerId } : c));
  const callOf = new Map(repeating.map((c) => [c.key, c]));
  const orders = demoWorkOrders(createRandom(5), {
    calls: repeating,
    teamOf,
    now: NOW,
    calendar: CAL,
    focusTeam: 1,
    share: 0.15,
  });
  const duplicates = orders.flatMap((o, i) =>
    o.steps[0]?.action.type === 'merge' ? [{ o, i, into: o.steps[0].action.into }] : [],
  );

  test('a caller who calls again about an open dispatched order gets a second order, merged into the first while it is open', () => {
    expect(duplicates.length).toBeGreaterThan(5);
    for (const { o, i, into } of duplicates) {
      const first = orders[into]!;
      expect(into).toBeLessThan(i);
      expect(o.steps).toHaveLength(1);
      expect(first.steps[0]?.action.type).not.toBe('merge');
      // Same caller (the second call's own number) and the same matter.
      expect(callOf.get(o.contactKey)?.callerId).toBe(first.caller.phone);
      expect(o.caller.phone).toBe(first.caller.phone);
      expect([o.title, o.location]).toEqual([first.title, first.location]);
      expect(o.contactKey).not.toBe(first.contactKey);
      expect(o.at - first.at).toBeGreaterThan(3_600_000);
      expect(o.at).toBeGreaterThan(o.callEndedAt);
      // Merged after it was filed, before now, by a lead, into an order dispatched and not yet called back or closed.
      const mergeAt = o.steps[0]!.at;
      expect(mergeAt).toBeGreaterThan(o.at);
      expect(mergeAt).toBeLessThan(NOW);
      expect(o.steps[0]!.by.kind).toBe('lead');
      expect(first.steps.some((s) => s.action.type === 'dispatch' && s.at < mergeAt)).toBe(true);
      expect(first.steps.some((s) => (s.action.type === 'callback' || s.action.type === 'close') && s.at <= mergeAt)).toBe(false);
    }
  });

  test('no call is filed twice, and without callers who call again there are none', () => {
    expect(new Set(orders.map((o) => o.contactKey)).size).toBe(orders.length);
    expect(plan(5).some((o) => o.steps.some((s) => s.action.type === 'merge'))).toBe(false);
  });
});
