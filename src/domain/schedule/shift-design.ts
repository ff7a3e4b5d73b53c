import { weekStart, weeksOf } from './calendar-week.ts';
import { type CrewModel, crewModel, minus } from './design-crews.ts';
import { teamRows } from './design-teams.ts';
import type { RosterEntry } from './roster.ts';
import { coveredIntervals, occupiedIntervals, shiftVariants } from './shift-variants.ts';
import { type SolveLimits, solve } from './solver.ts';
import { type AgentInput, DEFAULT_OPTIONAL, type Rules, type ShiftVariant } from './types.ts';

export interface DesignInput {
  dates: string[];
  /** required[skillGroup][d][i]: agents needed in interval i of date d. */
  required: Record<string, number[][]>;
  rules: Rules;
  /** When given, shifts per day and hours per week are capped by what these agents can work (a relaxation of stage 2). */
  agents?: readonly AgentInput[];
  /** Shifts that must be in the design: the planner's locks (with the agent, so a locked crew member is known). */
  fixed?: readonly { skillGroup: string; variant: ShiftVariant; agent?: string }[];
  /** Shifts worked before the period (dayIndex < 0): crew starts that cannot follow them are left out. */
  previous?: readonly RosterEntry[];
}

export interface DesignResult {
  /** How many of each variant to staff, per skill group. */
  counts: { skillGroup: string; variant: ShiftVariant; count: number }[];
  paidHours: number;
  objective: number;
  /** HiGHS's proven dual bound of the MIP (the LP relaxation when not reported): no schedule can cost less. */
  lowerBound: number;
  gap: number;
  status: string;
  columns: number;
  /** Each rotation crew's start in its cycle (day d works pattern[(d + start) mod length]), when agents follow rotations. */
  crewOffsets: Map<string, number>;
  /** Seconds HiGHS took on the MIP. */
  seconds: number;
}

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * Stage 1, shift design (班次设计): how many of each shift variant (start, split-shift gap, break placement) to
 * staff for each skill group so that paid hours + underPenalty × understaffed agent-intervals + overPenalty ×
 * overstaffed agent-intervals is least — the set-covering model of Dantzig (1954) with breaks placed explicitly
 * (each placement its own column, exact on the interval grid; Aykin 1996 places them implicitly to the same
 * optimum). Seats cap agents at seats per interval over all groups. With agents, each day's shifts and each
 * week's shifts and hours are capped by what they can work, so the design can be rostered and the bound stays
 * a valid bound for any roster. With rotations (大轮班) the design also chooses each crew's start in its cycle
 * (design-crews.ts) and the shifts of each type on each day are at least what the crews on it work, the rest
 * within what the agents outside crews can work. Every such row holds for every roster that keeps the hard rules,
 * so the dual bound stays a true lower bound. Solved by HiGHS; its dual bound is reported with the gap.
 */
