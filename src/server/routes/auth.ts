import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { writeAudit } from '../../store/audit.ts';
import { createSession, deleteSession, findUserByUsername, getUser, randomToken } from '../../store/users.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { SESSION_COOKIE } from '../auth/session-plugin.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

// A hash to verify against when the user does not exist, so timing does not reveal valid usernames.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomToken()));

export async function authRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    access: 'public',
    summary: 'Sign in with username and password; sets the session cookie',
    tags: ['auth'],
    body: loginBody,
    // Per IP and username: slows password guessing without letting one attacker lock out a whole office NAT.
    rateLimit: {
      max: app.ctx.config.loginRateLimit,
      timeWindow: 60_000,
      keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | null)?.username ?? '')}`,
    },
    handler: async ({ body, ctx, reply }) => {
      const row = await findUserByUsername(ctx.db, body.username);
      const ok = await verifyPassword(row?.password_hash ?? (await getDummyHash()), body.password);
      if (!row || !ok || row.disabled === 1) {
        throw new HttpProblem(401, 'Unauthorized', 'wrong username or password');
      }
      const { token, csrfToken } = await createSession(ctx.db, row.id, ctx.now(), ctx.config.sessionTtlMs);
      await writeAudit(
        ctx.db,
        { userId: row.id, name: row.username },
        { action: 'login', entity: 'session', entityId: row.id },
        ctx.now(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        path: '/',
        maxAge: Math.floor(ctx.config.sessionTtlMs / 1000),
      });
      const user = await getUser(ctx.db, row.id);
      return { user, csrfToken };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    access: 'signed-in',
    summary: 'Sign out: ends the session',
    tags: ['auth'],
    handler: async ({ ctx, request, reply }) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(ctx.db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    access: 'signed-in',
    summary: 'The signed-in user and the CSRF token for writes',
    tags: ['auth'],
    handler: async ({ user }) => {
      const { via: _via, csrfToken, ...rest } = user;
      return { user: rest, csrfToken };
    },
  });
}
