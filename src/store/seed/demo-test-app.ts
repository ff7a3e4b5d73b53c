import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../domain/demo/demo-center.ts';
import { buildApp } from '../../server/app.ts';
import { defaultConfig } from '../../server/context.ts';
import type { DatabaseHandle } from '../database.ts';
import { createTestDatabase, type TestDialect } from '../testing.ts';
import { seedDemo } from './demo.ts';

/**
 * For tests of the seeded demo: inside a describe block, seeds the demo on a new database of `dialect` before the
 * tests and serves it at a fixed `now`; `get` signs in as a demo user and reads an API page (status 200 expected).
 */
export function seededDemoApp(dialect: TestDialect, now: number, weeks: number) {
  const demo = {} as { h: DatabaseHandle; app: FastifyInstance };
  beforeAll(async () => {
    demo.h = await createTestDatabase(dialect);
    await seedDemo(demo.h.db, { now, weeks });
    demo.app = await buildApp({
      db: demo.h.db,
      dialect: demo.h.dialect,
      now: () => now,
      config: { ...defaultConfig, loginRateLimit: 1000 },
    });
    await demo.app.ready();
  }, 120_000);
  afterAll(async () => {
    await demo.app?.close();
    await demo.h?.close();
  });
  return {
    get h() {
      return demo.h;
    },
    async get(username: string, url: string) {
      const login = await demo.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      const cookie = login.cookies.find((c) => c.name === 'zuoxi_session');
      const res = await demo.app.inject({ method: 'GET', url, headers: { cookie: `zuoxi_session=${cookie?.value}` } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
  };
}
