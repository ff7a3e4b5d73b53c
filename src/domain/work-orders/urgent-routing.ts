import type { EntityId } from './types.ts';

/**
 * Where an urgent order (急件) goes at once: the queue of the shift lead(s) on duty (值班长); if no shift lead
 * is on duty, the head of the handling unit. Who is on duty comes from the published schedule.
 * @example routeUrgent({ shiftLeadsOnDuty: [], unitHeadId: 42 }) → { queue: 'unit_head', userIds: [42] }
 */
export type UrgentRoute =
  | { queue: 'shift_lead'; userIds: EntityId[] }
  | { queue: 'unit_head'; userIds: EntityId[] }
  | { queue: 'none'; userIds: [] };

export function routeUrgent(who: { shiftLeadsOnDuty: readonly EntityId[]; unitHeadId: EntityId | null }): UrgentRoute {
  if (who.shiftLeadsOnDuty.length > 0) return { queue: 'shift_lead', userIds: [...new Set(who.shiftLeadsOnDuty)] };
  if (who.unitHeadId != null) return { queue: 'unit_head', userIds: [who.unitHeadId] };
  // Nobody to send it to is a configuration gap the caller must report, not a silent drop.
  return { queue: 'none', userIds: [] };
}
