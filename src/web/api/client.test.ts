import { expect, test, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { createApiClient, queryString } from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const headerOf = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

test('GET sends no CSRF header and no body; the query skips empty values', async () => {
  const f = fakeFetch(200, { items: [] });
  const api = createApiClient({ fetch: f.fetch, csrfToken: () => 'tok' });
  expect(await api.get('/agents', { teamId: '', status: 'active', q: undefined, limit: 50, offset: 0 })).toEqual({ items: [] });
  expect(f.calls[0].url).toBe('/api/v1/agents?status=active&limit=50&offset=0');
  expect(f.calls[0].init.method).toBe('GET');
  expect(headerOf(f.calls[0], 'x-csrf-token')).toBeUndefined();
  expect(f.calls[0].init.body).toBeUndefined();
});

test('writes send JSON with the CSRF token of the moment', async () => {
  const f = fakeFetch(201, { id: 7 });
  let token = 'first';
  const api = createApiClient({ fetch: f.fetch, csrfToken: () => token });
  await api.post('/sites', { name: '一号职场', seats: 120 });
  token = 'second';
  await api.patch('/sites/7', { seats: 130 });
  expect(headerOf(f.calls[0], 'x-csrf-token')).toBe('first');
  expect(headerOf(f.calls[0], 'content-type')).toBe('application/json');
  expect(JSON.parse(String(f.calls[0].init.body))).toEqual({ name: '一号职场', seats: 120 });
  expect(f.calls[1].init.method).toBe('PATCH');
  expect(headerOf(f.calls[1], 'x-csrf-token')).toBe('second');
});

test('204 resolves without a body', async () => {
  const f = fakeFetch(204, undefined);
  const api = createApiClient({ fetch: f.fetch, csrfToken: () => 't' });
  await expect(api.del('/tokens/3')).resolves.toBeUndefined();
  expect(f.calls[0].init.method).toBe('DELETE');
});

test('an error becomes an ApiError with the problem; 401 signals the session ended, except on login', async () => {
  const onUnauthorized = vi.fn();
  const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'sign in first' };
  const api = createApiClient({ fetch: fakeFetch(401, problem).fetch, csrfToken: () => null, onUnauthorized });
  const err = await api.get('/sites').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).problem).toEqual(problem);
  expect(onUnauthorized).toHaveBeenCalledTimes(1);
  await api.post('/auth/login', { username: 'a', password: 'b' }).catch(() => undefined);
  expect(onUnauthorized).toHaveBeenCalledTimes(1);
});

test('429 carries retry-after seconds', async () => {
  const f = fakeFetch(429, { title: 'Too Many Requests', status: 429 }, { 'retry-after': '42' });
  const api = createApiClient({ fetch: f.fetch, csrfToken: () => null });
  const err = (await api.post('/auth/login', {}).catch((e: unknown) => e)) as ApiError;
  expect(err.status).toBe(429);
  expect(err.retryAfterSeconds).toBe(42);
});

test('queryString encodes Chinese text and keeps order', () => {
  expect(queryString({ q: '张三', limit: 10 })).toBe('?q=%E5%BC%A0%E4%B8%89&limit=10');
  expect(queryString({})).toBe('');
});
