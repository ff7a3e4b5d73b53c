import { DateTime } from 'luxon';

/** A stored demo evaluation, as the coaching plan needs it. */
export interface DemoEvaluationRecord {
  id: number;
  agentId: number;
  /** Evaluated at, epoch ms. */
  at: number;
  score: number;
  criticalFailed: boolean;
  failedItems: readonly string[];
}

export interface DemoCoachingTask {
  evaluationId: number;
  agentId: number;
  items: string[];
  dueDate: string;
  status: 'open' | 'in_progress' | 'followed_up';
  followUpEvaluationId: number | null;
  createdAt: number;
}

const DAY = 86_400_000;

/**
 * The coaching a QA team would have given on the demo evaluations: a task for each evaluation with a critical
 * failure or a score under `below`, on its failed items less the common ones (`commonItems`: an item most agents fail
 * is a system or training matter — the Pareto shows it — not one agent's coaching), due a week later. The agent's
 * next evaluation at least three days after the task is its follow-up; a task with none is in progress, or open when
 * it is under three days old, so the page shows open, running, overdue and followed-up tasks.
 */
export function demoCoaching(
  evaluations: readonly DemoEvaluationRecord[],
  options: { todayMs: number; timeZone: string; below?: number; commonItems?: readonly string[] },
): DemoCoachingTask[] {
  const below = options.below ?? 80;
  const common = new Set(options.commonItems ?? []);
  const byAgent = new Map<number, DemoEvaluationRecord[]>();
  for (const e of evaluations) {
    const list = byAgent.get(e.agentId) ?? [];
    list.push(e);
    byAgent.set(e.agentId, list);
  }
  const out: DemoCoachingTask[] = [];
  for (const list of byAgent.values()) {
    const sorted = [...list].sort((a, b) => a.at - b.at || a.id - b.id);
    for (const e of sorted) {
      const items = e.failedItems.filter((i) => !common.has(i));
      if (items.length === 0 || (!e.criticalFailed && e.score >= below)) continue;
      const createdAt = e.at + 2 * 3_600_000;
      const next = sorted.find((f) => f.at >= createdAt + 3 * DAY);
      const status = next ? 'followed_up' : options.todayMs - createdAt < 3 * DAY ? 'open' : 'in_progress';
      out.push({
        evaluationId: e.id,
        agentId: e.agentId,
        items,
        dueDate: DateTime.fromMillis(createdAt + 7 * DAY, { zone: options.timeZone }).toISODate() ?? '',
        status,
        followUpEvaluationId: next?.id ?? null,
        createdAt,
      });
    }
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || a.evaluationId - b.evaluationId);
}
