import type { Role } from '../../domain/auth/roles.ts';
import {
  DEMO_HANDLING_UNITS,
  DEMO_PASSWORD,
  DEMO_SEATS,
  DEMO_SKILL_GROUPS,
  DEMO_TEAM_COUNT,
  DEMO_USERS,
  type DemoAgent,
} from '../../domain/demo/demo-center.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { Db } from '../audit.ts';
import { insertUser } from '../users.ts';

export interface SeededOrganisation {
  skillGroupIds: Map<string, number>;
  agentIds: Map<string, number>;
  users: { username: string; roles: Role[] }[];
}

/** The handler of a unit other than the first (whose handler is `unit`): `unit-zjj` for HU-ZJJ. */
export const demoUnitUsername = (code: string) => `unit-${code.replace(/^HU-/, '').toLowerCase()}`;

const TEAM_NAMES = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组'];

/**
 * Writes the demo center's organisation: center, site, skill groups, teams, agents, units, one user per role (the
 * logins printed at start), a login for every other agent and team leader, and a handler for every other unit.
 */
export async function seedDemoOrganisation(db: Db, agents: DemoAgent[], now: number): Promise<SeededOrganisation> {
  await db
    .insertInto('center')
    .values({ name: '示例热线', time_zone: 'Asia/Shanghai', business_hours: '[{"start":"00:00","end":"24:00"}]' })
    .execute();
  const { id: siteId } = await db
    .insertInto('site')
    .values({ name: '主场地', seats: DEMO_SEATS })
    .returning('id')
    .executeTakeFirstOrThrow();
  const skillGroupIds = new Map<string, number>();
  for (const g of DEMO_SKILL_GROUPS) {
    const { id } = await db
      .insertInto('skill_group')
      .values({ code: g.code, name: g.name, sl_threshold_seconds: g.slThresholdSeconds, sl_target: g.slTarget })
      .returning('id')
      .executeTakeFirstOrThrow();
    skillGroupIds.set(g.code, id);
    // The ACD's queue names are the codes; map them so reports show skill groups from the start.
    await db.insertInto('queue_map').values({ queue_name: g.code, skill_group_id: id }).execute();
  }
  const teamIds: number[] = [];
  for (let t = 0; t < DEMO_TEAM_COUNT; t++) {
    const { id } = await db
      .insertInto('team')
      .values({ name: TEAM_NAMES[t] ?? `${t + 1}组`, site_id: siteId, leader_agent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    teamIds.push(id);
  }
  const agentIds = new Map<string, number>();
  for (const a of agents) {
    const { id } = await db
      .insertInto('agent')
      .values({
        employee_no: a.employeeNo,
        name: a.name,
        team_id: teamIds[a.team - 1] ?? null,
        hire_date: a.hireDate,
        contract_hours_per_week: a.contractHoursPerWeek,
        status: 'active',
        left_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    agentIds.set(a.employeeNo, id);
    await db
      .insertInto('agent_skill')
      .values(a.skills.map((s) => ({ agent_id: id, skill_group_id: skillGroupIds.get(s.code) ?? 0, proficiency: s.proficiency })))
      .execute();
    await db.insertInto('agent_map').values({ identity: a.employeeNo, agent_id: id }).execute();
    if (a.isLeader)
      await db
        .updateTable('team')
        .set({ leader_agent_id: id })
        .where('id', '=', teamIds[a.team - 1] ?? 0)
        .execute();
  }
  const unitIds: number[] = [];
  for (const u of DEMO_HANDLING_UNITS) {
    const { id } = await db
      .insertInto('handling_unit')
      .values({ code: u.code, name: u.name, head_name: u.headName, can_see_personal_data: u.canSeePersonalData ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.push(id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const leader = agents.find((a) => a.isLeader);
  const member = agents.find((a) => !a.isLeader && a.team === leader?.team);
  for (const u of DEMO_USERS) {
    const userId = await insertUser(
      db,
      {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        roles: u.roles,
        agentId:
          u.link === 'agent'
            ? agentIds.get(member?.employeeNo ?? '')
            : u.link === 'leader'
              ? agentIds.get(leader?.employeeNo ?? '')
              : null,
        unitId: u.link === 'unit' ? unitIds[0] : null,
      },
      now,
    );
    // The demo unit user is its unit's head (负责人): urgent orders reach them when no shift lead is on duty.
    if (u.link === 'unit' && unitIds[0] != null)
      await db.updateTable('handling_unit').set({ head_user_id: userId }).where('id', '=', unitIds[0]).execute();
  }
  // Every other agent and team leader signs in with their employee number, and every other unit has a handler
  // who heads it: the demo's work orders are registered, dispatched and answered by them (demo-work-orders.ts).
  for (const a of agents) {
    if (a === leader || a === member) continue;
    await insertUser(
      db,
      {
        username: a.employeeNo,
        displayName: a.name,
        passwordHash,
        roles: [a.isLeader ? 'team_lead' : 'agent'],
        agentId: agentIds.get(a.employeeNo),
      },
      now,
    );
  }
  for (const [i, unit] of DEMO_HANDLING_UNITS.entries()) {
    const unitId = unitIds[i];
    if (i === 0 || unitId == null) continue;
    const userId = await insertUser(
      db,
      { username: demoUnitUsername(unit.code), displayName: `${unit.name}承办人`, passwordHash, roles: ['unit_handler'], unitId },
      now,
    );
    await db.updateTable('handling_unit').set({ head_user_id: userId }).where('id', '=', unitId).execute();
  }
  return { skillGroupIds, agentIds, users: DEMO_USERS.map((u) => ({ username: u.username, roles: u.roles })) };
}
