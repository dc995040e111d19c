import { useSearch } from 'wouter';

/**
 * The query to carry on internal links: `lang` when the current URL names one,
 * and `present=1` in presentation mode. Page params are never carried.
 */
export function useCarriedSearch(): string {
  const search = useSearch();
  const q = new URLSearchParams(search);
  const out = new URLSearchParams();
  const lang = q.get('lang');
  if (lang === 'en' || lang === 'zh-TW') out.set('lang', lang);
  if (q.get('present') === '1') out.set('present', '1');
  const s = out.toString();
  return s ? `?${s}` : '';
}
