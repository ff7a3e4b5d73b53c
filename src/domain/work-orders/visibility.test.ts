import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { callerDataVisible, canSee, clauseHolds, type Viewer, type VisibleOrder, visibilityFilter } from './visibility.ts';

const order = (over: Partial<VisibleOrder> = {}): VisibleOrder => ({
  firstOwnerId: 'a1',
  teamId: 't1',
  unitIds: [],
  queue: null,
  ...over,
});
const viewer = (over: Partial<Viewer>): Viewer => ({ userId: 'x', roles: [], teamIds: [], unitId: null, ...over });

describe('who sees what', () => {
  test('agent: own orders and the team’s, not another team’s', () => {
    const a = viewer({ userId: 'a1', roles: ['agent'], teamIds: ['t1'] });
    expect(canSee(a, order())).toBe(true);
    expect(canSee(a, order({ teamId: 't2' }))).toBe(true); // first owner, moved team
    expect(canSee(a, order({ firstOwnerId: 'a2' }))).toBe(true); // team's
    expect(canSee(a, order({ firstOwnerId: 'a2', teamId: 't2' }))).toBe(false);
    expect(canSee(a, order({ firstOwnerId: 'a2', teamId: 't2', queue: 'shift_lead' }))).toBe(false);
  });
  test('team lead: their teams and the urgent queue', () => {
    const l = viewer({ userId: 'l1', roles: ['team_lead'], teamIds: ['t1', 't3'] });
    expect(canSee(l, order({ firstOwnerId: 'a9', teamId: 't3' }))).toBe(true);
    expect(canSee(l, order({ teamId: 't2', queue: 'shift_lead' }))).toBe(true);
    expect(canSee(l, order({ teamId: 't2' }))).toBe(false);
  });
  test('unit handler: only orders dispatched to their unit', () => {
    const u = viewer({ userId: 'h1', roles: ['unit_handler'], unitId: 7 });
    expect(canSee(u, order({ unitIds: [3, 7] }))).toBe(true);
    expect(canSee(u, order({ unitIds: [3] }))).toBe(false);
    expect(canSee(viewer({ roles: ['unit_handler'] }), order({ unitIds: [3] }))).toBe(false);
  });
  test('manager, admin and qa see all; planner and trainer none', () => {
    for (const r of ['manager', 'admin', 'qa'])
      expect(canSee(viewer({ roles: [r] }), order({ firstOwnerId: null, teamId: null }))).toBe(true);
    for (const r of ['planner', 'trainer']) expect(canSee(viewer({ roles: [r] }), order())).toBe(false);
    expect(visibilityFilter(viewer({ roles: ['planner'] }))).toEqual({ kind: 'none' });
    expect(visibilityFilter(viewer({ roles: ['agent', 'manager'] }))).toEqual({ kind: 'all' });
  });
  test('caller data: unmasked for front-line roles; for a unit only when allowed and dispatched to it; masked for qa', () => {
    const o = order({ unitIds: [7] });
    expect(callerDataVisible(viewer({ roles: ['agent'] }), o)).toBe(true);
    expect(callerDataVisible(viewer({ roles: ['qa'] }), o)).toBe(false);
    expect(callerDataVisible(viewer({ roles: ['unit_handler'], unitId: 7 }), o)).toBe(false);
    expect(callerDataVisible(viewer({ roles: ['unit_handler'], unitId: 7, unitSeesPersonalData: true }), o)).toBe(true);
    expect(callerDataVisible(viewer({ roles: ['unit_handler'], unitId: 8, unitSeesPersonalData: true }), o)).toBe(false);
  });
  test('property: the filter description and the predicate agree for every viewer and order', () => {
    const id = fc.constantFrom('a1', 'a2', 't1', 't2', 1, 2);
    const roles = fc.subarray(['agent', 'team_lead', 'qa', 'planner', 'trainer', 'manager', 'unit_handler', 'admin']);
    const v = fc.record({
      userId: id,
      roles,
      teamIds: fc.subarray(['t1', 't2', 1]),
      unitId: fc.option(fc.constantFrom(1, 2, 3), { nil: null }),
    });
    const o = fc.record({
      firstOwnerId: fc.option(id, { nil: null }),
      teamId: fc.option(fc.constantFrom('t1', 't2', 1), { nil: null }),
      unitIds: fc.subarray([1, 2, 3]),
      queue: fc.constantFrom(null, 'shift_lead' as const, 'unit_head' as const),
    });
    fc.assert(
      fc.property(v, o, (viewerX, orderX) => {
        const f = visibilityFilter(viewerX);
        const byFilter = f.kind === 'all' || (f.kind === 'any' && f.clauses.some((c) => clauseHolds(c, orderX)));
        expect(byFilter).toBe(canSee(viewerX, orderX));
      }),
      { numRuns: 500 },
    );
  });
});
