import { DateTime } from 'luxon';
import { payRate } from '../domain/schedule/pay-rate.ts';
import type { RosterEntry } from '../domain/schedule/roster.ts';
import type { CheckContext } from '../domain/schedule/rules-check.ts';
import { dateAt, weeksOf } from '../domain/schedule/calendar-week.ts';
import { daysBetween, entryFromStored, neighbourEntries, storedFromEntry } from '../domain/schedule/stored-roster.ts';
import { type AgentInput, DEFAULT_OPTIONAL, DEFAULT_RULES, DEFAULT_TEMPLATES, type Rules } from '../domain/schedule/types.ts';
import type { Db } from './audit.ts';
import { notify } from './notifications.ts';

/** The labour rules and shift templates schedules are built and changed under (seats from the sites). */
export async function scheduleRules(db: Db): Promise<Rules> {
  const seats = await db
    .selectFrom('site')
    .select((eb) => eb.fn.sum<number>('seats').as('n'))
    .executeTakeFirst();
  return { ...DEFAULT_RULES, shiftTemplates: DEFAULT_TEMPLATES, seats: seats?.n ? Number(seats.n) : undefined };
}

export async function centerZone(db: Db): Promise<string> {
  return (await db.selectFrom('center').select('time_zone').executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
}

/** Active agents as the scheduler reads them: skills, team, leader role, approved leave and days off as unavailable. */
export async function scheduleAgents(
  db: Db,
): Promise<{ agents: AgentInput[]; idOf: Map<string, number>; noOf: Map<number, string>; hireDate: Map<string, string | null> }> {
  const rows = await db
    .selectFrom('agent')
    .leftJoin('team', 'team.id', 'agent.team_id')
    .select([
      'agent.id',
      'agent.employee_no',
      'agent.team_id',
      'agent.contract_hours_per_week',
      'agent.hire_date',
      'team.leader_agent_id',
    ])
    .where('agent.status', '=', 'active')
    .orderBy('agent.employee_no')
    .execute();
  const skills = await db
    .selectFrom('agent_skill')
    .innerJoin('skill_group', 'skill_group.id', 'agent_skill.skill_group_id')
    .select(['agent_skill.agent_id', 'skill_group.name'])
    .execute();
  const leave = await db
    .selectFrom('schedule_request')
    .select(['agent_id', 'date'])
    .where('kind', 'in', ['leave', 'day_off'])
    .where('status', '=', 'approved')
    .execute();
  const agents = rows.map(
    (a): AgentInput => ({
      agent: a.employee_no,
      team: String(a.team_id ?? ''),
      skills: skills.filter((s) => s.agent_id === a.id).map((s) => s.name),
      contractHoursPerWeek: a.contract_hours_per_week,
      role: a.leader_agent_id === a.id ? 'leader' : 'agent',
      unavailable: leave.filter((l) => l.agent_id === a.id).map((l) => l.date),
    }),
  );
  return {
    agents,
    idOf: new Map(rows.map((a) => [a.employee_no, a.id])),
    noOf: new Map(rows.map((a) => [a.id, a.employee_no])),
    hireDate: new Map(rows.map((a) => [a.employee_no, a.hire_date])),
  };
}

export interface LoadedSchedule {
  schedule: { id: number; name: string; start_date: string; weeks: number; status: string };
  zone: string;
  dates: string[];
  roster: RosterEntry[];
  agents: AgentInput[];
  idOf: Map<string, number>;
  noOf: Map<number, string>;
  rules: Rules;
  ctx: CheckContext & { dates: string[] };
}

/** A schedule with its roster, agents and rules, ready for the rule checker; null when there is none. */
export async function loadSchedule(db: Db, scheduleId: number): Promise<LoadedSchedule | null> {
  const schedule = await db
    .selectFrom('schedule')
    .select(['id', 'name', 'start_date', 'weeks', 'status'])
    .where('id', '=', scheduleId)
    .executeTakeFirst();
  if (!schedule) return null;
  const zone = await centerZone(db);
  const start = DateTime.fromISO(schedule.start_date, { zone });
  const dates = Array.from({ length: schedule.weeks * 7 }, (_, i) => start.plus({ days: i }).toISODate() ?? '');
  const { agents, idOf, noOf } = await scheduleAgents(db);
  const rows = await db.selectFrom('schedule_assignment').selectAll().where('schedule_id', '=', schedule.id).execute();
  const roster = rows.flatMap((r) => {
    const agent = noOf.get(r.agent_id);
    const e = agent
      ? entryFromStored(
          { agent, date: r.date, shift: r.shift, segments: JSON.parse(r.segments_json), breaks: JSON.parse(r.breaks_json) },
          dates,
          zone,
        )
      : null;
    return e ? [e] : [];
  });
  const rules = await scheduleRules(db);
  // The published schedules on either side, so a change near the boundary is checked across it.
  const neighbours = await neighbourShifts(db, dates, zone, rules, { exclude: schedule.id, noOf });
  return {
    schedule,
    zone,
    dates,
    roster,
    agents,
    idOf,
    noOf,
    rules,
    ctx: { dates, templates: rules.shiftTemplates, neighbours },
  };
}

/** Days on either side of a period that the rules reach across: runs of working days, nights per window, rest. */
export const reachDays = (rules: Rules) =>
  Math.max(2, rules.maxConsecutiveDays, (rules.nightPeriodDays ?? DEFAULT_OPTIONAL.nightPeriodDays) - 1);

/**
 * The dates outside a period whose shifts count for it: `reachDays` on either side (rest, runs, nights), and the
 * calendar weeks of the months its weeks start in (hours and rest days of a shared week, overtime of a month).
 * @example 2026-12-14 for 2 weeks → 2026-12-01 … 12-13 and 12-28 … 2027-01-06 (the week of Mon 12-28 counts in December).
 */
export function neighbourDates(dates: readonly string[], rules: Rules, beforeOnly = false): string[] {
  const first = dates[0]!;
  const n = dates.length;
  const months = weeksOf(first, 0, n).map((w) => dateAt(first, w).slice(0, 7));
  const lo = Math.min(-reachDays(rules), daysBetween(first, `${months[0]}-01`));
  const [y, m] = months.at(-1)!.split('-').map(Number) as [number, number];
  const nextMonth = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  const hi = Math.max(n - 1 + reachDays(rules), daysBetween(first, nextMonth) - 1 + 6);
  const out: string[] = [];
  for (let d = lo; d < 0; d++) out.push(dateAt(first, d));
  if (!beforeOnly) for (let d = n; d <= hi; d++) out.push(dateAt(first, d));
  return out;
}

/**
 * The shifts of the published schedules next to a period — for each of its `neighbourDates` before it (and after
 * it, unless `beforeOnly`) the latest published schedule covering that date other than `exclude` — as entries of
 * the period (dayIndex −1 = the day before its first), for CheckContext.neighbours and the builder's `previous`.
 */
export async function neighbourShifts(
  db: Db,
  dates: readonly string[],
  zone: string,
  rules: Rules,
  opts: { exclude?: number | readonly number[]; beforeOnly?: boolean; noOf: Map<number, string> },
): Promise<RosterEntry[]> {
  const wanted = neighbourDates(dates, rules, opts.beforeOnly);
  const excluded = new Set(typeof opts.exclude === 'number' ? [opts.exclude] : (opts.exclude ?? []));
  const published = await db
    .selectFrom('schedule')
    .select(['id', 'start_date', 'weeks'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute();
  const bySchedule = new Map<number, string[]>();
  for (const date of wanted) {
    const hit = published.find(
      (s) =>
        !excluded.has(s.id) &&
        s.start_date <= date &&
        DateTime.fromISO(s.start_date).plus({ weeks: s.weeks }).toISODate()! > date,
    );
    if (hit) bySchedule.set(hit.id, [...(bySchedule.get(hit.id) ?? []), date]);
  }
  const out: RosterEntry[] = [];
  for (const [id, days] of bySchedule) {
    const rows = await db
      .selectFrom('schedule_assignment')
      .selectAll()
      .where('schedule_id', '=', id)
      .where('date', 'in', days)
      .execute();
    const stored = rows.flatMap((r) => {
      const agent = opts.noOf.get(r.agent_id);
      return agent
        ? [{ agent, date: r.date, shift: r.shift, segments: JSON.parse(r.segments_json), breaks: JSON.parse(r.breaks_json) }]
        : [];
    });
    out.push(...neighbourEntries(stored, dates[0]!, zone));
  }
  return out;
}

/** One schedule's place in a JoinedSchedules: its own load, and the dayIndex of its first day in the joined period. */
export interface JoinedPart {
  s: LoadedSchedule;
  offset: number;
}

/**
 * Two or more schedules that do not overlap as one period, from the earliest first day to the latest last day
 * (days between them have no shifts), with the published schedules around that period as neighbours: for a
 * change that touches both, such as a swap with a colleague's day in the next schedule. null when one is missing
 * or two overlap. `splitRoster` gives each part its own entries back, to store with saveRosterChange.
 */
export async function loadJoined(
  db: Db,
  ids: readonly number[],
): Promise<{ joined: LoadedSchedule; parts: JoinedPart[] } | null> {
  const loaded = await Promise.all(ids.map((id) => loadSchedule(db, id)));
  if (loaded.some((l) => l === null)) return null;
  const all = (loaded as LoadedSchedule[]).sort((a, b) => a.dates[0]!.localeCompare(b.dates[0]!));
  for (let i = 1; i < all.length; i++) if (all[i]!.dates[0]! <= all[i - 1]!.dates.at(-1)!) return null;
  const first = all[0]!;
  const n = daysBetween(first.dates[0]!, all.at(-1)!.dates.at(-1)!) + 1;
  const dates = Array.from({ length: n }, (_, d) => dateAt(first.dates[0]!, d));
  const parts = all.map((s) => ({ s, offset: daysBetween(first.dates[0]!, s.dates[0]!) }));
  const roster = parts.flatMap(({ s, offset }) => s.roster.map((e) => ({ ...e, dayIndex: e.dayIndex + offset })));
  const neighbours = await neighbourShifts(db, dates, first.zone, first.rules, { exclude: ids, noOf: first.noOf });
  return {
    joined: { ...first, dates, roster, ctx: { dates, templates: first.rules.shiftTemplates, neighbours } },
    parts,
  };
}

/** The entries of a joined roster that fall in one part, as that part's own (its dayIndex). */
export const splitRoster = (roster: readonly RosterEntry[], part: JoinedPart): RosterEntry[] =>
  roster
    .filter((e) => e.dayIndex >= part.offset && e.dayIndex < part.offset + part.s.dates.length)
    .map((e) => ({ ...e, dayIndex: e.dayIndex - part.offset }));

/** The latest published schedule covering a date, or null. */
export async function publishedScheduleOn(db: Db, date: string): Promise<number | null> {
  const rows = await db
    .selectFrom('schedule')
    .select(['id', 'start_date', 'weeks'])
    .where('status', '=', 'published')
    .where('start_date', '<=', date)
    .orderBy('published_at', 'desc')
    .execute();
  const hit = rows.find((s) => DateTime.fromISO(s.start_date).plus({ weeks: s.weeks }).toISODate()! > date);
  return hit?.id ?? null;
}

/**
 * Stores the cells of `next` that differ from the loaded roster (per agent and day) and notifies the agents whose
 * shifts changed when the schedule is published. Returns those agents' employee numbers.
 */
export async function saveRosterChange(
  db: Db,
  s: LoadedSchedule,
  next: readonly RosterEntry[],
  opts: { locked: boolean; text: string; at: number },
): Promise<string[]> {
  const key = (e: { agent: string; dayIndex: number }) => `${e.agent}|${e.dayIndex}`;
  const sig = (e: RosterEntry | undefined) => (e ? JSON.stringify(storedFromEntry(e, s.zone)) : '');
  const before = new Map(s.roster.map((e) => [key(e), e]));
  const after = new Map(next.map((e) => [key(e), e]));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => sig(before.get(k)) !== sig(after.get(k)));
  const agents = new Set<string>();
  for (const k of changed) {
    const [agent = '', day = '0'] = k.split('|');
    const agentId = s.idOf.get(agent) ?? 0;
    const date = s.dates[Number(day)]!;
    agents.add(agent);
    await db
      .deleteFrom('schedule_assignment')
      .where('schedule_id', '=', s.schedule.id)
      .where('agent_id', '=', agentId)
      .where('date', '=', date)
      .execute();
    const e = after.get(k);
    if (!e) continue;
    const st = storedFromEntry(e, s.zone);
    await db
      .insertInto('schedule_assignment')
      .values({
        schedule_id: s.schedule.id,
        agent_id: agentId,
        date,
        shift: st.shift,
        segments_json: JSON.stringify(st.segments),
        breaks_json: JSON.stringify(st.breaks),
        pay_rate: payRate(date),
        locked: opts.locked ? 1 : 0,
      })
      .execute();
  }
  if (s.schedule.status === 'published')
    await notifyAgents(
      db,
      [...agents].map((a) => s.idOf.get(a) ?? 0),
      opts.text,
      opts.at,
    );
  return [...agents];
}

/** Notifies the users linked to these agents (a schedule change, a decision, a bid result). */
export async function notifyAgents(
  db: Db,
  agentIds: readonly number[],
  text: string,
  at: number,
  link = '/schedule/mine',
): Promise<void> {
  if (agentIds.length === 0) return;
  const users = await db
    .selectFrom('app_user')
    .select('id')
    .where('agent_id', 'in', [...agentIds])
    .execute();
  await notify(
    db,
    users.map((u) => ({ userId: u.id, kind: 'schedule', text, link })),
    at,
  );
}

/** Points balances (排班积分) per agent id. */
export async function pointsBalances(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('points_ledger')
    .select(['agent_id', (eb) => eb.fn.sum<number>('delta').as('n')])
    .groupBy('agent_id')
    .execute();
  return new Map(rows.map((r) => [r.agent_id, Number(r.n)]));
}
