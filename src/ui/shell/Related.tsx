import { Link } from 'wouter';
import { findEntry } from '../../formulas/registry';
import { useLang } from '../i18n';
import { useCarriedSearch } from './links';

/** Links to a page's related formulas (unbuilt ones listed as coming soon). */
export function Related({ ids }: { ids: readonly string[] }) {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  const entries = ids.map(findEntry).filter((e) => e !== undefined);
  if (entries.length === 0) return null;
  return (
    <nav className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{t('page.related')}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            {e.load ? (
              <Link href={`/${e.id}${carry}`}>{e.title[lang]}</Link>
            ) : (
              <span>
                {e.title[lang]} <span className="badge">{t('page.comingSoon')}</span>
              </span>
            )}
            <span className="related-teaser"> — {e.teaser[lang]}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