export async function designShifts(input: DesignInput, limits: SolveLimits): Promise<DesignResult> {
  const { rules, dates } = input;
  const step = rules.intervalMinutes;
  const perDay = 1440 / step;
  const total = dates.length * perDay;
  const under = rules.underPenalty ?? DEFAULT_OPTIONAL.underPenalty;
  const over = rules.overPenalty ?? DEFAULT_OPTIONAL.overPenalty;
  const groups = Object.keys(input.required);
  const perDate = dates.map((date) => rules.shiftTemplates.flatMap((t) => shiftVariants(t, date, step)));
  const cols: { g: string; d: number; v: ShiftVariant }[] = [];
  for (const g of groups)
    perDate.forEach((vs, d) => {
      for (const v of vs) cols.push({ g, d, v });
    });
  const cover = new Map<string, string[]>();
  const seat = new Map<number, string[]>();
  const add = (m: Map<string, string[]> | Map<number, string[]>, key: string | number, x: string) => {
    const map = m as Map<string | number, string[]>;
    const list = map.get(key);
    if (list) list.push(x);
    else map.set(key, [x]);
  };
  cols.forEach(({ g, d, v }, k) => {
    for (const i of coveredIntervals(v, step)) if (d * perDay + i < total) add(cover, `${g}|${d * perDay + i}`, `x${k}`);
    if (rules.seats !== undefined)
      for (const i of occupiedIntervals(v, step)) if (d * perDay + i < total) add(seat, d * perDay + i, `x${k}`);
  });
  const obj = cols.map(({ v }, k) => `${num(v.paidMinutes / 60)} x${k}`);
  const rows: string[] = [];
  groups.forEach((g, gi) => {
    for (let t = 0; t < total; t++) {
      const req = input.required[g]![Math.floor(t / perDay)]?.[t % perDay] ?? 0;
      const xs = cover.get(`${g}|${t}`) ?? [];
      if (req === 0 && xs.length === 0) continue;
      obj.push(`${under} u${gi}_${t}`, `${over} o${gi}_${t}`);
      rows.push(` c${gi}_${t}: ${xs.length ? `${xs.join(' + ')} + ` : ''}u${gi}_${t} - o${gi}_${t} = ${num(req)}`);
    }
  });
  for (const [t, xs] of seat) rows.push(` s${t}: ${xs.join(' + ')} <= ${rules.seats}`);
  const crews = input.agents ? crewsOf(input) : null;
  if (crews) rows.push(...crews.rows);
  const zs = input.agents ? capacityRows(input, cols, rows, crews) : [];
  const lower = new Map<number, number>();
  const index = new Map(cols.map((c, k) => [`${c.g}|${c.v.id}`, k]));
  for (const f of input.fixed ?? []) {
    const k = index.get(`${f.skillGroup}|${f.variant.id}`);
    if (k !== undefined) lower.set(k, (lower.get(k) ?? 0) + 1);
  }
  const bounds = [...lower].map(([k, n]) => ` x${k} >= ${n}`).join('\n');
  const body = `Minimize\n obj: ${obj.join(' + ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\n`;
  const ys = crews?.ys ?? [];
  const columns = cols.length + ys.length + zs.length + 2 * groups.length * total;
  const ints = [...cols.map((_, k) => `x${k}`), ...ys.map((y) => y.name)];
  const binaries = zs.length ? `Binary\n ${zs.join(' ')}\n` : '';
  const mip = await solve(`${body}General\n ${ints.join(' ')}\n${binaries}End\n`, columns, limits);
  if (
    !Number.isFinite(mip.objective) ||
    !['Optimal', 'Time limit reached'].includes(mip.status) ||
    Object.keys(mip.values).length === 0
  ) {
    throw new Error(
      `shift design: HiGHS ended with "${mip.status}" and no schedule; give a longer --time-limit or check seats and locks`,
    );
  }
  const lowerBound = mip.dualBound ?? (await solve(`${body}End\n`, columns, limits)).objective;
  const counts = cols
    .map(({ g, v }, k) => ({ skillGroup: g, variant: v, count: Math.round(mip.values[`x${k}`] ?? 0) }))
    .filter((c) => c.count > 0);
  const paidHours = counts.reduce((s, c) => s + (c.variant.paidMinutes / 60) * c.count, 0);
  const gap = mip.objective > 0 ? Math.max(0, (mip.objective - lowerBound) / mip.objective) : 0;
  const crewOffsets = new Map(ys.filter((y) => (mip.values[y.name] ?? 0) > 0.5).map((y) => [y.crew, y.offset]));
  return {
    counts,
    paidHours,
    objective: mip.objective,
    lowerBound,
    gap,
    status: mip.status,
    columns,
    crewOffsets,
    seconds: mip.seconds,
  };
}

function crewsOf(input: DesignInput): CrewModel | null {
  const groups = Object.keys(input.required);
  const locked = new Set<string>();
  for (const f of input.fixed ?? []) if (f.agent) locked.add(`${f.agent}|${input.dates.indexOf(f.variant.date)}`);
  return crewModel({
    dates: input.dates,
    rules: input.rules,
    agents: (input.agents ?? []).filter((a) => a.skills.some((s) => groups.includes(s))),
    groups,
    locked,
    previous: input.previous,
  });
}

/**
 * Caps every roster must respect, so adding them keeps the bound valid: shifts per day (all groups and per group)
 * and shifts and hours per week within what the agents can work. Crew members work exactly their pattern (less
 * leave), so with crews each day's shifts beyond the crews' are capped by the agents outside crews (and crew
 * members locked that day), and each type a crew works has at least the crews' shifts — per group too, for
 * members with one skill.
 */
