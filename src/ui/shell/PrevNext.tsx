import { Link } from 'wouter';
import { builtEntries, type RegistryEntry } from '../../formulas/registry';
import { useLang } from '../i18n';
import { useCarriedSearch } from './links';

/** The built pages before and after `id` in registry order (null at the ends). */
export function neighbours(id: string): { prev: RegistryEntry | null; next: RegistryEntry | null } {
  const built = builtEntries();
  const i = built.findIndex((e) => e.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: built[i - 1] ?? null, next: built[i + 1] ?? null };
}

/** Links to the previous and next built formula. */
export function PrevNext({ id }: { id: string }) {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  const { prev, next } = neighbours(id);
  if (!prev && !next) return null;
  return (
    <nav className="prev-next" aria-label={t('page.prevNext')}>
      {prev ? (
        <Link href={`/${prev.id}${carry}`} className="prev" rel="prev">
          <span className="prev-next-dir">← {t('page.prev')}</span>
          <span className="prev-next-title">{prev.title[lang]}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/${next.id}${carry}`} className="next" rel="next">
          <span className="prev-next-dir">{t('page.next')} →</span>
          <span className="prev-next-title">{next.title[lang]}</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
