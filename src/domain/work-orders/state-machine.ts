import type { Role } from '../auth/roles.ts';
import type { AnswerBasis, Assignment, EntityId, HistoryEntry, OrderState, Satisfaction, Status } from './types.ts';
import { OPEN_STATUSES } from './types.ts';

/**
 * The work-order flow as checked transitions (see the state diagram in docs/work-orders.md):
 * 受理 registered → answered and closed (consultations), or 派单 dispatched to one or more units → each unit 签收
 * accepts → 办理 works on it → 回复 replies → 回访 callback → 办结 closed. A unit may 退单 return a wrong dispatch
 * (back to the dispatcher when no unit is left); 不满意 at callback, or a caller refusing to close, is 重办 redo
 * (back to the units, counted); 延期 extensions are asked by the unit and decided by a supervisor; 催办 reminders
 * and 督办 supervision change no status; duplicates are merged with an entry in both histories.
 * Deadlines are computed by the caller (deadline-policy.ts) and passed in, so this file stays clock-free.
 */
export type Action =
  | { type: 'answerDirectly'; answer: string; basis: AnswerBasis }
  | { type: 'dispatch'; unitIds: readonly EntityId[]; dueAt: number; note?: string }
  | { type: 'accept' }
  | { type: 'start' }
  | { type: 'reply'; reply: string }
  | { type: 'return'; reason: string }
  | { type: 'requestExtension'; until: number; reason: string }
  | { type: 'approveExtension'; note?: string }
  | { type: 'rejectExtension'; note: string }
  | { type: 'callback'; satisfaction: Satisfaction; note?: string; redoDueAt?: number }
  | { type: 'redo'; reason: string; dueAt?: number }
  | { type: 'close'; note: string }
  | { type: 'remind'; note?: string }
  | { type: 'supervise'; note?: string }
  | { type: 'merge'; intoId: EntityId; note?: string };
export type ActionType = Action['type'];

/** Who acts: a user with roles; a handling-unit user also has the unit. */
export interface Actor {
  id: EntityId;
  roles: readonly string[];
  unitId?: EntityId | null;
}

interface Rule {
  /** Order statuses the action starts from. */
  from: readonly Status[];
  roles: readonly Role[];
  /** For a unit's own step: the statuses its assignment must be in. */
  unit?: readonly Assignment['status'][];
}

const FRONT: Role[] = ['agent', 'team_lead', 'manager'];
const SUPERVISOR: Role[] = ['team_lead', 'manager'];
const UNIT: Role[] = ['unit_handler'];
const WITH_UNITS: Status[] = ['dispatched', 'accepted', 'in_progress'];

/** Who may do what from which status. Anything not listed is refused. */
export const RULES: Record<ActionType, Rule> = {
  answerDirectly: { from: ['registered'], roles: FRONT },
  dispatch: { from: ['registered', 'returned', ...WITH_UNITS], roles: FRONT },
  accept: { from: WITH_UNITS, roles: UNIT, unit: ['dispatched'] },
  start: { from: WITH_UNITS, roles: UNIT, unit: ['accepted'] },
  reply: { from: WITH_UNITS, roles: UNIT, unit: ['accepted', 'in_progress'] },
  return: { from: WITH_UNITS, roles: UNIT, unit: ['dispatched', 'accepted'] },
  requestExtension: { from: WITH_UNITS, roles: UNIT, unit: ['accepted', 'in_progress'] },
  approveExtension: { from: WITH_UNITS, roles: SUPERVISOR },
  rejectExtension: { from: WITH_UNITS, roles: SUPERVISOR },
  callback: { from: ['replied'], roles: FRONT },
  redo: { from: ['replied'], roles: FRONT },
  close: { from: ['replied'], roles: SUPERVISOR },
  remind: { from: WITH_UNITS, roles: FRONT },
  supervise: { from: OPEN_STATUSES, roles: SUPERVISOR },
  merge: { from: OPEN_STATUSES, roles: SUPERVISOR },
};

export interface TransitionError {
  /** role: not allowed for the actor's roles; status: not from this status; unit: not the actor's unit's step; input: bad data. */
  code: 'role' | 'status' | 'unit' | 'input';
  message: string;
  field?: string;
}

