import type { Role } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/audit.ts';
import { insertUser } from '../../store/users.ts';
import { hashPassword } from '../auth/passwords.ts';
import { TEST_PASSWORD } from '../testing.ts';

/** Test data for the work-order route tests: teams, agents, two handling units and extra users. */
export async function addTeam(db: Db, name: string): Promise<number> {
  return (
    await db.insertInto('team').values({ name, site_id: null, leader_agent_id: null }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export async function addAgent(db: Db, employeeNo: string, teamId: number): Promise<number> {
  const row = {
    employee_no: employeeNo,
    name: `坐席${employeeNo}`,
    team_id: teamId,
    hire_date: null,
    contract_hours_per_week: 40,
    status: 'active' as const,
    left_date: null,
  };
  return (await db.insertInto('agent').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** 住建局 may not see callers' personal data; 水务集团 may. */
export async function addUnits(db: Db): Promise<{ unitA: number; unitB: number }> {
  const unit = async (code: string, name: string, may: number) =>
    (
      await db
        .insertInto('handling_unit')
        .values({ code, name, head_name: null, can_see_personal_data: may })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return { unitA: await unit('A', '住建局', 0), unitB: await unit('B', '水务集团', 1) };
}

/** A user who signs in with the test password. */
export async function addUser(
  db: Db,
  username: string,
  roles: Role[],
  link: { agentId?: number; unitId?: number } = {},
): Promise<number> {
  return insertUser(db, { username, displayName: username, passwordHash: await hashPassword(TEST_PASSWORD), roles, ...link }, 0);
}
