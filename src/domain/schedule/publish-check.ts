import type { RosterEntry } from './roster.ts';
import { type CheckContext, checkRoster, type Violation } from './rules-check.ts';
import type { AgentInput, LabourRules } from './types.ts';

/**
 * What keeps a schedule from being published: every hard-rule violation of its own assignments, read with the
 * published schedules on either side as they are now (`ctx.neighbours`), ordered by day, then agent and rule
 * (a crew-wide one, without a day, last).
 *
 * Each change to a draft is checked, yet a draft can still come to break the rules within itself: locks kept
 * from an earlier schedule are rostered as they are (the builder reports what they break and stores the draft),
 * a planner's edit, an emergency block or a swap is refused only for the violations it adds (one already there
 * stays), leave or a day off approved after the build changes no draft (only published schedules), and an
 * agent's skills, contract hours or leave and the sites' seats may change after it; a neighbour may change too.
 * Publishing therefore re-checks the whole draft, not only its boundary.
 * @example a draft where 1001 works 14:00–23:00 on day 1 and 07:00 on day 2 →
 * [{ agent: '1001', rule: 'min_rest', dayIndex: 2, detail: '8.0 h rest before day 2' }].
 */
export function publishViolations(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: LabourRules,
  ctx: CheckContext,
): Violation[] {
  const day = (v: Violation) => v.dayIndex ?? Number.POSITIVE_INFINITY;
  return checkRoster(roster, agents, rules, ctx).sort(
    (a, b) => day(a) - day(b) || a.agent.localeCompare(b.agent) || a.rule.localeCompare(b.rule),
  );
}
