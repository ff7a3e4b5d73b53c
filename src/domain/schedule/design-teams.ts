import { weeksOf } from './calendar-week.ts';
import { type CrewModel, minus } from './design-crews.ts';
import type { AgentInput, Rules, ShiftVariant } from './types.ts';

/**
 * The team rule (班组规则) as the shift design sees it. z[T,d,t] = 1 when a lead of team T (a leader, or a senior
 * under leaderOnDuty) works shift type t on day d. In every roster that keeps the rule an agent of T on (d, t)
 * means a lead of T on it, and a crew member on its rotation works only its pattern (counted by the crews' terms),
 * so with "loose" = not on leave and not held by a rotation that day (outside crews, or locked):
 *   shifts of type t on day d ≤ Σ_T (loose agents of T) · z[T,d,t] + crews' shifts of t + loose agents of other teams,
 *   Σ_t z[T,d,t] ≤ leads of T not on leave; Σ over types no crew works ≤ loose leads (a lead works one shift a day),
 *   per week Σ z[T,d,t] ≤ Σ_leads min(days free, shifts a week); over types no crew works, the loose leads' share,
 *   Σ_T z[T,d,t] ≤ shifts of type t on day d (the leads of different teams are different agents).
 * All hold for every roster that keeps the hard rules, so the design's bound stays a bound. Teams made only of
 * leads are not limited. Returns the z columns (binary) and the rows; none without a team rule.
 */
export function teamRows(
  input: { dates: readonly string[]; rules: Rules; agents: readonly AgentInput[] },
  cols: readonly { d: number; v: ShiftVariant }[],
  perAgent: (days: number) => number,
  crews: CrewModel | null,
): { zs: string[]; rows: string[] } {
  const rule = input.rules.teamRule ?? 'none';
  if (rule === 'none') return { zs: [], rows: [] };
  const { dates, agents } = input;
  const isLead = (a: AgentInput) => a.role === 'leader' || (rule === 'leaderOnDuty' && a.role === 'senior');
  const teams = new Map<string, AgentInput[]>();
  for (const a of agents) teams.set(a.team, [...(teams.get(a.team) ?? []), a]);
  const limited = [...teams].filter(([, list]) => list.some((a) => !isLead(a)));
  if (limited.length === 0) return { zs: [], rows: [] };
  const inLimited = new Set(limited.flatMap(([, list]) => list.map((a) => a.agent)));
  const free = (a: AgentInput, d: number) => !a.unavailable?.includes(dates[d]!);
  const lockedCrew = dates.map((_, d) => new Set((crews?.lockedOn(d) ?? []).map((a) => a.agent)));
  const loose = (a: AgentInput, d: number) => free(a, d) && (!crews?.members.has(a.agent) || lockedCrew[d]!.has(a.agent));
  const types = [...new Set(cols.map((c) => c.v.template))];
  const own = types.map((t, k) => ({ t, k })).filter(({ t }) => !crews?.types.has(t));
  const zs: string[] = [];
  const rows: string[] = [];
  const z = (ti: number, d: number, k: number) => `z${ti}_${d}_${k}`;
  limited.forEach(([, list], ti) => {
    const leads = list.filter(isLead);
    dates.forEach((_, d) => {
      for (let k = 0; k < types.length; k++) zs.push(z(ti, d, k));
      rows.push(` zl${ti}_${d}: ${types.map((_, k) => z(ti, d, k)).join(' + ')} <= ${leads.filter((a) => free(a, d)).length}`);
      if (crews && own.length)
        rows.push(` zo${ti}_${d}: ${own.map(({ k }) => z(ti, d, k)).join(' + ')} <= ${leads.filter((a) => loose(a, d)).length}`);
    });
    for (const [w, ws] of weeksOf(dates[0], 0, dates.length).entries()) {
      const days = Array.from({ length: 7 }, (_, i) => ws + i).filter((d) => d >= 0 && d < dates.length);
      const cap = (pick: (a: AgentInput, d: number) => boolean) =>
        leads.reduce((n, a) => n + Math.min(days.filter((d) => pick(a, d)).length, perAgent(days.length)), 0);
      rows.push(` zw${ti}_${w}: ${days.flatMap((d) => types.map((_, k) => z(ti, d, k))).join(' + ')} <= ${cap(free)}`);
      if (crews && own.length)
        rows.push(` zwo${ti}_${w}: ${days.flatMap((d) => own.map(({ k }) => z(ti, d, k))).join(' + ')} <= ${cap(loose)}`);
    }
  });
  dates.forEach((_, d) => {
    const others = agents.filter((a) => !inLimited.has(a.agent) && loose(a, d)).length;
    types.forEach((t, k) => {
      const xs = cols.map((c, i) => (c.d === d && c.v.template === t ? `x${i}` : '')).filter(Boolean);
      if (!xs.length) return;
      const terms = limited
        .map(([, list], ti) => [list.filter((a) => loose(a, d)).length, z(ti, d, k)] as const)
        .filter(([n]) => n > 0)
        .map(([n, name]) => `- ${n} ${name}`);
      const crew = minus(crews?.atWork(d, { type: t }) ?? []);
      rows.push(` zt${d}_${k}: ${[xs.join(' + '), ...terms, ...crew].join(' ')} <= ${others}`);
      // Each team's lead on (d, t) is a shift of its own, and leads of two teams are two agents.
      rows.push(` zx${d}_${k}: ${limited.map((_, ti) => z(ti, d, k)).join(' + ')} - ${xs.join(' - ')} <= 0`);
    });
  });
  return { zs, rows };
}
