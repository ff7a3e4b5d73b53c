import { assignShifts, type RosterEntry } from './roster.ts';
import { buildRosterModel, shiftTypes, typeOfVariant } from './roster-model.ts';
import { type CheckContext, checkRoster } from './rules-check.ts';
import { shiftVariants, variantStartingAt } from './shift-variants.ts';
import { ModelTooLarge, type SolveLimits, solve } from './solver.ts';
import type { AgentInput, Lock, Rules, ShiftVariant } from './types.ts';

export interface RosterInput {
  dates: string[];
  demand: readonly { skillGroup: string; dayIndex: number; variant: ShiftVariant; count: number }[];
  agents: readonly AgentInput[];
  rules: Rules;
  locks?: readonly Lock[];
  /** Shifts worked before the period (the previous schedule's last days), dayIndex < 0: the rules run across. */
  previous?: readonly RosterEntry[];
  /** Shifts of the published schedule after the period (dayIndex ≥ dates.length): weekly and monthly limits count them. */
  next?: readonly RosterEntry[];
  /** Each crew's start in its rotation as the shift design chose it: followed, unless no roster can follow it. */
  crewOffsets?: ReadonlyMap<string, number>;
}

export interface RosterResult {
  roster: RosterEntry[];
  unfilled: { skillGroup: string; dayIndex: number; variant: ShiftVariant }[];
  /** Sum over the solved windows of HiGHS's objective and dual bound (rolling horizon: each window's own). */
  objective: number;
  lowerBound: number;
  gap: number;
  status: string;
  /** 'mip+greedy' when some windows had no solution and were left to the greedy fill. */
  method: 'mip' | 'greedy' | 'mip+greedy';
  /** Assignments taken out by the final check (none when the model holds; the greedy fallback may need it). */
  repaired: number;
  /** Open shifts given afterwards by the greedy fill (after a time-limited or failed window). */
  filled: number;
  /** Each crew's start in its rotation in this roster. */
  crewOffsets: Map<string, number>;
  /** True when the design's crew starts could not be followed and the rostering chose its own. */
  offsetsChanged: boolean;
}

/** An (agent, group, day, type) the model chose; `template` is the type (a template at one start), `shift` its template. */
type Chosen = { agent: string; group: string; day: number; template: string; shift: string };

/** Largest rostering window solved in one model, in x columns; bigger periods go week by week. */
const WINDOW_COLUMNS = 6_000;

/**
 * Stage 2, rostering: shift types go to named agents by the MIP of roster-model.ts, over the whole period or
 * week by week (rolling horizon: earlier weeks fixed) when the model would be large; then each agent of a
 * (group, day, type) gets one of its designed variants (locked agents their own). A window with no solution
 * falls back to the greedy assignShifts. Whatever the method, the independent checker runs last and an
 * assignment it flags is taken out (counted in `repaired`), so the roster returned breaks no hard rule.
 */
