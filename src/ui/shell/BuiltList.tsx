import { Link } from 'wouter';
import { builtEntries } from '../../formulas/registry';
import { useLang } from '../i18n';
import { useCarriedSearch } from './links';

/** A list of links to every built formula page. */
export function BuiltList() {
  const { lang } = useLang();
  const carry = useCarriedSearch();
  return (
    <ul className="built-list">
      {builtEntries().map((e) => (
        <li key={e.id}>
          <Link href={`/${e.id}${carry}`}>{e.title[lang]}</Link>
        </li>
      ))}
    </ul>
  );
}
