import { useCallback, useState, type MouseEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { findEntry, type RegistryEntry } from '../../formulas/registry';
import type { Param, Values } from '../card/types';
import { useLang } from '../i18n';
import { buildSearch } from '../url/params';
import { carriedValues, sharesAny } from '../url/shared';
import { carriedSearch, useCarriedSearch } from './links';

/** The page a link leaves from: its params and its current values (read when a link is used). */
export interface LinkSource {
  params: readonly Param[];
  values: () => Values;
}

/** Params of the pages whose code has come (a cache of code, not state). */
const paramsOf = new Map<string, readonly Param[]>();

function loadParams(entry: RegistryEntry): Promise<readonly Param[]> {
  const known = paramsOf.get(entry.id);
  if (known) return Promise.resolve(known);
  return entry.load!().then(({ default: def }) => {
    paramsOf.set(entry.id, def.params);
    return def.params;
  });
}

/** The query of a link to `id`: the carried language and mode, and the shared values. */
function linkSearch(id: string, from: LinkSource | undefined, search: string): string {
  const carry = [...new URLSearchParams(carriedSearch(search))] as [string, string][];
  const to = paramsOf.get(id);
  const shared = from && to ? carriedValues(from.params, from.values(), to) : [];
  return buildSearch([...shared, ...carry]);
}

/**
 * Links to a page's related formulas (unbuilt ones listed as coming soon). Where the page and a
 * related one share a quantity (`shares` on their params), the link carries its current value:
 * the related page's params are loaded when the link is pointed at or focused (its href then
 * holds the values, for a new tab), and at the latest when it is followed.
 */
export function Related({ ids, from }: { ids: readonly string[]; from?: LinkSource }) {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  const [, navigate] = useLocation();
  // the hrefs worked out with the shared values, by id, when last pointed at or focused
  const [hrefs, setHrefs] = useState<Record<string, string>>({});
  const carries = from !== undefined && sharesAny(from.params);
  const entries = ids.map(findEntry).filter((e) => e !== undefined);

  const prepare = useCallback(
    (entry: RegistryEntry) => {
      if (!carries) return;
      void loadParams(entry).then(
        () => {
          const href = `/${entry.id}${linkSearch(entry.id, from, window.location.search)}`;
          setHrefs((h) => (h[entry.id] === href ? h : { ...h, [entry.id]: href }));
        },
        () => undefined,
      );
    },
    [carries, from],
  );

  const follow = (entry: RegistryEntry, e: MouseEvent<HTMLAnchorElement>) => {
    if (!carries || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const go = () => navigate(`/${entry.id}${linkSearch(entry.id, from, window.location.search)}`);
    loadParams(entry).then(go, go);
  };

  if (entries.length === 0) return null;
  return (
    <nav className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{t('page.related')}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            {e.load ? (
              <Link
                href={hrefs[e.id] ?? `/${e.id}${carry}`}
                onPointerEnter={() => prepare(e)}
                onFocus={() => prepare(e)}
                onClick={(ev: MouseEvent<HTMLAnchorElement>) => follow(e, ev)}
              >
                {e.title[lang]}
              </Link>
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
