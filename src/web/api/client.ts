import { ApiError, retryAfterSeconds } from './api-error.ts';
import { toProblem } from './problem.ts';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiClient {
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T>(path: string, body?: unknown, query?: Record<string, QueryValue>): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
}

export interface ClientOptions {
  fetch: typeof fetch;
  /** Prefix of every path, `/api/v1`. */
  base?: string;
  /** The session's CSRF token (from login or /auth/me); sent on every non-GET request. */
  csrfToken: () => string | null;
  /** Called on any 401 except the login call itself, so the app can show the login page. */
  onUnauthorized?: () => void;
  now?: () => number;
}

/** `?a=1&b=x` from the defined, non-empty values, in the given order. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The browser's way to the HTTP API: JSON in and out, the CSRF header on writes, errors as {@link ApiError}
 * carrying the RFC 9457 problem. Takes `fetch` as a parameter so tests run without a server.
 */
export function createApiClient(options: ClientOptions): ApiClient {
  const base = options.base ?? '/api/v1';
  const now = options.now ?? (() => Date.now());

  async function request<T>(method: string, path: string, body?: unknown, query?: Record<string, QueryValue>): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      const csrf = options.csrfToken();
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    const res = await options.fetch(`${base}${path}${queryString(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    const text = res.status === 204 ? '' : await res.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    if (!res.ok) {
      if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') options.onUnauthorized?.();
      throw new ApiError(toProblem(res.status, res.statusText, parsed), retryAfterSeconds(res.headers.get('retry-after'), now()));
    }
    return parsed as T;
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body, query) => request('POST', path, body, query),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    del: async (path) => {
      await request('DELETE', path);
    },
  };
}
