import type { ComponentType } from 'react';
import type { Role } from '../domain/auth/roles.ts';

/** Sidebar sections, in display order; labels are `navGroup.<id>` in the i18n files. */
export const NAV_GROUPS = ['home', 'reports', 'workforce', 'workOrders', 'quality', 'organisation', 'admin', 'audit'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * One page of the app. `roles` decides both the sidebar and the route guard; `api` lists the GET calls the
 * page makes on load, so a test can check every role that sees the page may make them (see
 * navigation-permissions.test.ts); `editRoles` may use the page's create/edit forms.
 */
export interface NavEntry {
  /** Also the i18n key `nav.<id>`. */
  id: string;
  path: string;
  group: NavGroup;
  roles: readonly Role[] | 'everyone';
  api: readonly string[];
  editRoles?: readonly Role[];
  /** Hidden entries are routes without a sidebar link (reached from another page). */
  hidden?: boolean;
  page: () => Promise<{ default: ComponentType }>;
}

const ORG_READ: Role[] = ['admin', 'manager', 'planner', 'team_lead'];
const ADMIN: Role[] = ['admin'];

// The route table: a later module adds its page with one line here (and its labels in the i18n files).
// biome-ignore format: one page per line reads as a table of the app's routes
export const NAV: readonly NavEntry[] = [
  { id: 'home', path: '/', group: 'home', roles: 'everyone', api: ['GET /api/v1/center'], page: () => import('./pages/home-page.tsx') },
  { id: 'center', path: '/organisation/center', group: 'organisation', roles: ORG_READ, editRoles: ADMIN, api: ['GET /api/v1/center'], page: () => import('./pages/organisation/center-page.tsx') },
  { id: 'sites', path: '/organisation/sites', group: 'organisation', roles: ORG_READ, editRoles: ADMIN, api: ['GET /api/v1/sites'], page: () => import('./pages/organisation/sites-page.tsx') },
  { id: 'skillGroups', path: '/organisation/skill-groups', group: 'organisation', roles: ORG_READ, editRoles: ADMIN, api: ['GET /api/v1/skill-groups'], page: () => import('./pages/organisation/skill-groups-page.tsx') },
  { id: 'teams', path: '/organisation/teams', group: 'organisation', roles: ORG_READ, editRoles: ADMIN, api: ['GET /api/v1/teams', 'GET /api/v1/sites', 'GET /api/v1/agents'], page: () => import('./pages/organisation/teams-page.tsx') },
  { id: 'agents', path: '/organisation/agents', group: 'organisation', roles: ORG_READ, editRoles: ADMIN, api: ['GET /api/v1/agents', 'GET /api/v1/teams', 'GET /api/v1/skill-groups'], page: () => import('./pages/organisation/agents-page.tsx') },
  { id: 'rosterImport', path: '/organisation/agents/import', group: 'organisation', roles: ADMIN, editRoles: ADMIN, api: [], page: () => import('./pages/organisation/roster-import-page.tsx') },
  { id: 'handlingUnits', path: '/organisation/handling-units', group: 'organisation', roles: ORG_READ, editRoles: ADMIN, api: ['GET /api/v1/handling-units'], page: () => import('./pages/organisation/handling-units-page.tsx') },
  { id: 'users', path: '/admin/users', group: 'admin', roles: ADMIN, editRoles: ADMIN, api: ['GET /api/v1/users', 'GET /api/v1/agents', 'GET /api/v1/handling-units'], page: () => import('./pages/admin/users-page.tsx') },
  { id: 'tokens', path: '/admin/tokens', group: 'admin', roles: ADMIN, editRoles: ADMIN, api: ['GET /api/v1/tokens'], page: () => import('./pages/admin/tokens-page.tsx') },
  { id: 'intervalReport', path: '/reports/intervals', group: 'reports', roles: ['manager', 'team_lead', 'planner', 'qa', 'trainer', 'admin'], api: ['GET /api/v1/reports/intervals', 'GET /api/v1/skill-groups'], page: () => import('./pages/reports/interval-report-page.tsx') },
  { id: 'agentTime', path: '/reports/agent-time', group: 'reports', roles: ['manager', 'team_lead', 'planner', 'qa', 'trainer', 'admin'], api: ['GET /api/v1/reports/agent-time'], page: () => import('./pages/reports/agent-time-page.tsx') },
  { id: 'repeatContacts', path: '/reports/repeat-contacts', group: 'reports', roles: ['manager', 'team_lead', 'planner', 'qa', 'trainer', 'admin'], api: ['GET /api/v1/reports/repeat-contacts'], page: () => import('./pages/reports/repeat-contacts-page.tsx') },
  { id: 'myNumbers', path: '/reports/mine', group: 'reports', roles: ['agent'], api: ['GET /api/v1/reports/me'], page: () => import('./pages/reports/my-numbers-page.tsx') },
  { id: 'dataImport', path: '/reports/import', group: 'reports', roles: ['admin'], editRoles: ['admin'], api: ['GET /api/v1/mappings'], page: () => import('./pages/reports/import-page.tsx') },
  { id: 'mappings', path: '/reports/mappings', group: 'reports', roles: ['admin', 'manager'], editRoles: ['admin'], api: ['GET /api/v1/mappings', 'GET /api/v1/skill-groups', 'GET /api/v1/agents'], page: () => import('./pages/reports/mappings-page.tsx') },
  { id: 'forecast', path: '/forecast', group: 'workforce', roles: ['planner', 'manager', 'team_lead', 'admin'], api: ['GET /api/v1/skill-groups', 'GET /api/v1/forecast', 'GET /api/v1/forecast/runs'], page: () => import('./pages/forecast/forecast-page.tsx') },
  { id: 'staffingCalculator', path: '/staffing/calculator', group: 'workforce', roles: ['planner', 'manager', 'team_lead', 'admin'], api: [], page: () => import('./pages/staffing/calculator-page.tsx') },
  { id: 'staffingPlan', path: '/staffing/plan', group: 'workforce', roles: ['planner', 'manager', 'team_lead', 'admin'], api: ['GET /api/v1/skill-groups', 'GET /api/v1/staffing/plan/history'], page: () => import('./pages/staffing/plan-page.tsx') },
  { id: 'staffingSimulation', path: '/staffing/simulation', group: 'workforce', roles: ['planner', 'manager', 'team_lead', 'admin'], api: [], page: () => import('./pages/staffing/simulation-page.tsx') },
  { id: 'evaluations', path: '/quality/evaluations', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin', 'team_lead', 'agent'], api: ['GET /api/v1/qa/evaluations', 'GET /api/v1/qa/disputes'], page: () => import('./pages/quality/evaluations-page.tsx') },
  { id: 'evaluate', path: '/quality/evaluate', group: 'quality', roles: ['qa', 'agent'], editRoles: ['qa', 'agent'], api: ['GET /api/v1/qa/scorecards'], page: () => import('./pages/quality/evaluate-page.tsx') },
  { id: 'evaluation', path: '/quality/evaluations/:id', group: 'quality', hidden: true, roles: ['qa', 'manager', 'trainer', 'admin', 'team_lead', 'agent'], api: [], page: () => import('./pages/quality/evaluation-page.tsx') },
  { id: 'coaching', path: '/quality/coaching', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin', 'team_lead', 'agent'], editRoles: ['qa', 'team_lead', 'trainer'], api: ['GET /api/v1/qa/coaching', 'GET /api/v1/qa/scorecards'], page: () => import('./pages/quality/coaching-page.tsx') },
  { id: 'sampling', path: '/quality/sampling', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin'], editRoles: ['qa', 'manager'], api: ['GET /api/v1/qa/samples'], page: () => import('./pages/quality/sampling-page.tsx') },
  { id: 'calibration', path: '/quality/calibration', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin'], editRoles: ['qa', 'manager'], api: ['GET /api/v1/qa/calibrations', 'GET /api/v1/qa/calibrations/trend', 'GET /api/v1/qa/scorecards'], page: () => import('./pages/quality/calibration-page.tsx') },
  { id: 'scorecards', path: '/quality/scorecards', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin'], editRoles: ['qa', 'manager', 'admin'], api: ['GET /api/v1/qa/scorecards'], page: () => import('./pages/quality/scorecards-page.tsx') },
  { id: 'qaReports', path: '/quality/reports', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin', 'team_lead'], api: ['GET /api/v1/qa/reports/agent-items'], page: () => import('./pages/quality/qa-reports-page.tsx') },
  { id: 'qualityCharts', path: '/quality/charts', group: 'quality', roles: ['qa', 'manager', 'trainer', 'admin', 'team_lead', 'agent'], api: [], page: () => import('./pages/quality/quality-charts-page.tsx') },
  { id: 'schedules', path: '/schedule', group: 'workforce', roles: ['planner', 'manager', 'admin'], api: ['GET /api/v1/schedules'], page: () => import('./pages/schedule/schedules-page.tsx') },
  { id: 'mySchedule', path: '/schedule/mine', group: 'workforce', roles: ['agent', 'team_lead'], api: ['GET /api/v1/schedules/mine', 'GET /api/v1/schedules/team', 'GET /api/v1/schedule-requests/mine', 'GET /api/v1/schedule-points/mine', 'GET /api/v1/bid-rounds', 'GET /api/v1/schedule-requests/colleagues'], page: () => import('./pages/schedule/my-schedule-page.tsx') },
  { id: 'scheduleRequests', path: '/schedule/requests', group: 'workforce', roles: ['planner', 'manager', 'admin'], api: ['GET /api/v1/schedule-requests', 'GET /api/v1/schedule-points', 'GET /api/v1/bid-rounds'], page: () => import('./pages/schedule/schedule-requests-page.tsx') },
  { id: 'workOrders', path: '/work-orders', group: 'workOrders', roles: ['agent', 'team_lead', 'manager', 'admin', 'qa', 'unit_handler'], api: ['GET /api/v1/work-orders'], page: () => import('./pages/work-orders/work-orders-page.tsx') },
  { id: 'newOrder', path: '/work-orders/new', group: 'workOrders', roles: ['agent', 'team_lead', 'manager'], api: ['GET /api/v1/work-orders/knowledge'], page: () => import('./pages/work-orders/new-order-page.tsx') },
  { id: 'dispatchBoard', path: '/work-orders/board', group: 'workOrders', roles: ['agent', 'team_lead', 'manager', 'admin'], api: ['GET /api/v1/work-orders'], page: () => import('./pages/work-orders/dispatch-board-page.tsx') },
  { id: 'callbacks', path: '/work-orders/callbacks', group: 'workOrders', roles: ['agent', 'team_lead', 'manager'], api: ['GET /api/v1/work-orders'], page: () => import('./pages/work-orders/callbacks-page.tsx') },
  { id: 'unitInbox', path: '/work-orders/inbox', group: 'workOrders', roles: ['unit_handler'], api: ['GET /api/v1/work-orders'], page: () => import('./pages/work-orders/unit-inbox-page.tsx') },
  { id: 'orderReports', path: '/work-orders/reports', group: 'workOrders', roles: ['manager', 'team_lead', 'admin', 'qa'], api: [], page: () => import('./pages/work-orders/order-reports-page.tsx') },
  { id: 'order', path: '/work-orders/:id', group: 'workOrders', hidden: true, roles: ['agent', 'team_lead', 'manager', 'admin', 'qa', 'unit_handler'], api: ['GET /api/v1/work-orders/:id'], page: () => import('./pages/work-orders/order-page.tsx') },
  { id: 'audit', path: '/audit', group: 'audit', roles: ['admin', 'manager'], api: ['GET /api/v1/audit'], page: () => import('./pages/audit/audit-page.tsx') },
];

function holds(held: readonly string[], allowed: readonly Role[] | 'everyone'): boolean {
  return allowed === 'everyone' || held.some((r) => (allowed as readonly string[]).includes(r));
}

/** May a user holding `roles` open this page? */
export function canOpen(roles: readonly string[], entry: NavEntry): boolean {
  return holds(roles, entry.roles);
}

/** May a user holding `roles` use the page's create/edit forms? */
export function canEdit(roles: readonly string[], entry: NavEntry): boolean {
  return entry.editRoles !== undefined && holds(roles, entry.editRoles) && canOpen(roles, entry);
}

/** The sidebar for a user: the groups in order, each with the visible entries the roles may open. */
export function navigationFor(roles: readonly string[]): { group: NavGroup; entries: NavEntry[] }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    entries: NAV.filter((e) => e.group === group && !e.hidden && canOpen(roles, e)),
  })).filter((g) => g.entries.length > 0);
}

export function navEntry(id: string): NavEntry {
  const e = NAV.find((n) => n.id === id);
  if (!e) throw new Error(`no navigation entry ${id}`);
  return e;
}
