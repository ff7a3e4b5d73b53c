import type { EntityId, HistoryEntry, OrderState } from './types.ts';

/**
 * Who is told of a step in an order's history:
 * - the first owner (首问负责), of every step by someone else, so they follow it to the end;
 * - units: those it is dispatched to (派单), those whose part is reopened by a redo (重办), reminded (催办) or
 *   supervised (督办), and the unit whose extension was decided;
 * - roles: team leads when a unit asks for an extension, or when a unit returns it (the dispatcher must act).
 * Escalation audiences are in escalation.ts.
 */
export interface Recipients {
  userIds: EntityId[];
  unitIds: EntityId[];
  roles: string[];
}

const activeUnits = (o: OrderState) => o.assignments.filter((a) => a.status !== 'returned').map((a) => a.unitId);

/** `order` is the order after the step. */
export function recipientsOf(order: OrderState, entry: HistoryEntry): Recipients {
  const userIds = entry.actorId !== order.firstOwnerId ? [order.firstOwnerId] : [];
  let unitIds: EntityId[] = [];
  const roles: string[] = [];
  switch (entry.action) {
    case 'dispatch':
      unitIds = (entry.data?.unitIds as EntityId[] | undefined) ?? [];
      break;
    case 'callback':
    case 'redo':
    case 'remind':
    case 'supervise':
      // A satisfied callback closes the order: the units are not needed any more.
      if (order.status !== 'closed') unitIds = activeUnits(order);
      break;
    case 'approveExtension':
    case 'rejectExtension':
      if (order.extension) unitIds = [order.extension.unitId];
      break;
    case 'requestExtension':
      roles.push('team_lead');
      break;
    case 'return':
      if (order.status === 'returned') roles.push('team_lead');
      break;
  }
  return { userIds, unitIds: unitIds.filter((u) => u !== entry.unitId), roles };
}
