import type { RosterEntry } from './roster.ts';
import { type CheckContext, checkRoster, type Violation } from './rules-check.ts';
import type { AgentInput, LabourRules } from './types.ts';

/**
 * The violations a schedule has only because of its neighbours (`ctx.neighbours`): those the checker lists with
 * them and not without them — rest, working days in a row and nights across the boundary, hours and rest days of
 * a shared calendar week, a month's overtime. Publishing re-checks a draft with this against the published
 * schedules as they are now (one may have changed since the draft was built).
 * @example a draft whose Monday starts 07:00 after a neighbour's Sunday shift, changed after the build to end at
 * 23:00 → [{ rule: 'min_rest', dayIndex: 0, detail: '8.0 h rest before day 0 (after 晚班 on …, the schedule before)' }].
 */
export function boundaryViolations(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: LabourRules,
  ctx: CheckContext,
): Violation[] {
  const key = (v: Violation) => `${v.agent}|${v.rule}|${v.dayIndex ?? ''}`;
  const alone = new Set(checkRoster(roster, agents, rules, { ...ctx, neighbours: [] }).map(key));
  return checkRoster(roster, agents, rules, ctx).filter((v) => !alone.has(key(v)));
}
