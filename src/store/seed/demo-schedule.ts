import { DateTime } from 'luxon';
import { DEMO_SKILL_GROUPS, type DemoAgent } from '../../domain/demo/demo-center.ts';
import { demoRequirement } from '../../domain/demo/demo-requirement.ts';
import { demoSchedule } from '../../domain/demo/demo-schedule.ts';
import { demoScheduleResult } from '../../domain/demo/demo-schedule-result.ts';
import { payRate } from '../../domain/schedule/pay-rate.ts';
import { storedFromEntry } from '../../domain/schedule/stored-roster.ts';
import type { Db } from '../audit.ts';
import { notify } from '../notifications.ts';
import { scheduleAgents, scheduleRules } from '../schedule-people.ts';

/** Weeks of the demo's published schedule: the current one and the next. */
export const DEMO_SCHEDULE_WEEKS = 2;

export interface SeededSchedule {
  id: number;
  start: string;
  assignments: number;
  fit: number | null;
  violations: number;
}

/**
 * The demo's published schedule (排班): the current calendar week in the center's zone and the next, made by the
 * demo's shift cover and rostering (domain/demo/demo-schedule.ts) for the requirement of its traffic model, from the
 * agents, shift templates and labour rules the builder reads (scheduleAgents, scheduleRules), and stored as a
 * built and published one is — schedule row with the builder's result, assignments 'template·group' with ISO
 * segments and breaks and the pay rate, a notification to each agent with shifts — the planner's work of the week
 * before: built on Thursday, published on Friday.
 */
export async function seedDemoSchedule(
  db: Db,
  options: { now: number; timeZone: string; agents: readonly DemoAgent[] },
): Promise<SeededSchedule> {
  const monday = DateTime.fromMillis(options.now, { zone: options.timeZone }).startOf('week');
  const dates = Array.from({ length: DEMO_SCHEDULE_WEEKS * 7 }, (_, d) => monday.plus({ days: d }).toISODate() ?? '');
  const rules = await scheduleRules(db);
  const { agents: listed, idOf } = await scheduleAgents(db);
  // Each agent's own line first (the team's: 投诉举报 for 六组, 七组), as the demo center defines them: the database
  // lists skills in no particular order, and the schedule is to be the same on SQLite and PostgreSQL.
  const names = new Map(DEMO_SKILL_GROUPS.map((g) => [g.code, g.name]));
  const line = new Map(options.agents.map((a) => [a.employeeNo, a.skills.map((s) => names.get(s.code))]));
  const agents = listed.map((a) => {
    const rank = (skill: string) => {
      const r = line.get(a.agent)?.indexOf(skill) ?? -1;
      return r < 0 ? Number.MAX_SAFE_INTEGER : r;
    };
    return { ...a, skills: [...a.skills].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)) };
  });
  const demand = demoRequirement(dates, DEMO_SKILL_GROUPS, rules.intervalMinutes);
  const roster = demoSchedule({ dates, required: demand.required, agents, rules });
  const result = demoScheduleResult({ ...demand, roster, dates, timeZone: options.timeZone, agents, rules });
  const name = `${dates[0]} 起 ${DEMO_SCHEDULE_WEEKS} 周`;
  const publishedAt = monday.minus({ days: 3 }).set({ hour: 16 }).toMillis();
  const { id } = await db
    .insertInto('schedule')
    .values({
      name,
      start_date: dates[0]!,
      weeks: DEMO_SCHEDULE_WEEKS,
      status: 'published',
      result_json: JSON.stringify(result),
      created_at: monday.minus({ days: 4 }).set({ hour: 15 }).toMillis(),
      created_by: 'planner',
      published_at: publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The pay rate once per date: the lunar calendar behind it is slow to ask 900 times.
  const rates = new Map(dates.map((d) => [d, payRate(d)]));
  const rows = roster.map((e) => {
    const s = storedFromEntry(e, options.timeZone);
    return {
      schedule_id: id,
      agent_id: idOf.get(e.agent) ?? 0,
      date: s.date,
      shift: s.shift,
      segments_json: JSON.stringify(s.segments),
      breaks_json: JSON.stringify(s.breaks),
      pay_rate: rates.get(s.date) ?? payRate(s.date),
      locked: 0,
    };
  });
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('schedule_assignment')
      .values(rows.slice(i, i + 300))
      .execute();
  const rostered = [...new Set(rows.map((r) => r.agent_id))];
  const users = rostered.length ? await db.selectFrom('app_user').select('id').where('agent_id', 'in', rostered).execute() : [];
  await notify(
    db,
    users.map((u) => ({ userId: u.id, kind: 'schedule', text: `排班已发布：${name}`, link: '/schedule/mine' })),
    publishedAt,
  );
  return { id, start: dates[0]!, assignments: rows.length, fit: result.fit, violations: result.violations.length };
}
