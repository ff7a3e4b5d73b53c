import { expect, test } from 'vitest';
import { ROLES } from '../domain/auth/roles.ts';
import { canEdit, canOpen, NAV, navEntry, navigationFor } from './navigation.ts';

const ids = (roles: string[]) => navigationFor(roles).flatMap((g) => g.entries.map((e) => e.id));

test('paths and ids are unique, and every path starts with /', () => {
  expect(new Set(NAV.map((e) => e.path)).size).toBe(NAV.length);
  expect(new Set(NAV.map((e) => e.id)).size).toBe(NAV.length);
  for (const e of NAV) expect(e.path.startsWith('/')).toBe(true);
});

test("an agent sees home and work orders; an admin sees every page but the front line's order entry", () => {
  expect(ids(['agent'])).toEqual([
    'home',
    'myNumbers',
    'mySchedule',
    'workOrders',
    'newOrder',
    'dispatchBoard',
    'callbacks',
    'evaluations',
    'evaluate',
    'coaching',
    'qualityCharts',
  ]);
  expect(ids(['admin']).sort()).toEqual(
    NAV.filter(
      (e) =>
        !e.hidden &&
        e.id !== 'newOrder' &&
        e.id !== 'callbacks' &&
        e.id !== 'unitInbox' &&
        e.id !== 'evaluate' &&
        e.id !== 'mySchedule' &&
        e.id !== 'myNumbers',
    )
      .map((e) => e.id)
      .sort(),
  );
});

test("the brief's permission table, role by role", () => {
  const org = ['center', 'sites', 'skillGroups', 'teams', 'agents', 'handlingUnits'];
  for (const role of ['manager', 'planner', 'team_lead']) {
    for (const id of org) expect(canOpen([role], navEntry(id)), `${role} ${id}`).toBe(true);
    for (const id of org) expect(canEdit([role], navEntry(id)), `${role} edits ${id}`).toBe(false);
    for (const id of ['users', 'tokens', 'rosterImport']) expect(canOpen([role], navEntry(id)), `${role} ${id}`).toBe(false);
  }
  expect(canOpen(['manager'], navEntry('audit'))).toBe(true);
  for (const role of ['planner', 'team_lead', 'qa', 'trainer', 'agent', 'unit_handler'])
    expect(canOpen([role], navEntry('audit'))).toBe(false);
  for (const id of org) expect(canEdit(['admin'], navEntry(id))).toBe(true);
});

test('roles add up: a planner who is also a manager sees the audit log', () => {
  expect(ids(['planner'])).not.toContain('audit');
  expect(ids(['planner', 'manager'])).toContain('audit');
});

test('groups come in order and are left out when empty', () => {
  expect(navigationFor(['agent']).map((g) => g.group)).toEqual(['home', 'reports', 'workforce', 'workOrders', 'quality']);
  expect(navigationFor(['admin']).map((g) => g.group)).toEqual([
    'home',
    'reports',
    'workforce',
    'workOrders',
    'quality',
    'organisation',
    'admin',
    'audit',
  ]);
  for (const r of ROLES) expect(navigationFor([r]).every((g) => g.entries.length > 0)).toBe(true);
});

test('every page module loads and has a default component', async () => {
  for (const e of NAV) {
    const m = await e.page();
    expect(typeof m.default, e.id).toBe('function');
  }
});
