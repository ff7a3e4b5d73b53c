import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_DIALECTS } from '../../store/testing.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing.ts';

describe.each(TEST_DIALECTS)('authentication on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  test('login sets an httpOnly SameSite=Lax cookie and /me returns the user', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'planner', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'zuoxi_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `zuoxi_session=${c?.value}` } });
    expect(me.json().user).toMatchObject({ username: 'planner', roles: ['planner'] });
  });

  test('a wrong password is 401 problem+json and does not reveal which part was wrong', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'planner', password: 'nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'nope-nope' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().detail).toBe(bad.json().detail);
  });

  test('bad input names the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  test('cookie-authenticated writes need the CSRF token; API tokens do not', async () => {
    const admin = await t.signIn('admin');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { cookie: admin.cookie },
      payload: { name: 'A', seats: 10 },
    });
    expect(noCsrf.statusCode).toBe(403);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'x' },
      payload: { name: 'A', seats: 10 },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: admin.headers,
      payload: { name: 'A', seats: 10 },
    });
    expect(ok.statusCode).toBe(201);

    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'acd feed' },
    });
    const token = tok.json().token as string;
    expect(token).toMatch(/^zx_/);
    const stored = await t.handle.db.selectFrom('api_token').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(3));
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sites',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'B', seats: 5 },
    });
    expect(viaToken.statusCode).toBe(201);
    const badToken = await t.app.inject({ method: 'GET', url: '/api/v1/sites', headers: { authorization: 'Bearer zx_nope' } });
    expect(badToken.statusCode).toBe(401);
  });

  test('logout ends the session', async () => {
    const s = await t.signIn('qa');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });
});

describe('login rate limiting', () => {
  test('the 4th attempt within a minute with limit 3 gets 429 with retry-after', async () => {
    const t = await createTestApp(TEST_DIALECTS[0], { loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'agent', password: 'wrong-pass' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.headers['retry-after']).toBeDefined();
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
