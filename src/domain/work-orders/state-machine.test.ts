import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Action, type Actor, allowedActions, RULES, statusFromAssignments, transition } from './state-machine.ts';
import { type OrderState, STATUSES } from './types.ts';

const T0 = 1_000_000;
const DUE = T0 + 5 * 86_400_000;
const agent: Actor = { id: 'u-agent', roles: ['agent'] };
const lead: Actor = { id: 'u-lead', roles: ['team_lead'] };
const unit = (n: number): Actor => ({ id: `u-unit${n}`, roles: ['unit_handler'], unitId: n });

const fresh = (over: Partial<OrderState> = {}): OrderState => ({
  id: 1,
  status: 'registered',
  category: 'complaint',
  priority: 'normal',
  firstOwnerId: 'u-agent',
  assignments: [],
  dueAt: null,
  closedAt: null,
  redoCount: 0,
  returnCount: 0,
  reminderCount: 0,
  supervised: false,
  extension: null,
  satisfaction: null,
  answer: null,
  mergedIntoId: null,
  ...over,
});

/** Applies steps that must all succeed; returns the order and the history. */
function run(order: OrderState, steps: [Action, Actor][]) {
  const history = [];
  let o = order;
  let t = T0;
  for (const [action, actor] of steps) {
    t += 60_000;
    const r = transition(o, action, actor, t);
    if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
    o = r.order;
    history.push(r.entry);
  }
  return { order: o, history };
}