export async function rosterShifts(input: RosterInput, limits: SolveLimits): Promise<RosterResult> {
  const { dates, agents, rules } = input;
  const groups = [...new Set(input.demand.map((d) => d.skillGroup))];
  // Shift types are templates at one start (see ShiftType): designed variants and locks counted by type.
  const types = dates.map((date) => shiftTypes(rules, date));
  const typeOf = (d: number, v: ShiftVariant) => typeOfVariant(types[d] ?? [], v);
  const demand = new Map<string, number>();
  for (const d of input.demand) {
    const key = `${d.skillGroup}|${d.dayIndex}|${typeOf(d.dayIndex, d.variant)}`;
    demand.set(key, (demand.get(key) ?? 0) + d.count);
  }
  const locked = new Map<string, { template: string; group: string; variant: ShiftVariant }>();
  for (const l of input.locks ?? []) {
    const d = dates.indexOf(l.date);
    const t = rules.shiftTemplates.find((x) => x.name === l.shift);
    const v = t && variantStartingAt(t, l.date, rules.intervalMinutes, l.start);
    if (d < 0 || !v) continue;
    locked.set(`${l.agent}|${d}`, { template: typeOf(d, v), group: l.skillGroup, variant: v });
    if (!groups.includes(l.skillGroup)) groups.push(l.skillGroup);
  }
  const history = new Map<string, Map<number, string>>(agents.map((a) => [a.agent, new Map()]));
  const chosen: Chosen[] = [];
  const crewOffset = new Map<string, number>(input.crewOffsets ?? []);
  const previous = (input.previous ?? []).filter((e) => e.dayIndex < 0);
  const earlier = new Map<string, RosterEntry[]>();
  for (const e of previous) earlier.set(e.agent, [...(earlier.get(e.agent) ?? []), e]);
  const next = (input.next ?? []).filter((e) => e.dayIndex >= dates.length);
  const later = new Map<string, RosterEntry[]>();
  for (const e of next) later.set(e.agent, [...(later.get(e.agent) ?? []), e]);
  let offsetsChanged = false;
  const perDay = Math.max(1, agents.length * groups.length * rules.shiftTemplates.length);
  const windowDays = perDay * dates.length <= WINDOW_COLUMNS ? dates.length : 7;
  const windows = Math.ceil(dates.length / windowDays);
  let objective = 0;
  let lowerBound = 0;
  let status = 'Optimal';
  let failed = 0;
  for (let from = 0; from < dates.length; from += windowDays) {
    const to = Math.min(dates.length, from + windowDays);
    const attempt = async () => {
      const model = buildRosterModel({
        dates,
        from,
        to,
        agents,
        rules,
        demand,
        groups,
        history,
        locked,
        crewOffset,
        before: earlier,
        after: later,
      });
      // A window HiGHS cannot solve (no incumbent, or the WebAssembly build aborts) is left to the greedy fill below.
      const r = await solve(model.lp, model.columns, { ...limits, timeLimit: Math.max(1, limits.timeLimit / windows) }).catch(
        (err: Error) => {
          if (err instanceof ModelTooLarge) throw err;
          return {
            status: `error: ${err.message}`,
            objective: Number.NaN,
            values: {} as Record<string, number>,
            dualBound: null,
            seconds: 0,
          };
        },
      );
      const ok =
        Number.isFinite(r.objective) && Object.keys(r.values).length > 0 && ['Optimal', 'Time limit reached'].includes(r.status);
      return { model, r, ok };
    };
    let { model, r, ok } = await attempt();
    // The design's crew starts keep its counts rosterable; should no roster follow them (a lock, or a rule the
    // design does not see), the first window chooses the starts itself.
    if (!ok && from === 0 && crewOffset.size > 0) {
      crewOffset.clear();
      offsetsChanged = true;
      ({ model, r, ok } = await attempt());
    }
    if (!ok) {
      failed++;
      status = r.status;
      continue;
    }
    if (r.status !== 'Optimal') status = r.status;
    objective += r.objective;
    lowerBound += r.dualBound ?? r.objective;
    for (const [name, v] of model.x) {
      if ((r.values[name] ?? 0) < 0.5) continue;
      chosen.push(v);
      history.get(v.agent)!.set(v.day, v.template);
    }
    for (const [name, v] of model.y) if ((r.values[name] ?? 0) > 0.5) crewOffset.set(v.crew, v.offset);
  }
  const ctx = { dates, templates: rules.shiftTemplates, locks: input.locks, neighbours: [...previous, ...next] };
  const all = failed === windows;
  let { roster, unfilled } = all ? assignShifts(input.demand, agents, rules) : allocateVariants(input, chosen, locked, typeOf);
  const before = roster.length;
  roster = repair(roster, agents, rules, ctx, locked);
  const repaired = before - roster.length;
  const kept = roster.length;
  ({ roster, unfilled } = fillOpenShifts(roster, unfilled, agents, rules, ctx));
  const gap = objective > 0 ? Math.max(0, (objective - lowerBound) / objective) : 0;
  return {
    roster,
    unfilled,
    objective,
    lowerBound,
    gap,
    status,
    method: failed === 0 ? 'mip' : all ? 'greedy' : 'mip+greedy',
    repaired,
    filled: roster.length - kept,
    crewOffsets: crewOffset,
    offsetsChanged,
  };
}

