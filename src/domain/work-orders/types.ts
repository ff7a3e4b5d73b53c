/**
 * The work order (工单) and its vocabulary; names follow shared/GLOSSARY.md. Instants are UTC epoch ms.
 * Ids are whatever the store uses (numbers in SQL, strings elsewhere); the domain only compares them.
 */
export type EntityId = number | string;

/** 受理 registered → 派单 dispatched → 签收 accepted → 办理 in_progress → 回复 replied → 办结 closed; 退单 returned; 合并 merged. */
export const STATUSES = [
  'registered',
  'dispatched',
  'accepted',
  'in_progress',
  'replied',
  'returned',
  'closed',
  'merged',
] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses in which an order still needs work (the backlog). */
export const OPEN_STATUSES: readonly Status[] = ['registered', 'dispatched', 'accepted', 'in_progress', 'replied', 'returned'];

/** 咨询 consultation, 建议 suggestion, 投诉 complaint, 求助 request for help, 举报 report. */
export const CATEGORIES = ['consultation', 'suggestion', 'complaint', 'help', 'report'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['phone', 'web', 'wechat', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 急件 urgent orders go to the shift lead at once and have the short deadlines. */
export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 满意 / 基本满意 / 不满意 at the callback (回访). */
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** 一般 general → 重大 major → 中心督办 center management. */
export const ESCALATION_LEVELS = ['general', 'major', 'center'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** What the content states (when, where, what happened, what the caller asks). */
export interface OrderContent {
  time?: string;
  place?: string;
  what?: string;
  demand?: string;
}

/** The basis of a direct answer to a consultation: a knowledge article, a law or a policy, and its reference. */
export interface AnswerBasis {
  kind: 'knowledge' | 'law' | 'policy';
  reference: string;
}

/** One handling unit's share of a dispatched order (承办); an order may go to several units at once. */
export interface Assignment {
  unitId: EntityId;
  status: 'dispatched' | 'accepted' | 'in_progress' | 'replied' | 'returned';
  dispatchedAt: number;
  reply: string | null;
  returnReason: string | null;
}

/** A pending or decided 延期 request. */
export interface Extension {
  unitId: EntityId;
  until: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
}

/** The state the flow reads and changes; stores keep more (caller, contacts, attachments…) beside it. */
export interface OrderState {
  id: EntityId;
  status: Status;
  category: Category;
  priority: Priority;
  /** 首问负责: the agent's user who registered it, who follows it to the end. */
  firstOwnerId: EntityId;
  assignments: readonly Assignment[];
  dueAt: number | null;
  closedAt: number | null;
  redoCount: number;
  returnCount: number;
  reminderCount: number;
  supervised: boolean;
  extension: Extension | null;
  /** The latest callback answer; every callback is also in the history. */
  satisfaction: Satisfaction | null;
  answer: { text: string; basis: AnswerBasis } | null;
  mergedIntoId: EntityId | null;
}

/** The full order as registered. */
export interface WorkOrder extends OrderState {
  number: string;
  channel: Channel;
  title: string;
  location: string;
  content: OrderContent;
  caller: { name: string | null; phone: string | null };
  /** Keys of the normalised contacts (calls) it came from. */
  contactIds: readonly string[];
  teamId: EntityId | null;
  createdAt: number;
  callEndedAt: number | null;
  escalationLevel: EscalationLevel;
}

/** One line of an order's history: who did what, when, from which status to which. */
export interface HistoryEntry {
  orderId: EntityId;
  at: number;
  actorId: EntityId;
  action: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  unitId?: EntityId;
  note?: string;
  data?: Record<string, unknown>;
}
