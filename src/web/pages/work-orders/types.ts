/** JSON of the work-order API (src/server/routes/work-orders.ts). */
export interface UnitPart {
  unitId: number;
  unitName: string;
  status: string;
  dueAt: string | null;
  extensionStatus: string | null;
  extensionUntil: string | null;
}

export interface OrderListItem {
  id: number;
  number: string;
  title: string;
  category: string;
  channel: string;
  status: string;
  urgent: boolean;
  location: string | null;
  createdAt: string;
  dueAt: string | null;
  closedAt: string | null;
  overdue: boolean;
  redoCount: number;
  escalationLevel: string;
  supervised: boolean;
  queue: string | null;
  units: UnitPart[];
  callerName: string | null;
  callerPhone: string | null;
}

export interface Dispatch {
  id: number;
  unitId: number;
  unitName: string;
  status: string;
  dispatchedAt: string;
  acceptedAt: string | null;
  startedAt: string | null;
  repliedAt: string | null;
  reply: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  dueAt: string | null;
  extensionUntil: string | null;
  extensionStatus: string | null;
  extensionReason: string | null;
}

export interface OrderDetail extends Omit<OrderListItem, 'overdue' | 'units'> {
  content: { time?: string; place?: string; what?: string; demand?: string };
  answer: string | null;
  basis: { kind: string; reference: string } | null;
  callEndedAt: string | null;
  remainingWorkingHours: number | null;
  returnCount: number;
  reminderCount: number;
  satisfaction: string | null;
  mergedIntoId: number | null;
  /** The number (e.g. 20261124-000123) of the order it was merged into. */
  mergedIntoNumber: string | null;
  dispatches: Dispatch[];
  history: {
    id: number;
    at: string;
    actor: string;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    unitName: string | null;
  }[];
  contacts: string[];
  attachments: { id: number; fileName: string; mimeType: string; size: number }[];
  completedLate: boolean | null;
  actions: string[];
}

export interface KnowledgeItem {
  id: number;
  number: string;
  title: string;
  answer: string;
  basisKind: string;
  basisReference: string;
  closedAt: string;
}

// The vocabulary is the domain's (src/domain/work-orders/types.ts), shared with the server.
export {
  CATEGORIES as CATEGORY_KEYS,
  CHANNELS as CHANNEL_KEYS,
  SATISFACTION as SATISFACTION_KEYS,
  STATUSES as STATUS_KEYS,
} from '../../../domain/work-orders/types.ts';
export const BASIS_KINDS = ['knowledge', 'law', 'policy'] as const;
