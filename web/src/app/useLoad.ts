import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

/** Loads data for a page; `reload()` after a change. Stale answers of an earlier call are dropped. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): { data: T | null; error: ApiError | null; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);
  useEffect(() => {
    let live = true;
    fn().then((d) => { if (live) { setData(d); setError(null); } },
      (e) => { if (live) setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e))); });
    return () => { live = false; };
  }, [...deps, n]); // deps: only when these change, not on every render
  return { data, error, reload };
}