export type TransitionResult<T extends OrderState> =
  | { ok: true; order: T; entry: HistoryEntry; related: HistoryEntry[] }
  | { ok: false; error: TransitionError };

const ORDER: Assignment['status'][] = ['dispatched', 'accepted', 'in_progress', 'replied'];

/** The order's status from its units' steps: the least advanced active unit; no active unit = back to the dispatcher. */
export function statusFromAssignments(assignments: readonly Assignment[]): Status {
  const active = assignments.filter((a) => a.status !== 'returned');
  if (active.length === 0) return 'returned';
  return ORDER[Math.min(...active.map((a) => ORDER.indexOf(a.status)))]!;
}

function precheck(order: OrderState, type: ActionType, actor: Actor): TransitionError | Assignment | null {
  const rule = RULES[type];
  if (!rule.roles.some((r) => actor.roles.includes(r)))
    return { code: 'role', message: `${type} needs one of the roles ${rule.roles.join(', ')}` };
  if (!rule.from.includes(order.status))
    return { code: 'status', message: `${type} is not allowed when the order is ${order.status}` };
  if (!rule.unit) return null;
  const mine = order.assignments.find((a) => actor.unitId != null && a.unitId === actor.unitId && a.status !== 'returned');
  if (!mine) return { code: 'unit', message: 'this order is not dispatched to your unit' };
  if (!rule.unit.includes(mine.status))
    return { code: 'status', message: `${type} is not allowed when your unit's part is ${mine.status}` };
  return mine;
}

/** The actions this actor could take now (the buttons of the order page); input is checked on the action itself. */
export function allowedActions(order: OrderState, actor: Actor): ActionType[] {
  return (Object.keys(RULES) as ActionType[]).filter((t) => {
    const p = precheck(order, t, actor);
    if (p != null && 'code' in p) return false;
    if (t === 'approveExtension' || t === 'rejectExtension') return order.extension?.status === 'pending';
    if (t === 'answerDirectly') return order.category === 'consultation';
    return true;
  });
}

const blank = (s: string | undefined) => !s?.trim();
const input = (message: string, field: string): { ok: false; error: TransitionError } => ({
  ok: false,
  error: { code: 'input', message, field },
});

/**
 * Applies an action at instant `at`: checks role, status, the unit and the action's input; returns the new order
 * and its history entry, or a typed error (nothing changes). The order passed in is never modified.
 * @example transition(replied, { type: 'callback', satisfaction: 'dissatisfied', redoDueAt }, agent, now)
 * // → ok, status 'dispatched', redoCount + 1, the replied units back to 'dispatched' (重办)
 */