describe('the flow', () => {
  test('two units: the order advances with the slower unit, closes after a satisfied callback; every step in history', () => {
    const { order, history } = run(fresh(), [
      [{ type: 'dispatch', unitIds: [1, 2], dueAt: DUE }, agent],
      [{ type: 'accept' }, unit(1)],
      [{ type: 'accept' }, unit(2)],
      [{ type: 'start' }, unit(1)],
      [{ type: 'reply', reply: '已责令停工' }, unit(1)],
      [{ type: 'reply', reply: '已现场核查' }, unit(2)],
      [{ type: 'callback', satisfaction: 'basically_satisfied' }, agent],
    ]);
    expect(history.map((h) => `${h.action}:${h.fromStatus}→${h.toStatus}`)).toEqual([
      'dispatch:registered→dispatched',
      'accept:dispatched→dispatched',
      'accept:dispatched→accepted',
      'start:accepted→accepted',
      'reply:accepted→accepted',
      'reply:accepted→replied',
      'callback:replied→closed',
    ]);
    expect(order).toMatchObject({
      status: 'closed',
      closedAt: T0 + 7 * 60_000,
      satisfaction: 'basically_satisfied',
      dueAt: DUE,
      redoCount: 0,
    });
    expect(history[4]).toMatchObject({ unitId: 1, note: '已责令停工', actorId: 'u-unit1' });
  });

  test('roles and units are checked; a refused action returns a typed error', () => {
    const d = run(fresh(), [[{ type: 'dispatch', unitIds: [1], dueAt: DUE }, agent]]).order;
    expect(transition(d, { type: 'accept' }, agent, T0)).toMatchObject({ ok: false, error: { code: 'role' } });
    expect(transition(d, { type: 'accept' }, unit(3), T0)).toMatchObject({ ok: false, error: { code: 'unit' } });
    expect(transition(d, { type: 'reply', reply: 'x' }, unit(1), T0)).toMatchObject({ ok: false, error: { code: 'status' } }); // not accepted yet
    expect(
      transition(fresh(), { type: 'dispatch', unitIds: [1], dueAt: DUE }, { id: 'q', roles: ['qa', 'planner'] }, T0),
    ).toMatchObject({ ok: false, error: { code: 'role' } });
    expect(transition(fresh(), { type: 'dispatch', unitIds: [], dueAt: DUE }, agent, T0)).toMatchObject({
      ok: false,
      error: { code: 'input', field: 'unitIds' },
    });
    expect(transition(fresh(), { type: 'callback', satisfaction: 'satisfied' }, agent, T0)).toMatchObject({
      ok: false,
      error: { code: 'status' },
    });
  });

  test('退单: a unit returns with its reason; when no unit is left it goes back to the dispatcher, who dispatches again', () => {
    const d = run(fresh(), [[{ type: 'dispatch', unitIds: [1, 2], dueAt: DUE }, agent]]).order;
    expect(transition(d, { type: 'return', reason: ' ' }, unit(1), T0)).toMatchObject({ ok: false, error: { field: 'reason' } });
    const one = run(d, [[{ type: 'return', reason: '不属本单位职责' }, unit(1)]]).order;
    expect(one).toMatchObject({ status: 'dispatched', returnCount: 1 });
    const both = run(one, [[{ type: 'return', reason: '辖区外' }, unit(2)]]).order;
    expect(both).toMatchObject({ status: 'returned', returnCount: 2 });
    const again = run(both, [[{ type: 'dispatch', unitIds: [3], dueAt: DUE + 1 }, agent]]).order;
    expect(again.assignments.map((a) => `${a.unitId}:${a.status}`)).toEqual(['3:dispatched']);
    expect(again).toMatchObject({ status: 'dispatched', dueAt: DUE + 1 });
  });

  test('重办: 不满意 at callback sends it back to the units, counted, with the new deadline', () => {
    const replied = run(fresh(), [
      [{ type: 'dispatch', unitIds: [1], dueAt: DUE }, agent],
      [{ type: 'accept' }, unit(1)],
      [{ type: 'reply', reply: '已处理' }, unit(1)],
    ]).order;
    const r = run(replied, [[{ type: 'callback', satisfaction: 'dissatisfied', redoDueAt: DUE + 9 }, agent]]);
    expect(r.order).toMatchObject({
      status: 'dispatched',
      redoCount: 1,
      satisfaction: 'dissatisfied',
      dueAt: DUE + 9,
      closedAt: null,
    });
    expect(r.order.assignments[0]).toMatchObject({ status: 'dispatched', reply: null });
    expect(r.history[0]).toMatchObject({
      action: 'callback',
      toStatus: 'dispatched',
      data: { satisfaction: 'dissatisfied', redoCount: 1 },
    });
    // The caller refuses to close without a formal callback answer: redo with a reason.
    expect(transition(replied, { type: 'redo', reason: '' }, agent, T0)).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(run(replied, [[{ type: 'redo', reason: '来电人拒绝办结' }, lead]]).order).toMatchObject({
      status: 'dispatched',
      redoCount: 1,
      dueAt: DUE,
    });
  });

  test('延期: the unit asks, a supervisor approves (the deadline moves) or rejects with a reason', () => {
    const working = run(fresh(), [
      [{ type: 'dispatch', unitIds: [1], dueAt: DUE }, agent],
      [{ type: 'accept' }, unit(1)],
    ]).order;
    expect(transition(working, { type: 'requestExtension', until: DUE - 1, reason: '需勘查' }, unit(1), T0)).toMatchObject({
      ok: false,
      error: { field: 'until' },
    });
    const asked = run(working, [[{ type: 'requestExtension', until: DUE + 86_400_000, reason: '需现场勘查' }, unit(1)]]).order;
    expect(transition(asked, { type: 'requestExtension', until: DUE + 2, reason: 'again' }, unit(1), T0)).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    expect(transition(asked, { type: 'approveExtension' }, unit(1), T0)).toMatchObject({ ok: false, error: { code: 'role' } });
    expect(allowedActions(asked, lead)).toContain('approveExtension');
    expect(allowedActions(working, lead)).not.toContain('approveExtension');
    expect(run(asked, [[{ type: 'approveExtension' }, lead]]).order).toMatchObject({
      dueAt: DUE + 86_400_000,
      extension: { status: 'approved' },
    });
    expect(transition(asked, { type: 'rejectExtension', note: '' }, lead, T0)).toMatchObject({
      ok: false,
      error: { field: 'note' },
    });
    expect(run(asked, [[{ type: 'rejectExtension', note: '时限内可办结' }, lead]]).order).toMatchObject({
      dueAt: DUE,
      extension: { status: 'rejected' },
    });
  });

  test('a consultation answered directly records the answer and its basis; other categories cannot', () => {
    const basis = { kind: 'knowledge' as const, reference: 'KB-102 社保卡补办' };
    const r = run(fresh({ category: 'consultation' }), [[{ type: 'answerDirectly', answer: '可在线补办', basis }, agent]]).order;
    expect(r).toMatchObject({ status: 'closed', answer: { text: '可在线补办', basis } });
    expect(transition(fresh(), { type: 'answerDirectly', answer: 'x', basis }, agent, T0)).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    expect(
      transition(
        fresh({ category: 'consultation' }),
        { type: 'answerDirectly', answer: 'x', basis: { kind: 'law', reference: '' } },
        agent,
        T0,
      ),
    ).toMatchObject({ ok: false, error: { field: 'basis.reference' } });
  });

  test('催办, 督办, close with a note, merge with an entry on both orders', () => {
    const d = run(fresh(), [
      [{ type: 'dispatch', unitIds: [1], dueAt: DUE }, agent],
      [{ type: 'remind' }, agent],
      [{ type: 'remind' }, lead],
      [{ type: 'supervise' }, lead],
    ]).order;
    expect(d).toMatchObject({ reminderCount: 2, supervised: true, status: 'dispatched' });
    expect(transition(d, { type: 'supervise' }, agent, T0)).toMatchObject({ ok: false, error: { code: 'role' } });
    const m = transition(fresh({ id: 7 }), { type: 'merge', intoId: 3, note: '同一来电人同一事项' }, lead, T0);
    expect(m.ok && [m.order.status, m.order.mergedIntoId, m.related[0]]).toEqual([
      'merged',
      3,
      {
        orderId: 3,
        at: T0,
        actorId: 'u-lead',
        action: 'mergedFrom',
        fromStatus: null,
        toStatus: null,
        note: '同一来电人同一事项',
        data: { fromId: 7 },
      },
    ]);
    expect(transition(fresh({ id: 7 }), { type: 'merge', intoId: 7 }, lead, T0)).toMatchObject({
      ok: false,
      error: { field: 'intoId' },
    });
    const replied = fresh({
      status: 'replied',
      assignments: [{ unitId: 1, status: 'replied', dispatchedAt: T0, reply: 'r', returnReason: null }],
    });
    expect(transition(replied, { type: 'close', note: '' }, lead, T0)).toMatchObject({ ok: false, error: { field: 'note' } });
    expect(transition(replied, { type: 'close', note: '三次回访未接通' }, agent, T0)).toMatchObject({
      ok: false,
      error: { code: 'role' },
    });
  });
});

