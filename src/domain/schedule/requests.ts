import type { RosterEntry } from './roster.ts';
import { type CheckContext, checkRoster, type Violation } from './rules-check.ts';
import type { AgentInput, LabourRules } from './types.ts';

/**
 * A change to a schedule: an agent's leave or day off (请假/调休), a shift swap (换班: the colleague's shift on
 * withDay comes back; 替班 without it), or a planner's edit of one cell of the grid or of several at once
 * (a drag that exchanges two cells); entry null = rest day.
 */
export type ScheduleChange =
  | { kind: 'leave' | 'day_off'; agent: string; dayIndex: number }
  | { kind: 'swap'; agent: string; dayIndex: number; withAgent: string; withDay?: number }
  | { kind: 'set'; agent: string; dayIndex: number; entry: RosterEntry | null }
  | { kind: 'cells'; cells: { agent: string; dayIndex: number; entry: RosterEntry | null }[] };

export interface ChangeCheck {
  eligible: boolean;
  /** Hard-rule violations the change adds (ones already there are not counted). */
  violations: Violation[];
  /** The roster after the change. */
  roster: RosterEntry[];
  /** The agents given leave by the change (to mark them unavailable). */
  agents: AgentInput[];
}

const key = (v: Violation) => `${v.agent}|${v.rule}|${v.detail}`;

/**
 * Applies a change and checks it with the independent rule checker: eligible when it adds no hard-rule violation
 * for anyone (a leader's leave can break the team rule of the members). A swap or leave of a shift that does
 * not exist is refused as `one_shift_a_day` with 'no such shift'.
 * @example leave on a day the agent works → that shift is removed and the day marked unavailable.
 */
export function checkChange(
  roster: readonly RosterEntry[],
  agents: readonly AgentInput[],
  rules: LabourRules,
  change: ScheduleChange,
  ctx: CheckContext = {},
): ChangeCheck {
  const at = (a: string, d: number) => roster.find((r) => r.agent === a && r.dayIndex === d);
  if (change.kind === 'set' || change.kind === 'cells') {
    const cells = change.kind === 'set' ? [change] : change.cells;
    const next = roster.filter((r) => !cells.some((c) => c.agent === r.agent && c.dayIndex === r.dayIndex));
    for (const c of cells) if (c.entry) next.push({ ...c.entry, agent: c.agent, dayIndex: c.dayIndex });
    return withViolations(roster, next, agents, [...agents], rules, ctx);
  }
  const mine = at(change.agent, change.dayIndex);
  let next: RosterEntry[];
  let people = [...agents];
  const refuse = (agent: string): ChangeCheck => ({
    eligible: false,
    violations: [{ agent, rule: 'one_shift_a_day', detail: 'no such shift', dayIndex: change.dayIndex }],
    roster: [...roster],
    agents: people,
  });
  if (change.kind === 'swap') {
    const back = change.withDay === undefined ? undefined : at(change.withAgent, change.withDay);
    if (!mine) return refuse(change.agent);
    if (change.withDay !== undefined && !back) return refuse(change.withAgent);
    next = roster.map((r) => (r === mine ? { ...r, agent: change.withAgent } : r === back ? { ...r, agent: change.agent } : r));
  } else {
    next = roster.filter((r) => r !== mine);
    const date = ctx.dates?.[change.dayIndex];
    if (date)
      people = agents.map((a) => (a.agent === change.agent ? { ...a, unavailable: [...(a.unavailable ?? []), date] } : a));
  }
  return withViolations(roster, next, agents, people, rules, ctx);
}

/** The check of a changed roster: the violations it adds to the one before. */
function withViolations(
  roster: readonly RosterEntry[],
  next: RosterEntry[],
  agents: readonly AgentInput[],
  people: AgentInput[],
  rules: LabourRules,
  ctx: CheckContext,
): ChangeCheck {
  const before = new Set(checkRoster(roster, agents, rules, ctx).map(key));
  const added = checkRoster(next, people, rules, ctx).filter((v) => !before.has(key(v)));
  return { eligible: added.length === 0, violations: added, roster: next, agents: people };
}
