/**
 * Pareto of failed scorecard items across a team (失分项帕累托): which items lose the most, their cumulative
 * share, and whether each failure is common to the team or belongs to a few agents. Deming's distinction
 * (*Out of the Crisis*, 1986, ch. 11): a fault most people make comes from the system — the script, the
 * training, the tools — and coaching individuals will not remove it; a fault concentrated in one or two
 * people is theirs to be coached on.
 *
 * Rule, per item (with A = agents evaluated in the period, a = distinct agents who failed the item):
 *   common      a ≥ 2 and a / A ≥ commonShare (default 0.5): half the team or more fails it → system/training
 *   individual  otherwise, when the `fewAgents` (default 2) agents with the most failures account for at least
 *               `concentration` (default 0.8) of the item's failures → coaching
 *   mixed       neither: spread over several agents but not the team
 * Items are ordered by failures (descending, then by id); share = count / all failures, cumulative share the
 * running sum (the "vital few" are the items up to about 80 %).
 *
 * @example
 * // team of 4; 'verify' failed by a, b, c (1 each); 'tone' failed 3× by d
 * // → verify: count 3, agents 3, agentShare 0.75 → common; tone: count 3, 1 agent → individual
 */

export interface ItemFailure {
  agent: string;
  item: string;
}

export type FailureClass = 'common' | 'individual' | 'mixed';

export interface ParetoRow {
  item: string;
  count: number;
  share: number;
  cumulativeShare: number;
  /** Distinct agents who failed the item. */
  agents: number;
  /** agents / agents evaluated. */
  agentShare: number;
  /** The agents with the most failures of this item, most first (up to `fewAgents`). */
  topAgents: Array<{ agent: string; count: number }>;
  /** Share of the item's failures made by `topAgents`. */
  topShare: number;
  classification: FailureClass;
}

export interface ParetoOptions {
  commonShare?: number;
  fewAgents?: number;
  concentration?: number;
}

/** Pareto table of failed items; `agentsEvaluated` is the team's evaluated headcount in the period. */
export function failedItemPareto(
  failures: readonly ItemFailure[],
  agentsEvaluated: number,
  options: ParetoOptions = {},
): ParetoRow[] {
  const commonShare = options.commonShare ?? 0.5;
  const fewAgents = options.fewAgents ?? 2;
  const concentration = options.concentration ?? 0.8;
  const failing = new Set(failures.map((f) => f.agent)).size;
  if (agentsEvaluated < failing)
    throw new RangeError(`agentsEvaluated (${agentsEvaluated}) is below the ${failing} agents with failures`);
  const byItem = new Map<string, Map<string, number>>();
  for (const f of failures) {
    if (!byItem.has(f.item)) byItem.set(f.item, new Map());
    const agents = byItem.get(f.item)!;
    agents.set(f.agent, (agents.get(f.agent) ?? 0) + 1);
  }
  const total = failures.length;
  const rows = [...byItem].map(([item, agents]) => {
    const count = [...agents.values()].reduce((s, x) => s + x, 0);
    const ranked = [...agents]
      .map(([agent, n]) => ({ agent, count: n }))
      .sort((a, b) => b.count - a.count || a.agent.localeCompare(b.agent));
    const topAgents = ranked.slice(0, fewAgents);
    const topShare = topAgents.reduce((s, x) => s + x.count, 0) / count;
    const agentShare = agents.size / agentsEvaluated;
    const classification: FailureClass =
      agents.size >= 2 && agentShare >= commonShare ? 'common' : topShare >= concentration ? 'individual' : 'mixed';
    return {
      item,
      count,
      share: count / total,
      cumulativeShare: 0,
      agents: agents.size,
      agentShare,
      topAgents,
      topShare,
      classification,
    };
  });
  rows.sort((a, b) => b.count - a.count || a.item.localeCompare(b.item));
  let running = 0;
  for (const r of rows) {
    running += r.count;
    r.cumulativeShare = running / total;
  }
  return rows;
}
