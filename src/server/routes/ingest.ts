import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseCallCsv } from '../../ingest/call-csv/call-csv.ts';
import { type AgentStateTracker, ingestEvents } from '../../ingest/events/events.ts';
import { createQueueLogParser } from '../../ingest/queue-log/parser.ts';
import { writeAudit } from '../../store/audit.ts';
import { sqliteConnectionOf } from '../../store/database.ts';
import { storeContactBatch } from '../../store/import-contacts.ts';
import { loadReportContext, rebuildQueueCells, unmappedNames } from '../../store/interval-cells.ts';
import { notFound, unprocessable } from '../problem.ts';
import { defineRoute } from '../route.ts';

const TAGS = ['ingest'];
const EVENTS_SOURCE = 'events:api';

export async function ingestRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/imports/queue-log',
    access: ['admin'],
    tags: TAGS,
    summary: 'Upload a piece of an Asterisk queue_log; good lines are imported, bad ones reported with their line numbers',
    body: z.object({ text: z.string().min(1).max(60_000_000), name: z.string().max(200).default('upload') }),
    bodyLimit: 64 * 1024 * 1024,
    handler: async ({ ctx, body, actor }) => {
      const parser = createQueueLogParser();
      const lines = parser.pushBlock(body.text, 1);
      const out = parser.finish({ closeOpenAsUnknown: false });
      const sqlite = sqliteConnectionOf(ctx.db);
      const stored = await ctx.db.transaction().execute(async (tx) => {
        const s = await storeContactBatch(tx, out.contacts, out.spans, 'queue_log', { sqlite });
        await writeAudit(
          tx,
          actor,
          { action: 'import', entity: 'queue_log', entityId: body.name, after: { lines, ...s, errors: out.errors.length } },
          ctx.now(),
        );
        return s;
      });
      return {
        lines,
        ...stored,
        errors: out.errors,
        warnings: out.warnings.slice(0, 200),
        unknownEvents: out.unknownEvents,
        stillOpen: parser.pending(),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/imports/call-csv',
    access: ['admin'],
    tags: TAGS,
    summary: 'Upload call records as CSV (docs/formats.md); good rows are imported, bad ones reported with line and field',
    body: z.object({ csv: z.string().min(1).max(60_000_000), mapping: z.record(z.string(), z.string()).optional() }),
    bodyLimit: 64 * 1024 * 1024,
    handler: async ({ ctx, body, actor }) => {
      const zone = (await loadReportContext(ctx.db)).timeZone;
      const { contacts, errors } = parseCallCsv(body.csv, { timeZone: zone, mapping: body.mapping as never });
      const stored = await ctx.db.transaction().execute(async (tx) => {
        const s = await storeContactBatch(tx, contacts, [], 'call_csv');
        await writeAudit(
          tx,
          actor,
          {
            action: 'import',
            entity: 'call_csv',
            entityId: null,
            after: { rows: contacts.length + errors.length, ...s, errors: errors.length },
          },
          ctx.now(),
        );
        return s;
      });
      return { ...stored, errors };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/events',
    access: ['admin'],
    tags: TAGS,
    summary: 'Batched contact and agent-state events from other ACDs (an API token is the usual caller)',
    body: z.object({ events: z.array(z.unknown()).min(1).max(10_000) }),
    handler: async ({ ctx, body }) => {
      return ctx.db.transaction().execute(async (tx) => {
        const saved = await tx
          .selectFrom('import_cursor')
          .select('state_json')
          .where('source', '=', EVENTS_SOURCE)
          .executeTakeFirst();
        const tracker: AgentStateTracker = saved ? JSON.parse(saved.state_json) : {};
        const { contacts, spans, errors } = ingestEvents(body, tracker);
        if (errors.length > 0 && contacts.length === 0 && spans.length === 0) {
          throw unprocessable(
            'no event could be used',
            errors.map((m) => ({ path: m.split(':')[0] ?? 'events', message: m })),
          );
        }
        const stored = await storeContactBatch(tx, contacts, spans, 'events');
        const row = { inode: 0, byte_offset: 0, line_no: 0, state_json: JSON.stringify(tracker), updated_at: ctx.now() };
        await tx
          .insertInto('import_cursor')
          .values({ source: EVENTS_SOURCE, ...row })
          .onConflict((oc) => oc.column('source').doUpdateSet(row))
          .execute();
        return { ...stored, errors };
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/mappings',
    access: ['admin', 'manager'],
    tags: TAGS,
    summary: 'Queue → skill group and agent identity → agent maps, and names seen in contacts but not mapped yet',
    handler: async ({ ctx }) => ({
      queues: (await ctx.db.selectFrom('queue_map').selectAll().orderBy('queue_name').execute()).map((q) => ({
        queueName: q.queue_name,
        skillGroupId: q.skill_group_id,
      })),
      agents: (await ctx.db.selectFrom('agent_map').selectAll().orderBy('identity').execute()).map((a) => ({
        identity: a.identity,
        agentId: a.agent_id,
      })),
      unmapped: await unmappedNames(ctx.db),
    }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/mappings/queues',
    access: ['admin'],
    tags: TAGS,
    summary: 'Map a queue name of the ACD to a skill group; the stored cells are recomputed',
    body: z.object({ queueName: z.string().min(1).max(200), skillGroupId: z.number().int().positive().nullable() }),
    handler: async ({ ctx, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        if (
          body.skillGroupId != null &&
          !(await tx.selectFrom('skill_group').select('id').where('id', '=', body.skillGroupId).executeTakeFirst())
        )
          throw notFound('skill group');
        const before = await tx.selectFrom('queue_map').selectAll().where('queue_name', '=', body.queueName).executeTakeFirst();
        await tx
          .insertInto('queue_map')
          .values({ queue_name: body.queueName, skill_group_id: body.skillGroupId })
          .onConflict((oc) => oc.column('queue_name').doUpdateSet({ skill_group_id: body.skillGroupId }))
          .execute();
        // The service-level threshold is the skill group's: the queue's cells are counted again.
        const cells = await rebuildQueueCells(tx, [body.queueName], await loadReportContext(tx));
        await writeAudit(
          tx,
          actor,
          { action: 'map', entity: 'queue_map', entityId: body.queueName, before, after: body },
          ctx.now(),
        );
        return { ...body, cellsRecomputed: cells };
      }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/mappings/agents',
    access: ['admin'],
    tags: TAGS,
    summary: 'Map an agent identity of the ACD (extension, e.g. 1001) to an agent',
    body: z.object({ identity: z.string().min(1).max(100), agentId: z.number().int().positive().nullable() }),
    handler: async ({ ctx, body, actor }) =>
      ctx.db.transaction().execute(async (tx) => {
        if (
          body.agentId != null &&
          !(await tx.selectFrom('agent').select('id').where('id', '=', body.agentId).executeTakeFirst())
        )
          throw notFound('agent');
        const before = await tx.selectFrom('agent_map').selectAll().where('identity', '=', body.identity).executeTakeFirst();
        await tx
          .insertInto('agent_map')
          .values({ identity: body.identity, agent_id: body.agentId })
          .onConflict((oc) => oc.column('identity').doUpdateSet({ agent_id: body.agentId }))
          .execute();
        await writeAudit(
          tx,
          actor,
          { action: 'map', entity: 'agent_map', entityId: body.identity, before, after: body },
          ctx.now(),
        );
        return body;
      }),
  });
}
