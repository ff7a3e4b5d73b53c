import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Action, applyAction, availableActions, type OrderState, RULES, STATUSES, TransitionError } from './workflow.ts';

const fresh = (over: Partial<OrderState> = {}): OrderState => ({
  status: 'registered',
  category: 'complaint',
  redoCount: 0,
  returnCount: 0,
  reminderCount: 0,
  supervised: false,
  extension: null,
  ...over,
});

describe('the work-order flow', () => {
  test('a complaint goes dispatch → accept → start → reply → callback → closed', () => {
    let s = fresh();
    s = applyAction(s, { type: 'dispatch', unitIds: [1] }, ['agent']);
    s = applyAction(s, { type: 'accept' }, ['unit_handler']);
    s = applyAction(s, { type: 'start' }, ['unit_handler']);
    s = applyAction(s, { type: 'reply', reply: '已处理' }, ['unit_handler']);
    expect(s.status).toBe('replied');
    expect(applyAction(s, { type: 'callback', satisfaction: 'basically_satisfied' }, ['agent']).status).toBe('closed');
  });
  test('不满意 at callback is a redo: back to the unit, counted', () => {
    const s = applyAction(fresh({ status: 'replied', redoCount: 1 }), { type: 'callback', satisfaction: 'dissatisfied' }, [
      'agent',
    ]);
    expect(s).toMatchObject({ status: 'dispatched', redoCount: 2 });
  });
  test('a unit returns a wrong dispatch with its reason; it goes back to the dispatcher', () => {
    const s = applyAction(fresh({ status: 'dispatched' }), { type: 'return', reason: '不属本单位职责' }, ['unit_handler']);
    expect(s).toMatchObject({ status: 'returned', returnCount: 1 });
    expect(() => applyAction(fresh({ status: 'dispatched' }), { type: 'return', reason: ' ' }, ['unit_handler'])).toThrow(
      TransitionError,
    );
  });
  test('extension: requested by the unit, decided by a supervisor', () => {
    const asked = applyAction(fresh({ status: 'in_progress' }), { type: 'request_extension', until: 5, reason: '需现场勘查' }, [
      'unit_handler',
    ]);
    expect(() => applyAction(asked, { type: 'decide_extension', approve: true }, ['unit_handler'])).toThrow(/roles/);
    expect(applyAction(asked, { type: 'decide_extension', approve: true }, ['team_lead']).extension).toEqual({
      until: 5,
      status: 'approved',
    });
  });
  test('only consultations and suggestions are answered on the spot, with a basis', () => {
    expect(() => applyAction(fresh(), { type: 'answer', answer: 'x', basis: 'y' }, ['agent'])).toThrow(/consultations/);
    expect(
      applyAction(fresh({ category: 'consultation' }), { type: 'answer', answer: '可网上办理', basis: '知识库 KB-102' }, [
        'agent',
      ]).status,
    ).toBe('closed');
    expect(() =>
      applyAction(fresh({ category: 'consultation' }), { type: 'answer', answer: '可网上办理', basis: '' }, ['agent']),
    ).toThrow(/basis/);
  });
  test('property: a refused action never changes the state; an allowed one only moves along the rules', () => {
    const actions: Action[] = [
      { type: 'dispatch', unitIds: [1] },
      { type: 'accept' },
      { type: 'start' },
      { type: 'reply', reply: 'r' },
      { type: 'return', reason: 'x' },
      { type: 'callback', satisfaction: 'dissatisfied' },
      { type: 'callback', satisfaction: 'satisfied' },
      { type: 'close', note: 'n' },
      { type: 'remind' },
      { type: 'supervise' },
      { type: 'merge', intoId: 2 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...actions),
        fc.subarray(['agent', 'team_lead', 'unit_handler', 'manager', 'qa']),
        (status, action, roles) => {
          const before = fresh({ status });
          const copy = structuredClone(before);
          try {
            const after = applyAction(before, action, roles);
            expect(RULES[action.type].from).toContain(status);
            expect(RULES[action.type].roles.some((r) => roles.includes(r))).toBe(true);
            expect(availableActions(status, roles)).toContain(action.type);
            if (after.status === 'closed') expect(['replied', 'registered']).toContain(status);
          } catch (err) {
            expect(err).toBeInstanceOf(TransitionError);
          }
          expect(before).toEqual(copy);
        },
      ),
    );
  });
});
