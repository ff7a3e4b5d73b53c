import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listAudit } from '../../store/audit.ts';
import { defineRoute, paging } from '../route.ts';

const instant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date or instant')
  .transform((s) => Date.parse(s));

export async function auditRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/audit',
    access: ['admin', 'manager'],
    summary: 'The audit log of changes',
    tags: ['audit'],
    query: z.object({
      entity: z.string().max(50).optional(),
      actor: z.string().max(50).optional(),
      from: instant.optional(),
      to: instant.optional(),
      ...paging,
    }),
    handler: async ({ ctx, query }) => listAudit(ctx.db, query),
  });
}