/** Gives each chosen (agent, group, day, type) a designed variant; locked agents keep theirs; extras get the first. */
function allocateVariants(
  input: RosterInput,
  chosen: Chosen[],
  locked: Map<string, { variant: ShiftVariant }>,
  typeOf: (d: number, v: ShiftVariant) => string,
) {
  const pool = new Map<string, ShiftVariant[]>();
  for (const d of input.demand) {
    const key = `${d.skillGroup}|${d.dayIndex}|${typeOf(d.dayIndex, d.variant)}`;
    const list = pool.get(key) ?? [];
    for (let i = 0; i < d.count; i++) list.push(d.variant);
    pool.set(key, list);
  }
  for (const list of pool.values()) list.sort((a, b) => a.segments[0]!.start - b.segments[0]!.start);
  const roster: RosterEntry[] = [];
  const order = [...chosen].sort((a, b) => Number(locked.has(`${b.agent}|${b.day}`)) - Number(locked.has(`${a.agent}|${a.day}`)));
  for (const c of order) {
    const key = `${c.group}|${c.day}|${c.template}`;
    const list = pool.get(key) ?? [];
    const lock = locked.get(`${c.agent}|${c.day}`)?.variant;
    let variant: ShiftVariant | undefined;
    if (lock) {
      const at = list.findIndex((v) => v.id === lock.id);
      if (at >= 0) list.splice(at, 1);
      variant = lock;
    } else {
      variant = list.shift();
      if (!variant) {
        // A shift beyond the design (a rotation's): a variant of the type's start.
        const t = input.rules.shiftTemplates.find((x) => x.name === c.shift)!;
        variant = shiftVariants(t, input.dates[c.day]!, input.rules.intervalMinutes).find((v) => typeOf(c.day, v) === c.template);
      }
    }
    if (variant) roster.push({ agent: c.agent, skillGroup: c.group, dayIndex: c.day, variant });
  }
  const unfilled = [...pool].flatMap(([key, list]) =>
    list.map((variant) => ({ skillGroup: key.split('|')[0]!, dayIndex: Number(key.split('|')[1]), variant })),
  );
  return { roster, unfilled };
}

/**
 * Gives shifts still open to agents who can take them without any new violation of their own (checked by the
 * checker on the agent's shifts, with the team's when a team rule applies), fewest paid hours first: it mops
 * up after a time-limited or failed window. Crew members keep to their rotation and are not asked.
 */
export function fillOpenShifts(
  roster: RosterEntry[],
  open: RosterResult['unfilled'],
  agents: readonly AgentInput[],
  rules: Rules,
  ctx: CheckContext,
) {
  const byAgent = new Map<string, RosterEntry[]>(agents.map((a) => [a.agent, []]));
  for (const r of roster) byAgent.get(r.agent)?.push(r);
  const minutes = new Map(
    agents.map((a) => [a.agent, (byAgent.get(a.agent) ?? []).reduce((s, r) => s + r.variant.paidMinutes, 0)]),
  );
  const teamRule = (rules.teamRule ?? 'none') !== 'none';
  const out = [...roster];
  const still: RosterResult['unfilled'] = [];
  for (const u of [...open].sort((a, b) => a.dayIndex - b.dayIndex)) {
    const candidates = agents
      .filter(
        (a) => a.skills.includes(u.skillGroup) && !a.crew && !(byAgent.get(a.agent) ?? []).some((r) => r.dayIndex === u.dayIndex),
      )
      .sort((a, b) => minutes.get(a.agent)! - minutes.get(b.agent)!);
    const taker = candidates.find((a) => {
      const mine = [
        ...(byAgent.get(a.agent) ?? []),
        { agent: a.agent, skillGroup: u.skillGroup, dayIndex: u.dayIndex, variant: u.variant },
      ];
      const team = teamRule ? agents.filter((b) => b.team === a.team && b.agent !== a.agent) : [];
      const trial = [...mine, ...team.flatMap((b) => byAgent.get(b.agent) ?? [])];
      return checkRoster(trial, [a, ...team], rules, {
        dates: ctx.dates,
        templates: ctx.templates,
        neighbours: ctx.neighbours,
      }).every((v) => v.agent !== a.agent);
    });
    if (!taker) {
      still.push(u);
      continue;
    }
    const e = { agent: taker.agent, skillGroup: u.skillGroup, dayIndex: u.dayIndex, variant: u.variant };
    byAgent.get(taker.agent)!.push(e);
    minutes.set(taker.agent, minutes.get(taker.agent)! + u.variant.paidMinutes);
    out.push(e);
  }
  return { roster: out, unfilled: still };
}

/** Takes out, one pass at a time, every unlocked assignment the checker flags, until nothing removable is left. */
export function repair(
  roster: RosterEntry[],
  agents: readonly AgentInput[],
  rules: Rules,
  ctx: CheckContext,
  locked: ReadonlyMap<string, unknown> = new Map(),
): RosterEntry[] {
  let current = roster;
  for (let pass = 0; pass < 100; pass++) {
    const flagged = new Set(
      checkRoster(current, agents, rules, ctx)
        .filter((v) => v.dayIndex !== undefined && !locked.has(`${v.agent}|${v.dayIndex}`))
        .map((v) => `${v.agent}|${v.dayIndex}`),
    );
    if (flagged.size === 0) return current;
    current = current.filter((r) => !flagged.has(`${r.agent}|${r.dayIndex}`));
  }
  return current;
}
