import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { Role } from '../domain/auth/roles.ts';
import { hasAnyRole } from '../domain/auth/roles.ts';
import type { Actor } from '../store/audit.ts';
import type { AppContext, SessionUser } from './context.ts';
import { type FieldProblem, HttpProblem } from './problem.ts';

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  user: SessionUser;
  actor: Actor;
  ctx: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B, Q, P> {
  method: HTTPMethods;
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Request body limit in bytes (default Fastify's 1 MiB). */
  bodyLimit?: number;
  /** Per-route rate limit (@fastify/rate-limit), e.g. for login. */
  rateLimit?: { max: number; timeWindow: number | string; keyGenerator?: (request: FastifyRequest) => string };
  handler: (input: RouteInput<B, Q, P>) => Promise<unknown>;
}

/** Every route registered through {@link defineRoute}, for the permission tests and the docs. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    routeTable: RegisteredRoute[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

function zodProblems(error: z.ZodError, where: string): FieldProblem[] {
  return error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) throw new HttpProblem(400, 'Bad Request', `invalid ${where}`, zodProblems(r.error, where));
  return r.data;
}

function jsonSchema(schema: z.ZodType | undefined) {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return undefined;
  }
}

/**
 * Registers a route that declares who may call it, validates its input with Zod and documents itself
 * in the OpenAPI document. Authentication (401) and authorisation (403) are checked before the input.
 */
export function defineRoute<B = undefined, Q = undefined, P = undefined>(app: FastifyInstance, spec: RouteSpec<B, Q, P>): void {
  app.routeTable.push({ method: spec.method as string, url: spec.url, access: spec.access });
  app.route({
    method: spec.method,
    url: spec.url,
    bodyLimit: spec.bodyLimit,
    config: spec.rateLimit ? { rateLimit: spec.rateLimit } : {},
    schema: Object.fromEntries(
      Object.entries({
        summary: spec.summary,
        tags: spec.tags,
        body: jsonSchema(spec.body),
        querystring: jsonSchema(spec.query),
        params: jsonSchema(spec.params),
        description: `Access: ${typeof spec.access === 'string' ? spec.access : spec.access.join(', ')}`,
      }).filter(([, v]) => v !== undefined),
    ),
    preHandler: async (request) => authorise(request, spec.access),
    handler: async (request, reply) => {
      const body = parse(spec.body, request.body, 'body');
      const query = parse(spec.query, request.query, 'query');
      const params = parse(spec.params, request.params, 'params');
      const user = request.user as SessionUser;
      const actor: Actor = user ? { userId: user.id, name: user.username } : { userId: null, name: 'anonymous' };
      const result = await spec.handler({ body, query, params, user, actor, ctx: app.ctx, request, reply });
      if (result === undefined && !reply.sent) return reply.code(204).send();
      return result;
    },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function authorise(request: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  const user = request.user;
  if (!user) throw new HttpProblem(401, 'Unauthorized', 'sign in first');
  // Cookie sessions are sent by the browser on cross-site requests too; a write must prove it came from our page.
  if (user.via === 'session' && !SAFE_METHODS.has(request.method)) {
    if (!user.csrfToken || request.headers['x-csrf-token'] !== user.csrfToken) {
      throw new HttpProblem(403, 'Forbidden', 'missing or invalid CSRF token (x-csrf-token header)');
    }
  }
  if (access !== 'signed-in' && !hasAnyRole(user.roles, access)) {
    throw new HttpProblem(403, 'Forbidden', `requires one of the roles: ${access.join(', ')}`);
  }
}

/** Common Zod pieces for routes. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/**
 * The body of a PATCH: every field of `schema` optional and WITHOUT its default (a default would overwrite
 * the stored value of a field the client did not send), and at least one field present.
 */
export function patchBody<S extends z.ZodObject>(schema: S): z.ZodType<Partial<z.output<S>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z
    .object(shape)
    .refine((o) => Object.values(o).some((v) => v !== undefined), {
      message: 'nothing to change: send at least one field',
    }) as unknown as z.ZodType<Partial<z.output<S>>>;
}
