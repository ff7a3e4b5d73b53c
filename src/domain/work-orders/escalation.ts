import { type EntityId, ESCALATION_LEVELS, type EscalationLevel, type HistoryEntry } from './types.ts';

/**
 * Escalation (升级督办): an open order moves up a level — 一般 general → 重大 major → 中心督办 center management —
 * when it is past its deadline or redone more than a set number of times, and stays there until it closes
 * (a level is never lowered). Each level notifies its people ({@link LEVEL_AUDIENCE}).
 */
export interface EscalationPolicy {
  /** Major once business time past the deadline exceeds this (0: as soon as it is overdue). */
  majorAfterOverdueMs: number;
  /** Center management once business time past the deadline exceeds this. */
  centerAfterOverdueMs: number;
  /** Major when redone more than this many times. */
  majorAfterRedos: number;
  /** Center management when redone more than this many times. */
  centerAfterRedos: number;
}

/** Seed center: major when overdue or redone twice; center when two working days (2 × 9 h) overdue or redone three times. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  majorAfterOverdueMs: 0,
  centerAfterOverdueMs: 2 * 9 * 3_600_000,
  majorAfterRedos: 1,
  centerAfterRedos: 2,
};

/** Who is told at each level: the first owner and the units; the team leads; the center's managers. */
export const LEVEL_AUDIENCE: Record<EscalationLevel, readonly string[]> = {
  general: ['first_owner', 'unit'],
  major: ['team_lead'],
  center: ['manager'],
};

/**
 * The level the facts call for.
 * @example escalationLevel({ overdueWorkingMs: 1, redoCount: 0 }) === 'major'
 */
export function escalationLevel(
  f: { overdueWorkingMs: number; redoCount: number },
  p: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): EscalationLevel {
  if (f.overdueWorkingMs > p.centerAfterOverdueMs || f.redoCount > p.centerAfterRedos) return 'center';
  if (f.overdueWorkingMs > p.majorAfterOverdueMs || f.redoCount > p.majorAfterRedos) return 'major';
  return 'general';
}

const rank = (l: EscalationLevel) => ESCALATION_LEVELS.indexOf(l);

/**
 * The next level of an order and whether it was raised now; closed orders keep theirs. When raised, `notify`
 * names the audiences of every level passed (general → center tells team leads and managers) and `entry` is
 * the history line, written by the system.
 */
export function escalate(
  order: { id: EntityId; open: boolean; level: EscalationLevel },
  facts: { overdueWorkingMs: number; redoCount: number },
  at: number,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): { level: EscalationLevel; raised: boolean; notify: string[]; entry: HistoryEntry | null } {
  const wanted = escalationLevel(facts, policy);
  if (!order.open || rank(wanted) <= rank(order.level)) return { level: order.level, raised: false, notify: [], entry: null };
  const passed = ESCALATION_LEVELS.slice(rank(order.level) + 1, rank(wanted) + 1);
  return {
    level: wanted,
    raised: true,
    notify: [...new Set(passed.flatMap((l) => LEVEL_AUDIENCE[l]))],
    entry: {
      orderId: order.id,
      at,
      actorId: 'system',
      action: 'escalate',
      fromStatus: null,
      toStatus: null,
      data: { from: order.level, to: wanted, ...facts },
    },
  };
}
