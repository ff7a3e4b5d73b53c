import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../domain/auth/roles.ts';
import { TEST_DIALECTS } from '../store/testing.ts';
import { createTestApp, type TestApp } from './testing.ts';

/** A concrete URL for a route pattern (`:id` → 1). */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

// Walks every registered route: anonymous calls get 401, roles not allowed get 403, allowed roles get past
// authorisation (any status but 401/403). Runs on SQLite only: the rule is in the HTTP layer, not the store.
describe('every route declares its roles and enforces them', () => {
  let t: TestApp;
  const sessions = new Map<string, Record<string, string>>();
  beforeAll(async () => {
    t = await createTestApp(TEST_DIALECTS[0]);
    for (const role of ROLES) sessions.set(role, (await t.signIn(role)).headers);
  });
  afterAll(() => t.close());

  test('the route table is not empty and every /api route is declared', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
    const printed = t.app.printRoutes({ commonPrefix: false });
    for (const r of t.app.routeTable) expect(printed).toContain(r.url.split('/').pop());
  });

  test('anonymous calls are refused with 401 and roles without permission with 403', async () => {
    const checked: string[] = [];
    // Signing out ends the session the other calls use, so it goes last.
    const routes = [...t.app.routeTable].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    for (const route of routes) {
      if (route.access === 'public') continue;
      const url = concrete(route.url);
      const anon = await t.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      expect(anon.statusCode, `${route.method} ${route.url} anonymous`).toBe(401);
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: sessions.get(role),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const allowed = route.access === 'signed-in' || (route.access as readonly Role[]).includes(role);
        if (allowed) {
          expect([401, 403], `${route.method} ${route.url} as ${role}`).not.toContain(res.statusCode);
          // Whatever the empty input, the answer is a clear 4xx or a success, never a crash.
          expect(res.statusCode, `${route.method} ${route.url} as ${role}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        } else expect(res.statusCode, `${route.method} ${route.url} as ${role}`).toBe(403);
      }
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked.length).toBeGreaterThan(10);
  });
});
