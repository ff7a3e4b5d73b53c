import type { Kysely } from 'kysely';
import type { Role } from '../domain/auth/roles.ts';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';

/** What every route handler can use: the database, the clock, and settings. Passed in, so tests control them. */
export interface AppContext {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => number;
  config: AppConfig;
}

export interface AppConfig {
  /** Session lifetime. */
  sessionTtlMs: number;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** Login attempts allowed per IP and minute. */
  loginRateLimit: number;
  /** Directory of the built web UI, or null to serve none. */
  webRoot: string | null;
  logLevel: string;
}

export const defaultConfig: AppConfig = {
  sessionTtlMs: 12 * 3600_000,
  secureCookies: false,
  loginRateLimit: 10,
  webRoot: null,
  logLevel: 'warn',
};

/** The signed-in user as handlers see it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  agentId: number | null;
  unitId: number | null;
  /** How the request authenticated: a cookie session (CSRF applies) or an API token. */
  via: 'session' | 'token';
  csrfToken: string | null;
}
