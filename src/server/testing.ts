import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../domain/auth/roles.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { createTestDatabase, type TestDialect } from '../store/testing.ts';
import { insertUser } from '../store/users.ts';
import { buildApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import { type AppConfig, defaultConfig } from './context.ts';

export const TEST_PASSWORD = 'correct-horse-1';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** Signs in as the user holding just `role` (username = role) and returns headers for further calls. */
  signIn(role: Role | string): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

/** An app over a fresh database with a center and one user per role (username = role name). */
export async function createTestApp(dialect: TestDialect, config: Partial<AppConfig> = {}): Promise<TestApp> {
  const handle = await createTestDatabase(dialect);
  const db = handle.db;
  await db
    .insertInto('center')
    .values({ name: '测试热线', time_zone: 'Asia/Shanghai', business_hours: '[{"start":"08:00","end":"20:00"}]' })
    .execute();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const role of ROLES) await insertUser(db, { username: role, displayName: role, passwordHash, roles: [role] }, 0);
  let clock = Date.UTC(2026, 10, 24, 2, 0, 0);
  const app = await buildApp({
    db,
    dialect: handle.dialect,
    now: () => clock++,
    config: { ...defaultConfig, loginRateLimit: 1000, ...config },
  });
  await app.ready();
  return {
    app,
    handle,
    async signIn(username) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'zuoxi_session');
      if (!setCookie) throw new Error('no session cookie');
      const cookie = `zuoxi_session=${setCookie.value}`;
      const csrf = res.json().csrfToken as string;
      return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