function capacityRows(
  input: DesignInput,
  cols: { g: string; d: number; v: ShiftVariant }[],
  rows: string[],
  crews: CrewModel | null,
): string[] {
  const groups = Object.keys(input.required);
  const agents = (input.agents ?? []).filter((a) => a.skills.some((s) => s in input.required));
  const others = agents.filter((a) => !crews?.members.has(a.agent));
  const { dates, rules } = input;
  const xs = (pick: (c: { g: string; d: number; v: ShiftVariant }) => boolean) =>
    cols.map((c, k) => (pick(c) ? `x${k}` : '')).filter(Boolean);
  const lhs = (terms: string[], crew: [string, number][] = []) => [terms.join(' + '), ...minus(crew)].filter(Boolean).join(' ');
  dates.forEach((date, d) => {
    const loose = [...others.filter((a) => !a.unavailable?.includes(date)), ...(crews?.lockedOn(d) ?? [])];
    const all = xs((c) => c.d === d);
    if (all.length) rows.push(` day${d}: ${lhs(all, crews?.atWork(d))} <= ${loose.length}`);
    groups.forEach((g, gi) => {
      const mine = xs((c) => c.d === d && c.g === g);
      if (mine.length)
        rows.push(
          ` day${d}_${g.replace(/[^\w]/g, '_')}_${gi}: ${lhs(mine, crews?.atWork(d, { group: g }))} <= ${loose.filter((a) => a.skills.includes(g)).length}`,
        );
    });
    [...(crews?.types ?? [])].forEach((t, ti) => {
      const crew = crews!.atWork(d, { type: t });
      if (crew.length)
        rows.push(
          ` rt${d}_${ti}: ${lhs(
            xs((c) => c.d === d && c.v.template === t),
            crew,
          )} >= 0`,
        );
      groups.forEach((g, gi) => {
        const only = crews!.atWork(d, { type: t, group: g, only: true });
        if (only.length)
          rows.push(
            ` rt${d}_${ti}_${gi}: ${lhs(
              xs((c) => c.d === d && c.g === g && c.v.template === t),
              only,
            )} >= 0`,
          );
      });
    });
  });
  // An agent works at most min(days, 7 − rest days, ⌊max hours / shortest paid shift⌋) shifts a week.
  const shortest = Math.min(...cols.map((c) => c.v.paidMinutes / 60).filter((h) => h > 0));
  const longest = Math.max(...cols.map((c) => c.v.paidMinutes / 60));
  const perAgent = (days: number) =>
    Math.min(days, 7 - rules.minRestDaysPerWeek, Math.floor(rules.maxHoursPerWeek / shortest + 1e-9));
  const paidOf = new Map<string, number>();
  for (const c of cols)
    paidOf.set(`${c.d}|${c.v.template}`, Math.max(paidOf.get(`${c.d}|${c.v.template}`) ?? 0, c.v.paidMinutes / 60));
  // Calendar weeks (Monday–Sunday) as the roster counts them; a partial week at either end caps by its days.
  for (const [w, ws] of weeksOf(dates[0], 0, dates.length).entries()) {
    const week = Array.from({ length: 7 }, (_, i) => ws + i).filter((d) => d >= 0 && d < dates.length);
    const days = week.length;
    const inWeek = cols.map((c, k) => ({ c, k })).filter(({ c }) => weekStart(dates[0], c.d) === ws);
    rows.push(` wk${w}: ${inWeek.map(({ k }) => `x${k}`).join(' + ')} <= ${agents.length * perAgent(days)}`);
    const hours = inWeek.map(({ c, k }) => `${num(c.v.paidMinutes / 60)} x${k}`);
    rows.push(` wh${w}: ${hours.join(' + ')} <= ${num(agents.length * rules.maxHoursPerWeek)}`);
    if (!crews) continue;
    const locked = week.reduce((n, d) => n + crews.lockedOn(d).length, 0);
    const crewShifts = week.flatMap((d) => crews.atWork(d));
    const crewHours = week.flatMap((d) => crews.atWork(d, { weight: (t) => paidOf.get(`${d}|${t}`) ?? longest }));
    rows.push(
      ` wko${w}: ${lhs(
        inWeek.map(({ k }) => `x${k}`),
        crewShifts,
      )} <= ${others.length * perAgent(days) + locked}`,
    );
    rows.push(` who${w}: ${lhs(hours, crewHours)} <= ${num(others.length * rules.maxHoursPerWeek + locked * longest)}`);
  }
  const team = teamRows({ dates, rules, agents }, cols, perAgent, crews);
  rows.push(...team.rows);
  return team.zs;
}
