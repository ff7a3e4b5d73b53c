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
  /** Shifts that must be in the design: the planner's locks. */
  fixed?: readonly { skillGroup: string; variant: ShiftVariant }[];
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
}

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * Stage 1, shift design (班次设计): how many of each shift variant (start, split-shift gap, break placement) to
 * staff for each skill group so that paid hours + underPenalty × understaffed agent-intervals + overPenalty ×
 * overstaffed agent-intervals is least — the set-covering model of Dantzig (1954) with breaks placed explicitly
 * (each placement its own column, exact on the interval grid; Aykin 1996 places them implicitly to the same
 * optimum). Seats cap agents at seats per interval over all groups. With agents, each day's shifts and each
 * week's shifts and hours are capped by what they can work, so the design can be rostered and the bound stays
 * a valid bound for any roster. Solved by HiGHS; its dual bound is reported with the gap.
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
  if (input.agents) capacityRows(input, cols, rows);
  const lower = new Map<number, number>();
  const index = new Map(cols.map((c, k) => [`${c.g}|${c.v.id}`, k]));
  for (const f of input.fixed ?? []) {
    const k = index.get(`${f.skillGroup}|${f.variant.id}`);
    if (k !== undefined) lower.set(k, (lower.get(k) ?? 0) + 1);
  }
  const bounds = [...lower].map(([k, n]) => ` x${k} >= ${n}`).join('\n');
  const body = `Minimize\n obj: ${obj.join(' + ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\n`;
  const columns = cols.length + 2 * groups.length * total;
  const mip = await solve(`${body}General\n ${cols.map((_, k) => `x${k}`).join(' ')}\nEnd\n`, columns, limits);
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
  return { counts, paidHours, objective: mip.objective, lowerBound, gap, status: mip.status, columns };
}

/** Caps every roster must respect, so adding them keeps the bound valid: shifts per day, shifts and hours per week. */
function capacityRows(input: DesignInput, cols: { g: string; d: number; v: ShiftVariant }[], rows: string[]): void {
  const agents = (input.agents ?? []).filter((a) => a.skills.some((s) => s in input.required));
  const { dates, rules } = input;
  // Crew members work only their rotation's shift types: the other types are capped by the agents outside crews.
  const crews = new Set((rules.rotations ?? []).flatMap((r) => r.crews));
  const rotating = new Set((rules.rotations ?? []).flatMap((r) => r.pattern));
  dates.forEach((date, d) => {
    const free = agents.filter((a) => !a.unavailable?.includes(date));
    const all = cols.map((c, k) => (c.d === d ? `x${k}` : '')).filter(Boolean);
    if (all.length) rows.push(` day${d}: ${all.join(' + ')} <= ${free.length}`);
    if (crews.size) {
      const others = cols.map((c, k) => (c.d === d && !rotating.has(c.v.template) ? `x${k}` : '')).filter(Boolean);
      if (others.length)
        rows.push(` dayo${d}: ${others.join(' + ')} <= ${free.filter((a) => !a.crew || !crews.has(a.crew)).length}`);
    }
    for (const g of Object.keys(input.required)) {
      const xs = cols.map((c, k) => (c.d === d && c.g === g ? `x${k}` : '')).filter(Boolean);
      if (xs.length)
        rows.push(
          ` day${d}_${g.replace(/[^\w]/g, '_')}_${Object.keys(input.required).indexOf(g)}: ${xs.join(' + ')} <= ${free.filter((a) => a.skills.includes(g)).length}`,
        );
    }
  });
  // An agent works at most min(days, 7 − rest days, ⌊max hours / shortest paid shift⌋) shifts a week.
  const shortest = Math.min(...cols.map((c) => c.v.paidMinutes / 60).filter((h) => h > 0));
  const perAgent = (days: number) =>
    Math.min(days, 7 - rules.minRestDaysPerWeek, Math.floor(rules.maxHoursPerWeek / shortest + 1e-9));
  for (let w = 0; w * 7 < dates.length; w++) {
    const days = Math.min(7, dates.length - w * 7);
    const inWeek = cols.map((c, k) => ({ c, k })).filter(({ c }) => Math.floor(c.d / 7) === w);
    rows.push(` wk${w}: ${inWeek.map(({ k }) => `x${k}`).join(' + ')} <= ${agents.length * perAgent(days)}`);
    rows.push(
      ` wh${w}: ${inWeek.map(({ c, k }) => `${num(c.v.paidMinutes / 60)} x${k}`).join(' + ')} <= ${num(agents.length * rules.maxHoursPerWeek)}`,
    );
    if (crews.size) {
      const others = inWeek.filter(({ c }) => !rotating.has(c.v.template));
      const n = agents.filter((a) => !a.crew || !crews.has(a.crew)).length;
      if (others.length) rows.push(` wko${w}: ${others.map(({ k }) => `x${k}`).join(' + ')} <= ${n * perAgent(days)}`);
    }
  }
}
