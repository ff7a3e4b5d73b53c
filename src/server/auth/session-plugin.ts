import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findApiToken, findSession, getUser } from '../../store/users.ts';
import type { SessionUser } from '../context.ts';

export const SESSION_COOKIE = 'zuoxi_session';

/** Resolves the caller from an API token (`Authorization: Bearer zx_…`) or the session cookie. */
async function resolveUser(app: FastifyInstance, request: FastifyRequest): Promise<SessionUser | null> {
  const { db, now } = app.ctx;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = await findApiToken(db, auth.slice('Bearer '.length).trim());
    if (!token) return null;
    const user = await getUser(db, token.user_id);
    if (!user || user.disabled) return null;
    await db.updateTable('api_token').set({ last_used_at: now() }).where('id', '=', token.id).execute();
    return { ...user, via: 'token', csrfToken: null };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await findSession(db, cookie, now());
  if (!session) return null;
  const user = await getUser(db, session.user_id);
  if (!user || user.disabled) return null;
  return { ...user, via: 'session', csrfToken: session.csrf_token };
}

export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.user = await resolveUser(app, request);
  });
});
