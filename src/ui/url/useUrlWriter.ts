import { useEffect, useState } from 'react';

/** The query is written once the values have rested this long (ms)… */
export const URL_REST_MS = 250;

/** …and during a long drag at least this often (ms). */
export const URL_MAX_WAIT_MS = 1000;

/** The writer behind `useUrlWriter`, outside React: `write`, and `stop` to drop what is pending. */
export function createUrlWriter() {
  let pending: ((current: string) => string) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRequest = 0;
  let firstRequest = 0;
  const path = typeof window === 'undefined' ? '' : window.location.pathname;

  const tick = () => {
    const now = Date.now();
    const wait = Math.min(lastRequest + URL_REST_MS - now, firstRequest + URL_MAX_WAIT_MS - now);
    if (wait > 0) {
      timer = setTimeout(tick, wait);
      return;
    }
    timer = null;
    const next = pending;
    pending = null;
    if (next === null || window.location.pathname !== path) return;
    const search = next(window.location.search);
    if (window.location.search === search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  };

  return {
    write(next: (current: string) => string) {
      pending = next;
      lastRequest = Date.now();
      if (timer !== null) return;
      firstRequest = lastRequest;
      timer = setTimeout(tick, URL_REST_MS);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/**
 * A debounced writer of the query string: `write(next)` replaces the current
 * history entry's query by `next(currentSearch)` (no new history entry) once no
 * further write has come for `URL_REST_MS`, and at least every `URL_MAX_WAIT_MS`
 * while writes keep coming, always ending with the latest value. Each
 * `history.replaceState` costs Chromium about a millisecond of main thread (and
 * a refetch of the icon), so a drag writes about once a second, not per tick.
 * Pending writes are dropped on unmount so a page never writes into the next
 * page's URL.
 */
export function useUrlWriter(): (next: (current: string) => string) => void {
  const [writer] = useState(createUrlWriter);
  useEffect(() => () => writer.stop(), [writer]);
  return writer.write;
}