describe('properties over random sequences', () => {
  const actors: Actor[] = [agent, lead, unit(1), unit(2), { id: 'm', roles: ['manager'] }, { id: 'q', roles: ['qa'] }];
  const actions: Action[] = [
    { type: 'dispatch', unitIds: [1, 2], dueAt: DUE },
    { type: 'dispatch', unitIds: [2], dueAt: DUE },
    { type: 'accept' },
    { type: 'start' },
    { type: 'reply', reply: 'r' },
    { type: 'return', reason: 'x' },
    { type: 'requestExtension', until: DUE * 2, reason: 'x' },
    { type: 'approveExtension' },
    { type: 'rejectExtension', note: 'n' },
    { type: 'callback', satisfaction: 'dissatisfied' },
    { type: 'callback', satisfaction: 'satisfied' },
    { type: 'redo', reason: 'x' },
    { type: 'close', note: 'n' },
    { type: 'remind' },
    { type: 'supervise' },
    { type: 'merge', intoId: 2 },
    { type: 'answerDirectly', answer: 'a', basis: { kind: 'policy', reference: 'p' } },
  ];
  test('refusals change nothing; accepted steps follow the rules; status agrees with the units; counters only grow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('complaint', 'consultation' as const),
        fc.array(fc.tuple(fc.constantFrom(...actions), fc.constantFrom(...actors)), { maxLength: 40 }),
        (category, steps) => {
          let o = fresh({ category: category as OrderState['category'] });
          for (const [action, actor] of steps) {
            const before = structuredClone(o);
            const r = transition(o, action, actor, T0);
            expect(o).toEqual(before);
            if (!r.ok) continue;
            expect(RULES[action.type].from).toContain(before.status);
            expect(allowedActions(before, actor)).toContain(action.type);
            expect(STATUSES).toContain(r.order.status);
            if (['dispatched', 'accepted', 'in_progress', 'replied', 'returned'].includes(r.order.status))
              expect(r.order.status).toBe(statusFromAssignments(r.order.assignments));
            if (r.order.status === 'closed') expect(['replied', 'registered']).toContain(before.status);
            expect(r.order.redoCount).toBeGreaterThanOrEqual(before.redoCount);
            expect(r.order.returnCount).toBeGreaterThanOrEqual(before.returnCount);
            expect(r.entry).toMatchObject({
              orderId: 1,
              fromStatus: before.status,
              toStatus: r.order.status,
              action: action.type,
            });
            o = r.order;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
