import type { Db } from './audit.ts';

export interface CenterView {
  id: number;
  name: string;
  timeZone: string;
  businessHours: { start: string; end: string }[];
}

export async function getCenter(db: Db): Promise<CenterView | undefined> {
  const r = await db.selectFrom('center').selectAll().orderBy('id').executeTakeFirst();
  return r && { id: r.id, name: r.name, timeZone: r.time_zone, businessHours: JSON.parse(r.business_hours) };
}

export async function listSites(db: Db) {
  return db.selectFrom('site').select(['id', 'name', 'seats']).orderBy('id').execute();
}

export async function listSkillGroups(db: Db) {
  const rows = await db.selectFrom('skill_group').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    slThresholdSeconds: r.sl_threshold_seconds,
    slTarget: r.sl_target,
  }));
}

export async function listTeams(db: Db) {
  const rows = await db
    .selectFrom('team')
    .leftJoin('agent as leader', 'leader.id', 'team.leader_agent_id')
    .select(['team.id', 'team.name', 'team.site_id', 'team.leader_agent_id', 'leader.name as leader_name'])
    .select((eb) =>
      eb
        .selectFrom('agent')
        .whereRef('agent.team_id', '=', 'team.id')
        .where('agent.status', '=', 'active')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('agent_count'),
    )
    .orderBy('team.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    siteId: r.site_id,
    leaderAgentId: r.leader_agent_id,
    leaderName: r.leader_name,
    agentCount: Number(r.agent_count ?? 0),
  }));
}

export interface AgentFilter {
  id?: number;
  teamId?: number;
  status?: 'active' | 'left';
  q?: string;
  limit: number;
  offset: number;
}

export interface AgentView {
  id: number;
  employeeNo: string;
  name: string;
  teamId: number | null;
  teamName: string | null;
  skills: { skillGroupId: number; skillGroupName: string; proficiency: number }[];
  hireDate: string | null;
  contractHoursPerWeek: number;
  status: 'active' | 'left';
  leftDate: string | null;
}

export async function listAgents(db: Db, f: AgentFilter): Promise<{ items: AgentView[]; total: number }> {
  let q = db.selectFrom('agent').leftJoin('team', 'team.id', 'agent.team_id');
  if (f.id != null) q = q.where('agent.id', '=', f.id);
  if (f.teamId != null) q = q.where('agent.team_id', '=', f.teamId);
  if (f.status) q = q.where('agent.status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('agent.name', 'like', like), eb('agent.employee_no', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'agent.id',
      'agent.employee_no',
      'agent.name',
      'agent.team_id',
      'team.name as team_name',
      'agent.hire_date',
      'agent.contract_hours_per_week',
      'agent.status',
      'agent.left_date',
    ])
    .orderBy('agent.employee_no')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const skills = await skillsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      employeeNo: r.employee_no,
      name: r.name,
      teamId: r.team_id,
      teamName: r.team_name,
      skills: skills.get(r.id) ?? [],
      hireDate: r.hire_date,
      contractHoursPerWeek: r.contract_hours_per_week,
      status: r.status,
      leftDate: r.left_date,
    })),
  };
}

async function skillsOf(db: Db, agentIds: number[]) {
  const map = new Map<number, AgentView['skills']>();
  if (agentIds.length === 0) return map;
  const rows = await db
    .selectFrom('agent_skill')
    .innerJoin('skill_group', 'skill_group.id', 'agent_skill.skill_group_id')
    .select(['agent_skill.agent_id', 'agent_skill.skill_group_id', 'skill_group.name', 'agent_skill.proficiency'])
    .where('agent_skill.agent_id', 'in', agentIds)
    .orderBy('agent_skill.skill_group_id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.agent_id) ?? [];
    list.push({ skillGroupId: r.skill_group_id, skillGroupName: r.name, proficiency: r.proficiency });
    map.set(r.agent_id, list);
  }
  return map;
}

export async function getAgent(db: Db, id: number): Promise<AgentView | undefined> {
  const { items } = await listAgents(db, { id, limit: 1, offset: 0 });
  return items[0];
}

export async function setAgentSkills(
  db: Db,
  agentId: number,
  skills: { skillGroupId: number; proficiency: number }[],
): Promise<void> {
  await db.deleteFrom('agent_skill').where('agent_id', '=', agentId).execute();
  if (skills.length > 0) {
    await db
      .insertInto('agent_skill')
      .values(skills.map((s) => ({ agent_id: agentId, skill_group_id: s.skillGroupId, proficiency: s.proficiency })))
      .execute();
  }
}

export async function listHandlingUnits(db: Db) {
  const rows = await db.selectFrom('handling_unit').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    headName: r.head_name,
    canSeePersonalData: r.can_see_personal_data === 1,
  }));
}
