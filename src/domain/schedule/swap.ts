import { checkChange } from './requests.ts';
import type { RosterEntry } from './roster.ts';
import type { CheckContext, Violation } from './rules-check.ts';
import type { AgentInput, LabourRules } from './types.ts';

export interface SwapRequest {
  /** Gives away the shift on dayIndex. */
  from: { agent: string; dayIndex: number };
  /** Takes it, and gives back its own shift on dayIndex when given (a two-way swap, 换班); else it only takes (替班). */
  to: { agent: string; dayIndex?: number };
}

/**
 * Whether a shift swap (换班) may be approved: the swapped roster must add no hard-rule violation — skills,
 * rest, consecutive days, weekly hours and rest days, overtime, nights, leave, team — checked by the same
 * independent checker as every schedule. Violations already there before the swap are not counted.
 * @example a late shift 15:00–23:00 given to an agent who starts 08:00 the next day → not eligible (min_rest).
 */
export function swapCheck(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: LabourRules,
  req: SwapRequest,
  ctx: CheckContext = {},
): { eligible: boolean; violations: Violation[]; roster: RosterEntry[] } {
  const {
    eligible,
    violations,
    roster: next,
  } = checkChange(
    roster,
    agents,
    rules,
    { kind: 'swap', agent: req.from.agent, dayIndex: req.from.dayIndex, withAgent: req.to.agent, withDay: req.to.dayIndex },
    ctx,
  );
  return { eligible, violations, roster: next };
}
