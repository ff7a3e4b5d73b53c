import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listNotifications, markRead } from '../../store/notifications.ts';
import { defineRoute } from '../route.ts';

export async function notificationRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    access: 'signed-in',
    summary: "The caller's notifications, newest first",
    tags: ['notifications'],
    query: z.object({
      unread: z.enum(['true', 'false']).default('false'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ ctx, user, query }) => ({
      items: await listNotifications(ctx.db, user.id, query.unread === 'true', query.limit),
    }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/read',
    access: 'signed-in',
    summary: 'Mark notifications read',
    tags: ['notifications'],
    body: z.object({ ids: z.array(z.number().int().positive()).max(500) }),
    handler: async ({ ctx, user, body }) => ({ updated: await markRead(ctx.db, user.id, body.ids, ctx.now()) }),
  });
}
