/** JSON of the work-order API (src/server/routes/work-orders.ts). */
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
  callerName: string | null;
  callerPhone: string | null;
}

export interface OrderDetail extends Omit<OrderListItem, 'overdue'> {
  content: { time?: string; place?: string; what?: string; demand?: string; answer?: string; basis?: string };
  callEndedAt: string | null;
  remainingWorkingHours: number | null;
  returnCount: number;
  reminderCount: number;
  satisfaction: string | null;
  dispatches: { id: number; unitId: number; unitName: string; status: string; dispatchedAt: string; acceptedAt: string | null; repliedAt: string | null; reply: string | null; dueAt: string | null; extensionUntil: string | null; extensionStatus: string | null }[];
  history: { at: string; actor: string; action: string; fromStatus: string | null; toStatus: string | null; note: string | null }[];
  contacts: string[];
  attachments: { id: number; fileName: string; mimeType: string; size: number }[];
  completedLate: boolean | null;
  actions: string[];
}

export const CATEGORY_KEYS = ['consultation', 'suggestion', 'complaint', 'help', 'report'] as const;
export const CHANNEL_KEYS = ['phone', 'web', 'wechat', 'email', 'sms'] as const;
export const STATUS_KEYS = ['registered', 'dispatched', 'accepted', 'in_progress', 'replied', 'returned', 'closed', 'merged'] as const;
