import type { RosterEntry } from './roster.ts';
import { type CheckContext, checkRoster, type Violation } from './rules-check.ts';
import type { AgentInput, LabourRules } from './types.ts';

export interface SwapRequest {
  /** Gives away the shift on dayIndex. */
  from: { agent: string; dayIndex: number };
  /** Takes it, and gives back its own shift on dayIndex when given (a two-way swap, 换班); else it only takes (替班). */
  to: { agent: string; dayIndex?: number };
}

/**
 * Whether a shift swap (换班) may be approved: the swapped roster must add no hard-rule violation for either
 * agent — skills, rest, consecutive days, weekly hours and rest days, overtime, nights, leave, team — checked
 * by the same independent checker as every schedule. Violations already there before the swap are not counted.
 * @example a late shift 15:00–23:00 given to an agent who starts 08:00 the next day → not eligible (min_rest).
 */
export function swapCheck(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: LabourRules,
  req: SwapRequest,
  ctx: CheckContext = {},
): { eligible: boolean; violations: Violation[]; roster: RosterEntry[] } {
  const give = roster.find((r) => r.agent === req.from.agent && r.dayIndex === req.from.dayIndex);
  const back =
    req.to.dayIndex === undefined ? undefined : roster.find((r) => r.agent === req.to.agent && r.dayIndex === req.to.dayIndex);
  if (!give || (req.to.dayIndex !== undefined && !back)) {
    return {
      eligible: false,
      violations: [{ agent: give ? req.to.agent : req.from.agent, rule: 'one_shift_a_day', detail: 'no such shift to swap' }],
      roster: [...roster],
    };
  }
  const next = roster.map((r) => (r === give ? { ...r, agent: req.to.agent } : r === back ? { ...r, agent: req.from.agent } : r));
  const key = (v: Violation) => `${v.agent}|${v.rule}|${v.detail}`;
  const beforeKeys = new Set(checkRoster(roster, agents, rules, ctx).map(key));
  const involved = new Set([req.from.agent, req.to.agent]);
  const added = checkRoster(next, agents, rules, ctx).filter((v) => involved.has(v.agent) && !beforeKeys.has(key(v)));
  return { eligible: added.length === 0, violations: added, roster: next };
}
