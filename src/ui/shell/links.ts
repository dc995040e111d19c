import { useLocationProperty } from 'wouter/use-browser-location';

/** The carried part of a query string: `lang` when it names one, and `present=1`. */
export function carriedSearch(search: string): string {
  const q = new URLSearchParams(search);
  const out = new URLSearchParams();
  const lang = q.get('lang');
  if (lang === 'en' || lang === 'zh-TW') out.set('lang', lang);
  if (q.get('present') === '1') out.set('present', '1');
  const s = out.toString();
  return s ? `?${s}` : '';
}

const currentCarried = () => carriedSearch(window.location.search);

/**
 * The query to carry on internal links: `lang` when the current URL names one,
 * and `present=1` in presentation mode. Page params are never carried.
 *
 * Subscribes to the carried part only: the card rewrites the query about once a
 * second while a slider moves, and links must not re-render for that.
 */
export function useCarriedSearch(): string {
  return useLocationProperty(currentCarried, () => '');
}
