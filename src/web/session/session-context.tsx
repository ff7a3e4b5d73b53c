import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { type ApiClient, createApiClient } from '../api/client.ts';
import type { Center, SessionResponse, SessionUser } from '../api/types.ts';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

export interface Session {
  status: SessionStatus;
  user: SessionUser | null;
  center: Center | null;
  /** Why the user is signed out: they chose to, or the session ended (401) — then the login page offers a way back. */
  endedBy: 'user' | 'expired' | null;
  api: ApiClient;
  /** Throws the {@link ApiError} of a failed sign-in (401, 429 with retryAfterSeconds). */
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  reloadCenter(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Holds who is signed in. Asks /auth/me once on start (the cookie may still be valid); any later 401
 * from the API means the session ended, so the app drops to signed-out and the router shows the login page.
 * The CSRF token lives in memory only: after a reload /auth/me hands it out again.
 */
export function SessionProvider({ children, fetchImpl }: { children: ReactNode; fetchImpl?: typeof fetch }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [center, setCenter] = useState<Center | null>(null);
  const [endedBy, setEndedBy] = useState<'user' | 'expired' | null>(null);
  const csrf = useRef<string | null>(null);

  const api = useMemo(
    () =>
      createApiClient({
        fetch: fetchImpl ?? ((input, init) => globalThis.fetch(input, init)),
        csrfToken: () => csrf.current,
        onUnauthorized: () => {
          csrf.current = null;
          setUser(null);
          setEndedBy('expired');
          setStatus('signed-out');
        },
      }),
    [fetchImpl],
  );

  const loadCenter = useCallback(async () => {
    try {
      setCenter(await api.get<Center>('/center'));
    } catch {
      setCenter(null); // the header then shows the app name only
    }
  }, [api]);

  const accept = useCallback(
    async (res: SessionResponse) => {
      csrf.current = res.csrfToken;
      setEndedBy(null);
      setUser(res.user);
      setStatus('signed-in');
      await loadCenter();
    },
    [loadCenter],
  );

  useEffect(() => {
    api.get<SessionResponse>('/auth/me').then(accept, () => setStatus('signed-out'));
  }, [api, accept]);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      center,
      endedBy,
      api,
      signIn: async (username, password) => accept(await api.post<SessionResponse>('/auth/login', { username, password })),
      signOut: async () => {
        try {
          await api.post('/auth/logout');
        } catch (e) {
          if (!(e instanceof ApiError)) throw e; // an expired session is signed out anyway
        }
        csrf.current = null;
        setUser(null);
        setCenter(null);
        setEndedBy('user');
        setStatus('signed-out');
      },
      reloadCenter: loadCenter,
    }),
    [status, user, center, endedBy, api, accept, loadCenter],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The session of a page behind the sign-in guard, where a user is certain. */
export function useSignedIn(): Session & { user: SessionUser } {
  const s = useSession();
  if (!s.user) throw new Error('useSignedIn on a signed-out page');
  return s as Session & { user: SessionUser };
}
