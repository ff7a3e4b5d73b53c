/**
 * Former home of the registration, deadline, escalation and numbering rules; they live in validate.ts,
 * deadline-policy.ts, escalation.ts and number.ts now. Kept so existing imports (server routes) work unchanged.
 */
import { DEFAULT_DEADLINE_POLICY } from './deadline-policy.ts';
import { DEFAULT_ESCALATION_POLICY, escalationLevel as levelOf } from './escalation.ts';
import { CATEGORIES, type Category, type EscalationLevel } from './types.ts';

export { orderNumber } from './number.ts';
export type { EscalationLevel, OrderContent } from './types.ts';
export { type FieldIssue, markUrgent, REQUIRED_CONTENT, resolveCategory, URGENT_MARK, validateOrder } from './validate.ts';

/** The old shape of the deadline table: working days per category, working hours for urgent orders. */
export interface DeadlinePolicy {
  workingDays: Record<Category, number>;
  urgentWorkingHours: number;
}

function days(c: Category): number {
  const rule = DEFAULT_DEADLINE_POLICY[c].normal;
  if (!('workingDays' in rule)) throw new Error(`the default ${c} deadline is not in working days`);
  return rule.workingDays;
}

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  workingDays: Object.fromEntries(CATEGORIES.map((c) => [c, days(c)])) as Record<Category, number>,
  urgentWorkingHours: 2,
};

/** {@link levelOf} with the old argument names (overdueMs is business time past the deadline). */
export function escalationLevel(
  o: { overdueMs: number; redoCount: number },
  centerAfterOverdueMs = DEFAULT_ESCALATION_POLICY.centerAfterOverdueMs,
): EscalationLevel {
  return levelOf(
    { overdueWorkingMs: o.overdueMs, redoCount: o.redoCount },
    { ...DEFAULT_ESCALATION_POLICY, centerAfterOverdueMs },
  );
}
