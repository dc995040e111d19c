import { Link, useLocation } from 'wouter';
import { useLang } from '../i18n';
import { BuiltList } from './BuiltList';
import { useCarriedSearch } from './links';
import { useDocumentTitle } from './useDocumentTitle';

/** The page for an unknown path: links home and to every built formula. */
export function NotFound() {
  const { t } = useLang();
  const [location] = useLocation();
  const carry = useCarriedSearch();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.text', {
          path: location.length > 80 ? `${location.slice(0, 80)}…` : location,
        })}
      </p>
      <p>
        <Link href={`/${carry}`}>{t('notFound.backHome')}</Link>
      </p>
      <h2>{t('notFound.builtHeading')}</h2>
      <BuiltList />
    </div>
  );
}
