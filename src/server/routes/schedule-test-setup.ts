/**
 * Test fixture for the schedule API tests: agents with one skill, published schedules and their shifts written
 * as the builder stores them (first variant of a template on a date, Asia/Shanghai). Used only by *.test.ts files.
 */

import { shiftVariants } from '../../domain/schedule/shift-variants.ts';
import { storedFromEntry } from '../../domain/schedule/stored-roster.ts';
import type { ShiftTemplate } from '../../domain/schedule/types.ts';
import type { Db } from '../../store/audit.ts';
import type { TestApp } from '../testing.ts';

/** Active agents `employee_no`s numbered from `first`, 40 h contracts, each with the skill `groupId`; their ids. */
export async function addAgents(
  db: Db,
  groupId: number,
  first: number,
  count: number,
  hireDates: (string | null)[] = [],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await db
      .insertInto('agent')
      .values({
        employee_no: String(first + i),
        name: `坐席${i}`,
        team_id: null,
        hire_date: hireDates[i] ?? null,
        contract_hours_per_week: 40,
        status: 'active',
        left_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('agent_skill').values({ agent_id: id, skill_group_id: groupId, proficiency: 3 }).execute();
    ids.push(id);
  }
  return ids;
}

/** The skill group 政策咨询 (code p, 80/20); its id. */
export async function addPolicyGroup(db: Db): Promise<number> {
  return (
    await db
      .insertInto('skill_group')
      .values({ code: 'p', name: '政策咨询', sl_threshold_seconds: 20, sl_target: 0.8 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A published schedule of `weeks` from `start`; its id. */
export async function addPublishedSchedule(
  db: Db,
  start: string,
  weeks: number,
  opts: { publishedAt?: number; resultJson?: string | null } = {},
): Promise<number> {
  return addSchedule(db, start, weeks, opts.resultJson ?? null, opts.publishedAt ?? 1);
}

/** A draft schedule of `weeks` from `start`, as built (a result without coverage) and not yet published; its id. */
export async function addDraftSchedule(db: Db, start: string, weeks: number): Promise<number> {
  return addSchedule(db, start, weeks, JSON.stringify({ violations: [] }), null);
}

/** A schedule, published at `publishedAt` or a draft when it is null. */
async function addSchedule(db: Db, start: string, weeks: number, resultJson: string | null, publishedAt: number | null) {
  return (
    await db
      .insertInto('schedule')
      .values({
        name: `${start} 周`,
        start_date: start,
        weeks,
        status: publishedAt === null ? 'draft' : 'published',
        result_json: resultJson,
        created_at: 0,
        created_by: 'planner',
        published_at: publishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A shift of template `t` (its first variant) for an agent on a date, in 政策咨询. */
export async function addShift(
  db: Db,
  scheduleId: number,
  agent: { id: number; no: string },
  date: string,
  t: ShiftTemplate,
): Promise<void> {
  const s = storedFromEntry(
    { agent: agent.no, skillGroup: '政策咨询', dayIndex: 0, variant: shiftVariants(t, date, 30)[0]! },
    'Asia/Shanghai',
  );
  await db
    .insertInto('schedule_assignment')
    .values({
      schedule_id: scheduleId,
      agent_id: agent.id,
      date,
      shift: s.shift,
      segments_json: JSON.stringify(s.segments),
      breaks_json: JSON.stringify(s.breaks),
      pay_rate: 1,
      locked: 0,
    })
    .execute();
}

/** The planner's approval of a schedule request. */
export const approveRequest = (t: TestApp, planner: Record<string, string>, requestId: number) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/schedule-requests/${requestId}/decision`,
    headers: planner,
    payload: { approve: true },
  });