export function transition<T extends OrderState>(order: T, action: Action, actor: Actor, at: number): TransitionResult<T> {
  const p = precheck(order, action.type, actor);
  if (p != null && 'code' in p) return { ok: false, error: p };
  const mine = p;
  const next: T = { ...order };
  const setUnit = (status: Assignment['status'], patch: Partial<Assignment> = {}) => {
    next.assignments = order.assignments.map((a) => (a === mine ? { ...a, status, ...patch } : a));
    next.status = statusFromAssignments(next.assignments);
  };
  const related: HistoryEntry[] = [];
  let note: string | undefined = 'note' in action ? action.note : undefined;
  let data: Record<string, unknown> | undefined;
  switch (action.type) {
    case 'answerDirectly':
      if (order.category !== 'consultation') return input('only a consultation is answered and closed on the spot', 'type');
      if (blank(action.answer)) return input('the answer is empty', 'answer');
      if (blank(action.basis.reference))
        return input('the basis (knowledge article, law or policy) is required', 'basis.reference');
      Object.assign(next, { answer: { text: action.answer, basis: action.basis }, status: 'closed', closedAt: at });
      break;
    case 'dispatch': {
      const ids = [...new Set(action.unitIds)];
      if (ids.length === 0) return input('choose at least one handling unit', 'unitIds');
      const kept = order.assignments.filter((a) => a.status !== 'returned');
      if (ids.some((u) => kept.some((a) => a.unitId === u))) return input('the order is already with that unit', 'unitIds');
      if (!(action.dueAt > at)) return input('the deadline must be after the dispatch', 'dueAt');
      next.assignments = [
        ...kept,
        ...ids.map((unitId) => ({ unitId, status: 'dispatched' as const, dispatchedAt: at, reply: null, returnReason: null })),
      ];
      next.status = statusFromAssignments(next.assignments);
      // A first dispatch sets the deadline; adding a unit later keeps the order's deadline.
      if (kept.length === 0) next.dueAt = action.dueAt;
      data = { unitIds: ids, dueAt: next.dueAt };
      break;
    }
    case 'accept':
      setUnit('accepted');
      break;
    case 'start':
      setUnit('in_progress');
      break;
    case 'reply':
      if (blank(action.reply)) return input('the reply is empty', 'reply');
      setUnit('replied', { reply: action.reply });
      note = action.reply;
      break;
    case 'return':
      if (blank(action.reason)) return input('a return needs its reason', 'reason');
      setUnit('returned', { returnReason: action.reason });
      next.returnCount = order.returnCount + 1;
      note = action.reason;
      break;
    case 'requestExtension':
      if (order.extension?.status === 'pending') return input('an extension request is already pending', 'type');
      if (blank(action.reason)) return input('an extension needs its reason', 'reason');
      if (!(action.until > Math.max(at, order.dueAt ?? at)))
        return input('the new deadline must be later than the current one', 'until');
      next.extension = { unitId: mine!.unitId, until: action.until, reason: action.reason, status: 'pending' };
      note = action.reason;
      data = { until: action.until };
      break;
    case 'approveExtension':
    case 'rejectExtension': {
      const ext = order.extension;
      if (ext?.status !== 'pending') return input('no extension request is pending', 'type');
      if (action.type === 'rejectExtension' && blank(action.note)) return input('a rejection needs its reason', 'note');
      const approve = action.type === 'approveExtension';
      next.extension = { ...ext, status: approve ? 'approved' : 'rejected' };
      if (approve) next.dueAt = ext.until;
      data = { until: ext.until };
      break;
    }
    case 'callback':
    case 'redo': {
      const redo = action.type === 'redo' || action.satisfaction === 'dissatisfied';
      if (action.type === 'redo' && blank(action.reason)) return input('a redo needs its reason', 'reason');
      if (action.type === 'callback') next.satisfaction = action.satisfaction;
      if (!redo) {
        Object.assign(next, { status: 'closed', closedAt: at });
      } else {
        // 重办: the units that replied get it back; the count feeds escalation and the redo rate.
        next.assignments = order.assignments.map((a) =>
          a.status === 'replied' ? { ...a, status: 'dispatched' as const, dispatchedAt: at, reply: null } : a,
        );
        next.status = 'dispatched';
        next.redoCount = order.redoCount + 1;
        next.extension = null;
        const due = action.type === 'redo' ? action.dueAt : action.redoDueAt;
        if (due != null) next.dueAt = due;
      }
      if (action.type === 'redo') note = action.reason;
      data = {
        ...(action.type === 'callback' ? { satisfaction: action.satisfaction } : {}),
        ...(redo ? { redoCount: next.redoCount, dueAt: next.dueAt } : {}),
      };
      break;
    }
    case 'close':
      if (blank(action.note))
        return input('closing without a satisfied callback needs a note (e.g. caller unreachable three times)', 'note');
      Object.assign(next, { status: 'closed', closedAt: at });
      break;
    case 'remind':
      next.reminderCount = order.reminderCount + 1;
      break;
    case 'supervise':
      if (order.supervised) return input('the order is already supervised', 'type');
      next.supervised = true;
      break;
    case 'merge':
      if (action.intoId === order.id) return input('an order cannot be merged into itself', 'intoId');
      Object.assign(next, { status: 'merged', mergedIntoId: action.intoId });
      data = { intoId: action.intoId };
      // The surviving order records the duplicate too: the history keeps both.
      related.push({
        orderId: action.intoId,
        at,
        actorId: actor.id,
        action: 'mergedFrom',
        fromStatus: null,
        toStatus: null,
        note,
        data: { fromId: order.id },
      });
      break;
  }
  const entry: HistoryEntry = {
    orderId: order.id,
    at,
    actorId: actor.id,
    action: action.type,
    fromStatus: order.status,
    toStatus: next.status,
  };
  if (mine) entry.unitId = mine.unitId;
  if (note?.trim()) entry.note = note;
  if (data) entry.data = data;
  return { ok: true, order: next, entry, related };
}
