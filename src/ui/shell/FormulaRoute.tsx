import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { builtEntries, findEntry, type RegistryEntry } from '../../formulas/registry';
import { ErrorBoundary } from '../card/ErrorBoundary';
import { useLang } from '../i18n';
import { ComingSoon } from './ComingSoon';
import { NotFound } from './NotFound';

type LazyPage = LazyExoticComponent<ComponentType<{ entry: RegistryEntry }>>;

/**
 * One lazily loaded component per built page: each page is its own chunk, and
 * the card framework (with KaTeX) is a shared chunk loaded with the first page,
 * so the home page starts light.
 */
const PAGES: ReadonlyMap<string, LazyPage> = new Map(
  builtEntries().map((e): [string, LazyPage] => [
    e.id,
    lazy(async () => {
      const [{ default: def }, { FormulaPage }] = await Promise.all([
        e.load!(),
        import('./FormulaPage'),
      ]);
      return {
        default: function LoadedPage({ entry }: { entry: RegistryEntry }) {
          return <FormulaPage entry={entry} def={def} />;
        },
      };
    }),
  ]),
);

function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status">
      {t('page.loading')}
    </p>
  );
}

/** `/<id>`: the formula page (code-split), a coming-soon page, or not found. */
export function FormulaRoute({ id }: { id: string }) {
  const { t } = useLang();
  const entry = findEntry(id);
  if (!entry) return <NotFound />;
  const Page = PAGES.get(entry.id);
  if (!Page) return <ComingSoon entry={entry} />;
  return (
    <ErrorBoundary
      key={entry.id}
      fallback={() => (
        <p className="card-message" role="alert">
          {t('page.loadError')}
        </p>
      )}
    >
      <Suspense fallback={<Loading />}>
        {/* Page comes from the static PAGES map built once at module load, not during render. */}
        {/* eslint-disable-next-line react-hooks/static-components */}
        <Page key={entry.id} entry={entry} />
      </Suspense>
    </ErrorBoundary>
  );
}
