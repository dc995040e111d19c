import { useCallback, useEffect, useRef } from 'react';

/** Minimum time between two `history.replaceState` calls (≤ 4 writes a second). */
export const URL_WRITE_INTERVAL_MS = 250;

/**
 * A throttled writer of the query string: `write(next)` replaces the current
 * history entry's query by `next(currentSearch)` (no new history entry) at most every 250 ms, always
 * ending with the latest value. Pending writes are dropped on unmount so a
 * page never writes into the next page's URL.
 */
export function useUrlWriter(): (next: (current: string) => string) => void {
  const pending = useRef<((current: string) => string) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  const path = useRef<string | null>(null);

  useEffect(() => {
    path.current = window.location.pathname;
    return () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
    };
  }, []);

  const flush = useCallback(() => {
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (next === null) return;
    if (path.current !== null && window.location.pathname !== path.current) return;
    const search = next(window.location.search);
    if (window.location.search === search) return;
    last.current = Date.now();
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, []);

  return useCallback(
    (next: (current: string) => string) => {
      pending.current = next;
      if (timer.current !== null) return;
      const wait = Math.max(0, last.current + URL_WRITE_INTERVAL_MS - Date.now());
      timer.current = setTimeout(flush, wait);
    },
    [flush],
  );
}
