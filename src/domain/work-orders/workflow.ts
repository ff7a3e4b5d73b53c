import type { Role } from '../auth/roles.ts';
import {
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  SATISFACTION,
  type Satisfaction,
  STATUSES,
  type Status,
} from './types.ts';

/**
 * The work-order (工单) flow of a government-style hotline:
 * 受理 registered → answered and closed on the spot, or 派单 dispatched to handling units → 签收 accepted →
 * 办理 in progress → 回复 replied → 回访 callback (满意 / 基本满意 / 不满意) → 办结 closed.
 * 退单 return goes back to the dispatcher; 不满意 at callback is a 重办 redo (back to the unit, counted);
 * 延期 extension requests are decided by a supervisor; 催办 reminders and 督办 supervision flag an open order.
 *
 * Superseded: the first, single-unit version used by the server routes: new code uses state-machine.ts
 * (per-unit assignments, typed errors instead of throws, history entries). Remove once the routes moved.
 */

// The vocabulary lives in types.ts; re-exported for the modules that import it from here.
export { CATEGORIES, type Category, CHANNELS, type Channel, SATISFACTION, type Satisfaction, STATUSES, type Status };

export type Action =
  | { type: 'answer'; answer: string; basis: string }
  | { type: 'dispatch'; unitIds: number[]; note?: string }
  | { type: 'accept' }
  | { type: 'start' }
  | { type: 'reply'; reply: string }
  | { type: 'return'; reason: string }
  | { type: 'request_extension'; until: number; reason: string }
  | { type: 'decide_extension'; approve: boolean; note?: string }
  | { type: 'callback'; satisfaction: Satisfaction; note?: string }
  | { type: 'close'; note: string }
  | { type: 'remind'; note?: string }
  | { type: 'supervise'; note?: string }
  | { type: 'merge'; intoId: number; note?: string };
export type ActionType = Action['type'];

interface Rule {
  from: readonly Status[];
  roles: readonly Role[];
  /** The status after the action; `same` keeps it. Callback depends on the answer (see {@link nextStatus}). */
  to: Status | 'same' | 'by-satisfaction';
}

const OPEN: Status[] = ['dispatched', 'accepted', 'in_progress', 'replied', 'returned', 'registered'];
const FRONT: Role[] = ['agent', 'team_lead', 'manager'];
const LEAD: Role[] = ['team_lead', 'manager'];

/** Who may do what from which status. Anything not listed here is refused. */
export const RULES: Record<ActionType, Rule> = {
  answer: { from: ['registered'], roles: FRONT, to: 'closed' },
  dispatch: { from: ['registered', 'returned'], roles: FRONT, to: 'dispatched' },
  accept: { from: ['dispatched'], roles: ['unit_handler'], to: 'accepted' },
  start: { from: ['accepted'], roles: ['unit_handler'], to: 'in_progress' },
  reply: { from: ['accepted', 'in_progress'], roles: ['unit_handler'], to: 'replied' },
  return: { from: ['dispatched', 'accepted'], roles: ['unit_handler'], to: 'returned' },
  request_extension: { from: ['accepted', 'in_progress'], roles: ['unit_handler'], to: 'same' },
  decide_extension: { from: ['accepted', 'in_progress'], roles: LEAD, to: 'same' },
  callback: { from: ['replied'], roles: FRONT, to: 'by-satisfaction' },
  close: { from: ['replied'], roles: LEAD, to: 'closed' },
  remind: { from: ['dispatched', 'accepted', 'in_progress'], roles: FRONT, to: 'same' },
  supervise: { from: OPEN, roles: LEAD, to: 'same' },
  merge: { from: ['registered', 'dispatched', 'returned'], roles: LEAD, to: 'merged' },
};

export class TransitionError extends Error {
  constructor(
    message: string,
    readonly code: 'status' | 'role' | 'input',
  ) {
    super(message);
    this.name = 'TransitionError';
  }
}

/** The state an action needs and changes. */
export interface OrderState {
  status: Status;
  category: Category;
  redoCount: number;
  returnCount: number;
  reminderCount: number;
  supervised: boolean;
  extension: { until: number; status: 'pending' | 'approved' | 'rejected' } | null;
}

/**
 * Applies an action: checks status and role and the action's own input, and returns the new state.
 * A refused action changes nothing (the caller stores nothing).
 * @example nextStatus({ status: 'replied', … }, { type: 'callback', satisfaction: 'dissatisfied' }, ['agent'])
 * // → status 'dispatched', redoCount + 1 (重办)
 */
export function applyAction(state: OrderState, action: Action, roles: readonly string[]): OrderState {
  const rule = RULES[action.type];
  if (!rule.roles.some((r) => roles.includes(r))) {
    throw new TransitionError(`${action.type} needs one of the roles ${rule.roles.join(', ')}`, 'role');
  }
  if (!rule.from.includes(state.status)) {
    throw new TransitionError(`${action.type} is not allowed when the order is ${state.status}`, 'status');
  }
  const next: OrderState = { ...state };
  switch (action.type) {
    case 'answer':
      if (state.category !== 'consultation' && state.category !== 'suggestion') {
        throw new TransitionError('only consultations and suggestions are answered and closed on the spot', 'input');
      }
      if (!action.answer.trim() || !action.basis.trim())
        throw new TransitionError('an answer and its basis (knowledge article, law or policy) are required', 'input');
      break;
    case 'dispatch':
      if (action.unitIds.length === 0) throw new TransitionError('choose at least one handling unit', 'input');
      break;
    case 'reply':
      if (!action.reply.trim()) throw new TransitionError('the reply is empty', 'input');
      break;
    case 'return':
      if (!action.reason.trim()) throw new TransitionError('a return needs its reason', 'input');
      next.returnCount++;
      break;
    case 'request_extension':
      if (state.extension?.status === 'pending') throw new TransitionError('an extension request is already pending', 'input');
      next.extension = { until: action.until, status: 'pending' };
      break;
    case 'decide_extension':
      if (state.extension?.status !== 'pending') throw new TransitionError('no extension request is pending', 'input');
      next.extension = { ...state.extension, status: action.approve ? 'approved' : 'rejected' };
      break;
    case 'callback':
      if (action.satisfaction === 'dissatisfied') {
        next.redoCount++;
        next.status = 'dispatched';
        return next;
      }
      next.status = 'closed';
      return next;
    case 'close':
      if (!action.note.trim())
        throw new TransitionError('closing without a callback needs a note (e.g. caller unreachable three times)', 'input');
      break;
    case 'remind':
      next.reminderCount++;
      break;
    case 'supervise':
      next.supervised = true;
      break;
    default:
      break;
  }
  if (rule.to !== 'same' && rule.to !== 'by-satisfaction') next.status = rule.to;
  return next;
}

/** The actions a user could take now (for the buttons of the order page). */
export function availableActions(status: Status, roles: readonly string[]): ActionType[] {
  return (Object.keys(RULES) as ActionType[]).filter(
    (a) => RULES[a].from.includes(status) && RULES[a].roles.some((r) => roles.includes(r)),
  );
}
