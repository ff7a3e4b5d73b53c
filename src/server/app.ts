import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { sessionPlugin } from './auth/session-plugin.ts';
import type { AppContext } from './context.ts';
import { HttpProblem, statusTitle } from './problem.ts';
import { routePlugins } from './routes/index.ts';

/** Builds the HTTP app over a context (database, clock, config); `listen` is the caller's business. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    trustProxy: true,
    // Request ids help correlate a user's error report with the log line.
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('ctx', ctx);
  app.decorate('routeTable', []);
  // Zod validates inside each route (with field paths in problem+json); the JSON schemas are for the docs only.
  app.setValidatorCompiler(() => () => true);

  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zuoxi API', version: '1', description: '座席 Zuoxi contact-center operations API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zuoxi_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(sessionPlugin);

  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    let status = 500;
    let title = 'Internal Server Error';
    let detail: string | undefined = 'unexpected error; see the server log';
    let errors: unknown;
    if (error instanceof HttpProblem) {
      ({ status, title, detail } = error);
      errors = error.errors;
    } else if (typeof error.statusCode === 'number' && error.statusCode < 500) {
      status = error.statusCode;
      title = statusTitle(status);
      detail = error.message;
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    reply
      .code(status)
      .type('application/problem+json')
      .send({ type: 'about:blank', title, status, detail, errors, instance: request.url, requestId: request.id });
  });

  for (const plugin of routePlugins) await app.register(plugin);

  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = ctx.config.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply
        .code(404)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Not Found', status: 404, instance: request.url });
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply
        .code(404)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Not Found', status: 404, instance: request.url }),
    );
  }
  return app;
}
