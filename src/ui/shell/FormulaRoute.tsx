import { useEffect, useState, type ComponentType } from 'react';
import { findEntry, type RegistryEntry } from '../../formulas/registry';
import { ErrorBoundary } from '../card/ErrorBoundary';
import { useLang } from '../i18n';
import { ComingSoon } from './ComingSoon';
import { NotFound } from './NotFound';
import { loadKatex } from '../tex/katexLoader';

type PageComponent = ComponentType<{ entry: RegistryEntry }>;

/** Pages whose code has arrived, and the loads under way (a cache of code, not state). */
const loaded = new Map<string, PageComponent>();
const loading = new Map<string, Promise<PageComponent>>();

/**
 * Loads a built page's code: each page is its own chunk, and the card framework (with KaTeX)
 * a shared chunk loaded with the first page, so the home page starts light. Not React.lazy:
 * a page loaded before the first render (the prerender in Node, hydration in the browser,
 * `preloadPath`) renders at once, without a Suspense boundary to resolve.
 */
function loadPage(entry: RegistryEntry): Promise<PageComponent> {
  let promise = loading.get(entry.id);
  if (!promise) {
    promise = Promise.all([entry.load!(), import('./FormulaPage')]).then(
      ([{ default: def }, { FormulaPage }]) => {
        const Page: PageComponent = ({ entry: e }) => <FormulaPage entry={e} def={def} />;
        loaded.set(entry.id, Page);
        return Page;
      },
    );
    // a failed load (offline, a new build) is tried again on the next visit
    promise.catch(() => loading.delete(entry.id));
    loading.set(entry.id, promise);
  }
  return promise;
}

/**
 * Loads the code of the page at `path` (a router path such as `/softmax`) when it is a built
 * formula page; resolves (never rejects) once it is there or has failed.
 */
export async function preloadPath(path: string): Promise<void> {
  const m = /^\/([^/]+)\/?$/.exec(path);
  const entry = m ? findEntry(decodeURIComponent(m[1])) : undefined;
  if (entry?.load) await loadPage(entry).catch(() => undefined);
}

function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status">
      {t('page.loading')}
    </p>
  );
}

/** A built page's component once its code is there, or whether loading it failed. */
function usePage(entry: RegistryEntry): { Page: PageComponent | undefined; failed: boolean } {
  const [state, setState] = useState(() => ({ Page: loaded.get(entry.id), failed: false }));
  useEffect(() => {
    if (state.Page || state.failed) return;
    let current = true;
    // rendered in the browser, the page's formulas need KaTeX at once
    Promise.all([loadPage(entry), loadKatex()]).then(
      ([Page]) => current && setState({ Page, failed: false }),
      () => current && setState({ Page: undefined, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [entry, state]);
  return state;
}

function LoadError() {
  const { t } = useLang();
  return (
    <p className="card-message" role="alert">
      {t('page.loadError')}
    </p>
  );
}

function BuiltPage({ entry }: { entry: RegistryEntry }) {
  const { Page, failed } = usePage(entry);
  if (failed) return <LoadError />;
  if (!Page) return <Loading />;
  return (
    <ErrorBoundary key={entry.id} fallback={() => <LoadError />}>
      <Page entry={entry} />
    </ErrorBoundary>
  );
}

/** `/<id>`: the formula page (code-split), a coming-soon page, or not found. */
export function FormulaRoute({ id }: { id: string }) {
  const entry = findEntry(id);
  if (!entry) return <NotFound />;
  if (!entry.load) return <ComingSoon entry={entry} />;
  return <BuiltPage entry={entry} />;
}
