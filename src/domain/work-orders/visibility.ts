import { PERSONAL_DATA_ROLES } from '../auth/roles.ts';
import type { EntityId } from './types.ts';

/**
 * Who sees which order (docs/work-orders.md, "Who sees what"):
 * - manager, admin and qa: every order (qa reviews orders with the calls it evaluates);
 * - agent: the orders they own as first owner (首问负责), and their team's;
 * - team_lead: their teams' orders, and the urgent orders in the shift lead's queue;
 * - unit_handler: only the orders dispatched to their unit;
 * - anyone else: none. Rules add up for a user with several roles.
 * The same rule is given twice: as a predicate ({@link canSee}) and as a filter description a store turns into
 * a query ({@link visibilityFilter}); tests check that they agree.
 */
export interface Viewer {
  userId: EntityId;
  roles: readonly string[];
  /** Teams the user belongs to or leads. */
  teamIds: readonly EntityId[];
  unitId: EntityId | null;
  /** The user's unit is allowed to see callers' personal data. */
  unitSeesPersonalData?: boolean;
}

/** The facts of an order the rule looks at. */
export interface VisibleOrder {
  firstOwnerId: EntityId | null;
  teamId: EntityId | null;
  /** Units the order is or was dispatched to. */
  unitIds: readonly EntityId[];
  queue: 'shift_lead' | 'unit_head' | null;
}

export type VisibilityClause =
  | { field: 'firstOwnerId'; equals: EntityId }
  | { field: 'teamId'; in: readonly EntityId[] }
  | { field: 'queue'; equals: 'shift_lead' }
  | { field: 'unitIds'; contains: EntityId };

/** `all`: no restriction; `any`: an order is visible when one clause holds; `none`: nothing. */
export type VisibilityFilter = { kind: 'all' } | { kind: 'any'; clauses: VisibilityClause[] } | { kind: 'none' };

const SEE_ALL = ['manager', 'admin', 'qa'];

export function visibilityFilter(v: Viewer): VisibilityFilter {
  if (v.roles.some((r) => SEE_ALL.includes(r))) return { kind: 'all' };
  const clauses: VisibilityClause[] = [];
  const has = (r: string) => v.roles.includes(r);
  if (has('agent')) clauses.push({ field: 'firstOwnerId', equals: v.userId });
  if ((has('agent') || has('team_lead')) && v.teamIds.length > 0) clauses.push({ field: 'teamId', in: [...v.teamIds] });
  if (has('team_lead')) clauses.push({ field: 'queue', equals: 'shift_lead' });
  if (has('unit_handler') && v.unitId != null) clauses.push({ field: 'unitIds', contains: v.unitId });
  return clauses.length > 0 ? { kind: 'any', clauses } : { kind: 'none' };
}

/** Does an order satisfy one clause? (what a store's WHERE must do) */
export function clauseHolds(c: VisibilityClause, o: VisibleOrder): boolean {
  switch (c.field) {
    case 'firstOwnerId':
      return o.firstOwnerId != null && o.firstOwnerId === c.equals;
    case 'teamId':
      return o.teamId != null && c.in.includes(o.teamId);
    case 'queue':
      return o.queue === c.equals;
    case 'unitIds':
      return o.unitIds.includes(c.contains);
  }
}

/** May this viewer see this order? */
export function canSee(v: Viewer, o: VisibleOrder): boolean {
  const has = (r: string) => v.roles.includes(r);
  if (v.roles.some((r) => SEE_ALL.includes(r))) return true;
  if (has('agent') && o.firstOwnerId != null && o.firstOwnerId === v.userId) return true;
  if ((has('agent') || has('team_lead')) && o.teamId != null && v.teamIds.includes(o.teamId)) return true;
  if (has('team_lead') && o.queue === 'shift_lead') return true;
  return has('unit_handler') && v.unitId != null && o.unitIds.includes(v.unitId);
}

/**
 * May this viewer see the caller's name and phone unmasked? Roles in PERSONAL_DATA_ROLES (agent, team_lead,
 * manager, admin) may; a unit handler only when the order went to their unit and the unit is allowed; others
 * (qa, planner, trainer) see them masked.
 */
export function callerDataVisible(v: Viewer, o: VisibleOrder): boolean {
  if (v.roles.some((r) => (PERSONAL_DATA_ROLES as readonly string[]).includes(r))) return true;
  return v.roles.includes('unit_handler') && v.unitSeesPersonalData === true && v.unitId != null && o.unitIds.includes(v.unitId);
}
