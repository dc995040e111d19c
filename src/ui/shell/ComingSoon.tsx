import { Link } from 'wouter';
import type { RegistryEntry } from '../../formulas/registry';
import { useLang } from '../i18n';
import { BuiltList } from './BuiltList';
import { useCarriedSearch } from './links';
import { useDocumentTitle } from './useDocumentTitle';

/** The page of a formula listed in the registry but not built yet. */
export function ComingSoon({ entry }: { entry: RegistryEntry }) {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  const title = entry.title[lang];
  useDocumentTitle(title);
  return (
    <div className="coming-soon">
      <h1>{t('comingSoon.title', { title })}</h1>
      <p className="lead">{entry.teaser[lang]}</p>
      <p>{t('comingSoon.text')}</p>
      <BuiltList />
      <p>
        <Link href={`/${carry}`}>{t('notFound.backHome')}</Link>
      </p>
    </div>
  );
}
