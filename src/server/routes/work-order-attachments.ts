import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AttachmentRejected, attachmentRoot, readAttachment, saveAttachment } from '../../store/attachments.ts';
import { writeAudit } from '../../store/audit.ts';
import { notFound, unprocessable } from '../problem.ts';
import { defineRoute, idParams } from '../route.ts';
import { ACCESS, TAGS, visibleOrder } from './work-orders.ts';

/** Attachments of work orders (images, documents): type and size checked, stored outside the database. */
export async function workOrderAttachmentRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/work-orders/:id/attachments',
    access: ACCESS,
    tags: TAGS,
    params: idParams,
    summary: 'Attach an image or document (PNG, JPEG, PDF, docx/xlsx; ≤ 10 MiB), stored outside the database',
    body: z.object({ fileName: z.string().trim().min(1).max(200), base64: z.string().min(1).max(14_500_000) }),
    bodyLimit: 15 * 1024 * 1024,
    handler: async ({ ctx, params, body, user, actor, reply }) => {
      const { o } = await visibleOrder(ctx, user, params.id);
      let saved: Awaited<ReturnType<typeof saveAttachment>>;
      try {
        saved = await saveAttachment(attachmentRoot(), Buffer.from(body.base64, 'base64'));
      } catch (err) {
        if (err instanceof AttachmentRejected) throw unprocessable(err.message, [{ path: 'body.base64', message: err.message }]);
        throw err;
      }
      const now = ctx.now();
      return ctx.db.transaction().execute(async (tx) => {
        const { id } = await tx
          .insertInto('work_order_attachment')
          .values({
            work_order_id: o.row.id,
            file_name: body.fileName,
            mime_type: saved.mimeType,
            size_bytes: saved.size,
            sha256: saved.sha256,
            storage_path: saved.storagePath,
            uploaded_by: actor.name,
            uploaded_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('work_order_history')
          .values({
            work_order_id: o.row.id,
            at: now,
            actor_user_id: user.id,
            actor: actor.name,
            action: 'attach',
            from_status: null,
            to_status: null,
            note: body.fileName,
            data_json: null,
          })
          .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'attach',
            entity: 'work_order',
            entityId: o.row.id,
            after: { fileName: body.fileName, sha256: saved.sha256 },
          },
          now,
        );
        reply.code(201);
        return { id, fileName: body.fileName, mimeType: saved.mimeType, size: saved.size };
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/work-orders/:id/attachments/:attachmentId',
    access: ACCESS,
    tags: TAGS,
    params: z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
    summary: 'Download an attachment of an order the caller may see',
    handler: async ({ ctx, params, user, reply }) => {
      const { o } = await visibleOrder(ctx, user, params.id);
      const a = await ctx.db
        .selectFrom('work_order_attachment')
        .selectAll()
        .where('id', '=', params.attachmentId)
        .where('work_order_id', '=', o.row.id)
        .executeTakeFirst();
      if (!a) throw notFound('attachment');
      const bytes = await readAttachment(attachmentRoot(), a.storage_path);
      // Served as a download with the type we detected, never rendered inline as the client named it.
      return reply
        .header('content-type', a.mime_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  });
}
