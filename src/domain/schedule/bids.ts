/** Bidding (竞投) for holiday rest days or preferred shifts, paid in schedule points (排班积分). */
export interface BidEntry {
  id: number;
  agent: string;
  target: string;
  points: number;
  /** YYYY-MM-DD; earlier is more senior. Unknown hire dates rank last. */
  hireDate: string | null;
  /** When the bid was placed (ms). */
  createdAt: number;
}

export interface BidOutcome {
  id: number;
  agent: string;
  target: string;
  points: number;
  status: 'won' | 'lost';
  /** Why a bid lost: the target was full, the agent already won one in this round, or too few points left. */
  reason: 'full' | 'already_won' | 'insufficient_points' | null;
  /** 1-based place in the award order. */
  rank: number;
}

/** The award order: more points, then seniority (earlier hire date), then the earlier bid (then id, for a total order). */
export function compareBids(a: BidEntry, b: BidEntry): number {
  if (a.points !== b.points) return b.points - a.points;
  if (a.hireDate !== b.hireDate) {
    if (a.hireDate === null) return 1;
    if (b.hireDate === null) return -1;
    return a.hireDate < b.hireDate ? -1 : 1;
  }
  return a.createdAt - b.createdAt || a.id - b.id;
}

/**
 * Awards a round: bids in {@link compareBids} order; a bid wins when its target has a place left, its agent has
 * not yet won in this round, and the agent's balance still covers the points (winning bids spend their points,
 * losing ones spend nothing).
 * @example two bids of 10 points for one place: the agent hired in 2019 wins over the one hired in 2022.
 */
export function awardBids(
  targets: readonly { target: string; capacity: number }[],
  bids: readonly BidEntry[],
  balances: ReadonlyMap<string, number>,
): BidOutcome[] {
  const left = new Map(targets.map((t) => [t.target, t.capacity]));
  const balance = new Map(balances);
  const winners = new Set<string>();
  return [...bids].sort(compareBids).map((b, i) => {
    const base = { id: b.id, agent: b.agent, target: b.target, points: b.points, rank: i + 1 };
    if ((left.get(b.target) ?? 0) <= 0) return { ...base, status: 'lost', reason: 'full' };
    if (winners.has(b.agent)) return { ...base, status: 'lost', reason: 'already_won' };
    if ((balance.get(b.agent) ?? 0) < b.points) return { ...base, status: 'lost', reason: 'insufficient_points' };
    left.set(b.target, left.get(b.target)! - 1);
    balance.set(b.agent, balance.get(b.agent)! - b.points);
    winners.add(b.agent);
    return { ...base, status: 'won', reason: null };
  });
}
