/**
 * 话后完成时限: the order of a call is to be completed within a limit after the call ends (the seed center's rule
 * is 15 minutes); late ones are listed for the team lead. A completion exactly at the limit is on time.
 * @example completionTiming(callEnd, callEnd + 16 * 60_000) → { elapsedMs: 960000, late: true }
 */
export const DEFAULT_COMPLETION_LIMIT_MS = 15 * 60_000;

export function completionTiming(
  callEndedAt: number,
  completedAt: number,
  limitMs = DEFAULT_COMPLETION_LIMIT_MS,
): { elapsedMs: number; late: boolean } {
  const elapsedMs = Math.max(0, completedAt - callEndedAt);
  return { elapsedMs, late: elapsedMs > limitMs };
}

/** Orders completed late after their call (or, when not completed yet, already past the limit at `now`). */
export function lateCompletions<T extends { callEndedAt: number | null; completedAt: number | null }>(
  orders: readonly T[],
  now: number,
  limitMs = DEFAULT_COMPLETION_LIMIT_MS,
): T[] {
  return orders.filter((o) => o.callEndedAt != null && completionTiming(o.callEndedAt, o.completedAt ?? now, limitMs).late);
}
