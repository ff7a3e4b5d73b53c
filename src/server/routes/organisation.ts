import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../domain/auth/roles.ts';
import { writeAudit } from '../../store/audit.ts';
import { rebuildSkillGroupCells } from '../../store/interval-cells.ts';
import {
  getAgent,
  getCenter,
  listAgents,
  listHandlingUnits,
  listSites,
  listSkillGroups,
  listTeams,
  setAgentSkills,
} from '../../store/organisation.ts';
import { conflict, notFound } from '../problem.ts';
import { defineRoute, idParams, paging, patchBody } from '../route.ts';

const READ: Role[] = ['admin', 'manager', 'planner', 'team_lead', 'qa', 'trainer'];
const WRITE: Role[] = ['admin'];
const TAGS = ['organisation'];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const centerBody = z.object({
  name: z.string().trim().min(1).max(100),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone'),
  businessHours: z.array(z.object({ start: hhmm, end: hhmm })).min(1),
});
const siteBody = z.object({ name: z.string().trim().min(1).max(100), seats: z.number().int().min(0).max(100_000) });
const skillGroupBody = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  slThresholdSeconds: z.number().int().min(1).max(3600).default(20),
  slTarget: z.number().gt(0).max(1).default(0.8),
});
const teamBody = z.object({
  name: z.string().trim().min(1).max(100),
  siteId: z.number().int().positive().nullable().default(null),
  leaderAgentId: z.number().int().positive().nullable().default(null),
});
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const agentBody = z.object({
  employeeNo: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(50),
  teamId: z.number().int().positive().nullable().default(null),
  skills: z
    .array(z.object({ skillGroupId: z.number().int().positive(), proficiency: z.number().int().min(1).max(5) }))
    .default([]),
  hireDate: date.nullable().default(null),
  contractHoursPerWeek: z.number().min(0).max(60).default(40),
  status: z.enum(['active', 'left']).default('active'),
  leftDate: date.nullable().default(null),
});
const unitBody = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  headName: z.string().trim().max(50).nullable().default(null),
  canSeePersonalData: z.boolean().default(false),
});

