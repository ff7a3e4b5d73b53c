import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../domain/auth/roles.ts';
import { writeAudit } from '../../store/audit.ts';
import { createApiToken, findUserByUsername, getUser, insertUser, listUsers, setRoles } from '../../store/users.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { conflict, notFound } from '../problem.ts';
import { defineRoute, idParams, patchBody } from '../route.ts';

const userBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,50}$/, 'letters, digits, . _ - (2–50)'),
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  agentId: z.number().int().positive().nullable().default(null),
  unitId: z.number().int().positive().nullable().default(null),
});
const userPatch = patchBody(userBody.omit({ username: true }).extend({ disabled: z.boolean().optional() }));

export async function userRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/users',
    access: ['admin'],
    summary: 'Users and their roles',
    tags: ['users'],
    handler: async ({ ctx }) => ({ items: await listUsers(ctx.db) }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/users',
    access: ['admin'],
    summary: 'Create a user',
    tags: ['users'],
    body: userBody,
    handler: async ({ ctx, body, actor, reply }) => {
      const passwordHash = await hashPassword(body.password);
      return ctx.db.transaction().execute(async (tx) => {
        if (await findUserByUsername(tx, body.username)) throw conflict(`username ${body.username} exists`);
        const id = await insertUser(tx, { ...body, passwordHash }, ctx.now());
        const after = await getUser(tx, id);
        await writeAudit(tx, actor, { action: 'create', entity: 'user', entityId: id, after }, ctx.now());
        reply.code(201);
        return after;
      });
    },
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    access: ['admin'],
    summary: 'Edit a user',
    tags: ['users'],
    params: idParams,
    body: userPatch,
    handler: async ({ ctx, body, params, actor }) => {
      const passwordHash = body.password ? await hashPassword(body.password) : undefined;
      return ctx.db.transaction().execute(async (tx) => {
        const before = await getUser(tx, params.id);
        if (!before) throw notFound('user');
        await tx
          .updateTable('app_user')
          .set({
            display_name: body.displayName,
            password_hash: passwordHash,
            agent_id: body.agentId,
            unit_id: body.unitId,
            disabled: body.disabled === undefined ? undefined : body.disabled ? 1 : 0,
          })
          .where('id', '=', params.id)
          .execute();
        if (body.roles) await setRoles(tx, params.id, body.roles);
        if (body.disabled || passwordHash) await tx.deleteFrom('session').where('user_id', '=', params.id).execute();
        const after = await getUser(tx, params.id);
        // The password itself never enters the audit log; that it changed does.
        await writeAudit(
          tx,
          actor,
          {
            action: passwordHash ? 'update+password' : 'update',
            entity: 'user',
            entityId: params.id,
            before,
            after,
          },
          ctx.now(),
        );
        return after;
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/tokens',
    access: ['admin'],
    summary: 'API tokens (hashed at rest)',
    tags: ['users'],
    handler: async ({ ctx }) => {
      const rows = await ctx.db
        .selectFrom('api_token')
        .select(['id', 'name', 'user_id', 'created_at', 'last_used_at'])
        .orderBy('id')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          userId: r.user_id,
          createdAt: new Date(r.created_at).toISOString(),
          lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
        })),
      };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/tokens',
    access: ['admin'],
    summary: 'Create an API token for the caller (shown once)',
    tags: ['users'],
    body: z.object({ name: z.string().trim().min(1).max(100), userId: z.number().int().positive().optional() }),
    handler: async ({ ctx, body, user, actor, reply }) =>
      ctx.db.transaction().execute(async (tx) => {
        const owner = body.userId ?? user.id;
        if (!(await getUser(tx, owner))) throw notFound('user');
        const { id, token } = await createApiToken(tx, owner, body.name, ctx.now());
        await writeAudit(
          tx,
          actor,
          { action: 'create', entity: 'api_token', entityId: id, after: { name: body.name, userId: owner } },
          ctx.now(),
        );
        reply.code(201);
        return { id, token };
      }),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    access: ['admin'],
    summary: 'Revoke an API token',
    tags: ['users'],
    params: idParams,
    handler: async ({ ctx, params, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('api_token')
          .select(['id', 'name', 'user_id'])
          .where('id', '=', params.id)
          .executeTakeFirst();
        if (!before) throw notFound('token');
        await tx.deleteFrom('api_token').where('id', '=', params.id).execute();
        await writeAudit(tx, actor, { action: 'delete', entity: 'api_token', entityId: params.id, before }, ctx.now());
        return undefined;
      }),
  });
}
