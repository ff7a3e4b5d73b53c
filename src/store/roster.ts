import type { RosterRow } from '../ingest/roster/roster-csv.ts';
import { type Actor, type Db, writeAudit } from './audit.ts';
import { getAgent, setAgentSkills } from './organisation.ts';

/** Lookups the roster parser resolves names against. */
export async function rosterLookups(db: Db) {
  const teams = await db.selectFrom('team').select(['id', 'name']).execute();
  const groups = await db.selectFrom('skill_group').select(['id', 'name', 'code']).execute();
  const groupMap = new Map<string, number>();
  for (const g of groups) {
    groupMap.set(g.name, g.id);
    groupMap.set(g.code, g.id);
  }
  return { teams: new Map(teams.map((t) => [t.name, t.id])), skillGroups: groupMap };
}

/** Creates or updates (by employee number) each agent of the roster, auditing each; call inside a transaction. */
export async function applyRoster(
  db: Db,
  rows: RosterRow[],
  actor: Actor,
  now: number,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const existing = await db.selectFrom('agent').select('id').where('employee_no', '=', r.employeeNo).executeTakeFirst();
    const values = {
      name: r.name,
      team_id: r.teamId,
      hire_date: r.hireDate,
      contract_hours_per_week: r.contractHoursPerWeek,
    };
    let id: number;
    let before: unknown;
    if (existing) {
      id = existing.id;
      before = await getAgent(db, id);
      await db.updateTable('agent').set(values).where('id', '=', id).execute();
      updated++;
    } else {
      ({ id } = await db
        .insertInto('agent')
        .values({ ...values, employee_no: r.employeeNo, status: 'active', left_date: null })
        .returning('id')
        .executeTakeFirstOrThrow());
      created++;
    }
    await setAgentSkills(db, id, r.skills);
    const after = await getAgent(db, id);
    await writeAudit(db, actor, { action: existing ? 'update' : 'create', entity: 'agent', entityId: id, before, after }, now);
  }
  return { created, updated };
}
