import { prerender } from 'react-dom/static';
import { builtEntries } from './formulas/registry';
import { createI18n } from './ui/i18n';
import { Root } from './ui/Root';
import { preloadPath } from './ui/shell/FormulaRoute';
import { loadKatex } from './ui/tex/katexLoader';
import { setRenderPass } from './ui/prerender/hydration';

/**
 * The build's prerendering entry, run in Node (vite.config.ts, `prerenderRoutes`): the HTML
 * of every route in English with each page's default values, so a phone shows the page before
 * the code has arrived; src/main.tsx hydrates it. The same tree as main.tsx renders.
 */

/** The language the routes are prerendered in. */
export const PRERENDER_LANG = 'en';

/** Every prerendered route: the home page and each built formula page, with its page id. */
export function prerenderRoutes(): { path: string; id: string | null }[] {
  return [{ path: '/', id: null }, ...builtEntries().map((e) => ({ path: `/${e.id}`, id: e.id }))];
}

/** The English title and teaser of a route, for the HTML's `<title>` and description. */
export function routeHead(id: string | null): { title: string; description: string } | null {
  const entry = builtEntries().find((e) => e.id === id);
  return entry ? { title: entry.title.en, description: entry.teaser.en } : null;
}

/** The app's HTML at `path` (under `base`, without its trailing slash), all code-split parts loaded. */
export async function renderRoute(path: string, base: string): Promise<string> {
  await Promise.all([preloadPath(path), loadKatex()]);
  setRenderPass('prerender');
  const i18n = createI18n({ lng: PRERENDER_LANG });
  const errors: unknown[] = [];
  const { prelude } = await prerender(<Root i18n={i18n} base={base} ssrPath={`${base}${path}`} />, {
    onError: (error) => void errors.push(error),
  });
  // a part that failed would be left to the client: fail the build instead
  if (errors.length > 0) {
    const first = errors[0] instanceof Error ? (errors[0].stack ?? errors[0].message) : errors[0];
    throw new Error(`prerendering ${path} failed (${errors.length} errors), first: ${first}`);
  }
  return new Response(prelude).text();
}
