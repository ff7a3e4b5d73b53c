import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../session/session-context.tsx';
import type { QueryValue } from './client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs `path` (with `query`) when either changes and on `reload()`. A response that arrives after a newer
 * request started is dropped, so fast filter changes never show stale rows. `path = null` loads nothing.
 */
export function useResource<T>(path: string | null, query?: Record<string, QueryValue>): Resource<T> {
  const { api } = useSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the reload trigger; `key` stands for `query`
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    api.get<T>(path, JSON.parse(key) as Record<string, QueryValue>).then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, path, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
