import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseRosterCsv } from '../../ingest/roster/roster-csv.ts';
import { applyRoster, rosterLookups } from '../../store/roster.ts';
import { unprocessable } from '../problem.ts';
import { defineRoute } from '../route.ts';

export async function rosterRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/agents/import',
    access: ['admin'],
    summary: 'Import the agent roster from CSV; all or nothing unless skipInvalid',
    tags: ['organisation'],
    query: z.object({
      skipInvalid: z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
      dryRun: z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
    }),
    body: z.object({ csv: z.string().min(1).max(5_000_000) }),
    bodyLimit: 6 * 1024 * 1024,
    handler: async ({ ctx, body, query, actor }) => {
      const lookups = await rosterLookups(ctx.db);
      const { rows, problems } = parseRosterCsv(body.csv, lookups.teams, lookups.skillGroups);
      const errors = problems.map((p) => ({ line: p.line, field: p.field, message: p.message }));
      if (problems.length > 0 && !query.skipInvalid) {
        throw unprocessable(
          `${new Set(problems.map((p) => p.line)).size} invalid row(s); nothing imported`,
          problems.map((p) => ({ path: p.field, line: p.line, message: `line ${p.line}: ${p.message}` })),
        );
      }
      if (query.dryRun) return { imported: 0, valid: rows.length, skipped: new Set(problems.map((p) => p.line)).size, errors };
      const result = await ctx.db.transaction().execute((tx) => applyRoster(tx, rows, actor, ctx.now()));
      return { imported: result.created + result.updated, ...result, skipped: new Set(problems.map((p) => p.line)).size, errors };
    },
  });
}