/** Organisation model: center, sites, skill groups, teams, agents, handling units. Every write is audited. */
export async function organisationRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/center',
    access: 'signed-in',
    summary: 'The center',
    tags: TAGS,
    handler: async ({ ctx }) => (await getCenter(ctx.db)) ?? Promise.reject(notFound('center')),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/center',
    access: WRITE,
    summary: 'Edit the center',
    tags: TAGS,
    body: patchBody(centerBody),
    handler: async ({ ctx, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await getCenter(tx);
        if (!before) throw notFound('center');
        await tx
          .updateTable('center')
          .set({
            name: body.name,
            time_zone: body.timeZone,
            business_hours: body.businessHours ? JSON.stringify(body.businessHours) : undefined,
          })
          .where('id', '=', before.id)
          .execute();
        const after = await getCenter(tx);
        await writeAudit(tx, actor, { action: 'update', entity: 'center', entityId: before.id, before, after }, ctx.now());
        return after;
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/sites',
    access: READ,
    summary: 'Sites with their seat counts (座席数)',
    tags: TAGS,
    handler: async ({ ctx }) => ({ items: await listSites(ctx.db) }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/sites',
    access: WRITE,
    summary: 'Create a site',
    tags: TAGS,
    body: siteBody,
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx.insertInto('site').values(body).returning('id').executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'create', entity: 'site', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, ...body };
      }),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/sites/:id',
    access: WRITE,
    summary: 'Edit a site',
    tags: TAGS,
    params: idParams,
    body: patchBody(siteBody),
    handler: async ({ ctx, body, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('site').selectAll().where('id', '=', params.id).executeTakeFirst();
        if (!before) throw notFound('site');
        await tx.updateTable('site').set(body).where('id', '=', params.id).execute();
        const after = { ...before, ...body };
        await writeAudit(tx, actor, { action: 'update', entity: 'site', entityId: params.id, before, after }, ctx.now());
        return after;
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/skill-groups',
    access: 'signed-in',
    summary: 'Skill groups (技能组)',
    tags: TAGS,
    handler: async ({ ctx }) => ({ items: await listSkillGroups(ctx.db) }),
  });
  const sgRow = (b: Partial<z.infer<typeof skillGroupBody>>) => ({
    code: b.code,
    name: b.name,
    sl_threshold_seconds: b.slThresholdSeconds,
    sl_target: b.slTarget,
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/skill-groups',
    access: WRITE,
    summary: 'Create a skill group',
    tags: TAGS,
    body: skillGroupBody,
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const dup = await tx.selectFrom('skill_group').select('id').where('code', '=', body.code).executeTakeFirst();
        if (dup) throw conflict(`skill group code ${body.code} exists`);
        const { id } = await tx
          .insertInto('skill_group')
          .values({
            code: body.code,
            name: body.name,
            sl_threshold_seconds: body.slThresholdSeconds,
            sl_target: body.slTarget,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'create', entity: 'skill_group', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, ...body };
      }),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/skill-groups/:id',
    access: WRITE,
    summary: 'Edit a skill group',
    tags: TAGS,
    params: idParams,
    body: patchBody(skillGroupBody),
    handler: async ({ ctx, body, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = (await listSkillGroups(tx)).find((g) => g.id === params.id);
        if (!before) throw notFound('skill group');
        await tx.updateTable('skill_group').set(sgRow(body)).where('id', '=', params.id).execute();
        // Within-T counts of the stored report cells use the group's threshold: count its queues again.
        if (body.slThresholdSeconds !== undefined && body.slThresholdSeconds !== before.slThresholdSeconds)
          await rebuildSkillGroupCells(tx, params.id);
        const after = { ...before, ...body };
        await writeAudit(tx, actor, { action: 'update', entity: 'skill_group', entityId: params.id, before, after }, ctx.now());
        return after;
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/teams',
    access: READ,
    summary: 'Teams (班组) with leaders (班长)',
    tags: TAGS,
    handler: async ({ ctx }) => ({ items: await listTeams(ctx.db) }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/teams',
    access: WRITE,
    summary: 'Create a team',
    tags: TAGS,
    body: teamBody,
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('team')
          .values({
            name: body.name,
            site_id: body.siteId,
            leader_agent_id: body.leaderAgentId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'create', entity: 'team', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, ...body };
      }),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/teams/:id',
    access: WRITE,
    summary: 'Edit a team',
    tags: TAGS,
    params: idParams,
    body: patchBody(teamBody),
    handler: async ({ ctx, body, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = (await listTeams(tx)).find((t) => t.id === params.id);
        if (!before) throw notFound('team');
        await tx
          .updateTable('team')
          .set({
            name: body.name,
            site_id: body.siteId,
            leader_agent_id: body.leaderAgentId,
          })
          .where('id', '=', params.id)
          .execute();
        const after = (await listTeams(tx)).find((t) => t.id === params.id);
        await writeAudit(tx, actor, { action: 'update', entity: 'team', entityId: params.id, before, after }, ctx.now());
        return after;
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/agents',
    access: READ,
    summary: 'Agents (话务员) with skills',
    tags: TAGS,
    query: z.object({
      teamId: z.coerce.number().int().positive().optional(),
      status: z.enum(['active', 'left']).optional(),
      q: z.string().max(50).optional(),
      ...paging,
    }),
    handler: async ({ ctx, query }) => listAgents(ctx.db, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/agents',
    access: WRITE,
    summary: 'Create an agent',
    tags: TAGS,
    body: agentBody,
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const dup = await tx.selectFrom('agent').select('id').where('employee_no', '=', body.employeeNo).executeTakeFirst();
        if (dup) throw conflict(`employee number ${body.employeeNo} exists`);
        const { id } = await tx
          .insertInto('agent')
          .values({
            employee_no: body.employeeNo,
            name: body.name,
            team_id: body.teamId,
            hire_date: body.hireDate,
            contract_hours_per_week: body.contractHoursPerWeek,
            status: body.status,
            left_date: body.leftDate,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await setAgentSkills(tx, id, body.skills);
        const after = await getAgent(tx, id);
        await writeAudit(tx, actor, { action: 'create', entity: 'agent', entityId: id, after }, ctx.now());
        reply.code(201);
        return after;
      }),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/agents/:id',
    access: WRITE,
    summary: 'Edit an agent',
    tags: TAGS,
    params: idParams,
    body: patchBody(agentBody),
    handler: async ({ ctx, body, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await getAgent(tx, params.id);
        if (!before) throw notFound('agent');
        await tx
          .updateTable('agent')
          .set({
            employee_no: body.employeeNo,
            name: body.name,
            team_id: body.teamId,
            hire_date: body.hireDate,
            contract_hours_per_week: body.contractHoursPerWeek,
            status: body.status,
            left_date: body.leftDate,
          })
          .where('id', '=', params.id)
          .execute();
        if (body.skills) await setAgentSkills(tx, params.id, body.skills);
        const after = await getAgent(tx, params.id);
        await writeAudit(tx, actor, { action: 'update', entity: 'agent', entityId: params.id, before, after }, ctx.now());
        return after;
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/handling-units',
    access: [...READ, 'unit_handler', 'agent'],
    summary: 'Handling units (承办单位)',
    tags: TAGS,
    handler: async ({ ctx }) => ({ items: await listHandlingUnits(ctx.db) }),
  });
  const unitRow = (b: Partial<z.infer<typeof unitBody>>) => ({
    code: b.code,
    name: b.name,
    head_name: b.headName,
    can_see_personal_data: b.canSeePersonalData === undefined ? undefined : b.canSeePersonalData ? 1 : 0,
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/handling-units',
    access: WRITE,
    summary: 'Create a handling unit',
    tags: TAGS,
    body: unitBody,
    handler: async ({ ctx, body, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const dup = await tx.selectFrom('handling_unit').select('id').where('code', '=', body.code).executeTakeFirst();
        if (dup) throw conflict(`handling unit code ${body.code} exists`);
        const { id } = await tx
          .insertInto('handling_unit')
          .values({
            code: body.code,
            name: body.name,
            head_name: body.headName,
            can_see_personal_data: body.canSeePersonalData ? 1 : 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(tx, actor, { action: 'create', entity: 'handling_unit', entityId: id, after: body }, ctx.now());
        reply.code(201);
        return { id, ...body };
      }),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/handling-units/:id',
    access: WRITE,
    summary: 'Edit a handling unit',
    tags: TAGS,
    params: idParams,
    body: patchBody(unitBody),
    handler: async ({ ctx, body, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = (await listHandlingUnits(tx)).find((u) => u.id === params.id);
        if (!before) throw notFound('handling unit');
        await tx.updateTable('handling_unit').set(unitRow(body)).where('id', '=', params.id).execute();
        const after = { ...before, ...body };
        await writeAudit(tx, actor, { action: 'update', entity: 'handling_unit', entityId: params.id, before, after }, ctx.now());
        return after;
      }),
  });
}
