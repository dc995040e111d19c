import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { useLang } from '../i18n';
import { carriedSearch } from './links';
import { buildIndex, searchPages } from './search';

/** Most pages listed at once. */
const MAX_HITS = 8;

/** Props of `SearchDialog`. */
export interface SearchDialogProps {
  open: boolean;
  onClose: () => void;
}

/**
 * Search of every page by title, symbol and key term, in both languages, as a modal dialog: a
 * combobox whose list follows what is typed; ↑ ↓ move through the pages found, Enter opens
 * one (keeping the language and presentation mode), Esc closes and gives focus back to where it
 * was. The dialog keeps its keys to itself, so the arrows do not turn a presentation's page.
 */
export function SearchDialog({ open, onClose }: SearchDialogProps) {
  const { t, lang } = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const index = useMemo(() => buildIndex(), []);
  const hits = useMemo(() => searchPages(index, query).slice(0, MAX_HITS), [index, query]);
  const titleId = useId();
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement as HTMLElement | null;
      setQuery('');
      setActive(0);
      d.showModal();
      input.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const onDialogClose = () => {
    onClose();
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
  };

  const go = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    returnTo.current = null;
    dialog.current?.close();
    navigate(`/${hit.entry.id}${carriedSearch(window.location.search)}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    e.stopPropagation();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Enter' && e.target === input.current) {
      e.preventDefault();
      go(active);
    }
  };

  const shown = Math.min(active, Math.max(0, hits.length - 1));
  const status =
    query.trim() === ''
      ? t('search.hint')
      : hits.length === 0
        ? t('search.none', { query: query.trim() })
        : t('search.count', { count: hits.length });

  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onClose={onDialogClose}
      onClick={(e) => {
        // a click on the backdrop (the dialog itself, outside its box) closes it
        if (e.target === dialog.current) dialog.current?.close();
      }}
    >
      <div className="search-box">
        <h2 id={titleId}>{t('search.title')}</h2>
        <input
          ref={input}
          type="text"
          enterKeyHint="search"
          className="search-input"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? optionId(shown) : undefined}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <p className="search-status" role="status">
          {status}
        </p>
        <ul id={listId} role="listbox" className="search-results" aria-label={t('search.results')}>
          {hits.map((hit, i) => (
            <li
              key={hit.entry.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === shown}
              className="search-result"
              onMouseMove={() => setActive(i)}
              onClick={() => go(i)}
            >
              <span className="search-result-title">{hit.entry.title[lang]}</span>
              {hit.matched && <span className="search-result-match"> · {hit.matched}</span>}
              {!hit.entry.load && <span className="badge"> {t('page.comingSoon')}</span>}
              <span className="search-result-teaser">{hit.entry.teaser[lang]}</span>
            </li>
          ))}
        </ul>
        <p className="search-keys">{t('search.keys')}</p>
      </div>
    </dialog>
  );
}
