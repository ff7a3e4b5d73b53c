import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROLES } from '../domain/auth/roles.ts';
import { createTestApp, type TestApp } from '../server/testing.ts';
import { TEST_DIALECTS } from '../store/testing.ts';
import { canOpen, NAV } from './navigation.ts';

// The sidebar is computed on the client; this keeps it honest against the server's route table, so no
// role is shown a page whose data the API would refuse it (a page full of 403s).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(TEST_DIALECTS[0]);
});
afterAll(() => t.close());

test('every role that sees a page may make the calls the page makes on load', () => {
  const routes = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access]));
  for (const entry of NAV) {
    for (const call of entry.api) {
      const access = routes.get(call);
      expect(access, `${entry.id}: ${call} is not a route`).toBeDefined();
      for (const role of ROLES) {
        if (!canOpen([role], entry)) continue;
        const allowed = access === 'signed-in' || access === 'public' || (Array.isArray(access) && access.includes(role));
        expect(allowed, `${role} sees ${entry.id} but may not ${call}`).toBe(true);
      }
    }
  }
});
