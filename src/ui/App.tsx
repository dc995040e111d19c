import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Route, Router, Switch, useLocation } from 'wouter';
import { findEntry } from '../formulas/registry';
import { useLang } from './i18n';
import { ShareQr } from './share/ShareQr';
import { Footer } from './shell/Footer';
import { FormulaRoute } from './shell/FormulaRoute';
import { EmbedContext } from './shell/embed';
import { Header } from './shell/Header';
import { Home } from './shell/Home';
import { useHomeView } from './shell/homeView';
import { NotFound } from './shell/NotFound';
import { neighbours } from './shell/PrevNext';
import { SearchDialog } from './shell/SearchDialog';
import { UpdateNotice } from './shell/UpdateNotice';
import { useOffline } from './shell/useOffline';
import { endFirstPass } from './prerender/hydration';
import { isEditableTarget, isTextEntry } from './theme/keys';
import { useTheme } from './theme/useTheme';
import { setSearchKey } from './url/params';
import { useDraft } from './lesson/draft';
import {
  LESSON_PARAM,
  VIEW_PARAM,
  decodeLesson,
  lessonUrl,
  viewIndex,
  type LessonError,
  type LessonView,
} from './lesson/format';
import { LessonBar } from './lesson/LessonBar';
import { LessonPanel } from './lesson/LessonPanel';

/** Props of `App`. */
export interface AppProps {
  /** Router base without a trailing slash ('' at the root), from `import.meta.env.BASE_URL`. */
  base?: string;
  /** The path to render when prerendering in Node (no browser location); see src/prerender.tsx. */
  ssrPath?: string;
}

function replaceSearch(search: string) {
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', url);
}

/** The formula id of a path like `/softmax` or `/softmax/`, or null. */
function idOf(location: string): string | null {
  const m = /^\/([^/]+)\/?$/.exec(location);
  return m ? decodeURIComponent(m[1]) : null;
}

/**
 * The routes, memoized: the shell's own updates (the theme and offline state it learns right
 * after hydrating) must not reach a prerendered page that is still waiting for its code, or
 * React would render that page again on the client instead of hydrating it.
 */
const Routes = memo(function Routes() {
  return (
    <Switch>
      <Route path="/">
        <Home />
      </Route>
      <Route path="/index.html">
        <Home />
      </Route>
      <Route path="/:id">{(params) => <FormulaRoute key={params.id} id={params.id} />}</Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
});

/** A lesson in the URL: being decoded, playing, or not playable (with the reason). */
type LessonState =
  | { status: 'loading' }
  | { status: 'ok'; code: string; views: LessonView[] }
  | { status: 'error'; error: LessonError };

function Shell({ base }: { base: string }) {
  const { t, lang, i18n } = useLang();
  const [location, navigate] = useLocation();
  const { theme, toggle: toggleTheme } = useTheme();
  const offline = useOffline();
  const [present, setPresent] = useState(
    () =>
      typeof window !== 'undefined' &&
      new URLSearchParams(window.location.search).get('present') === '1',
  );
  // ?embed=1: one card without the site's header and footer, for an <iframe> (read once, like
  // ?present: a link with a query is rendered on the client, never hydrated)
  const [embed] = useState(
    () =>
      typeof window !== 'undefined' &&
      new URLSearchParams(window.location.search).get('embed') === '1',
  );
  const [searching, setSearching] = useState(false);
  // ?lesson=…: a lesson plays in presentation mode (read once; decoded in an effect)
  const [lessonCode] = useState(() =>
    typeof window === 'undefined'
      ? null
      : new URLSearchParams(window.location.search).get(LESSON_PARAM),
  );
  const [lesson, setLesson] = useState<LessonState | null>(() =>
    lessonCode === null ? null : { status: 'loading' },
  );
  const [viewAt, setViewAt] = useState(0);
  const [lessonOpen, setLessonOpen] = useState(false);
  const draft = useDraft();
  const id = idOf(location);
  const onFormula = id !== null && findEntry(id)?.load !== undefined;
  // the home page's map can be presented too (P), for a class to see where a formula sits
  const { view: homeView } = useHomeView();
  const onHomeMap = (location === '/' || location === '/index.html') && homeView === 'map';
  const embedded = embed && onFormula;
  const playing = lesson?.status === 'ok' && !embedded ? lesson : null;
  const presenting =
    ((present || playing !== null) && onFormula && !embedded) || (present && onHomeMap);

  useEffect(() => {
    if (lessonCode === null) return;
    let current = true;
    void decodeLesson(lessonCode).then((r) => {
      if (!current) return;
      if (!r.ok) return setLesson({ status: 'error', error: r.error });
      const raw = new URLSearchParams(window.location.search).get(VIEW_PARAM);
      setViewAt(viewIndex(raw, r.views.length));
      setLesson({ status: 'ok', code: lessonCode, views: r.views });
    });
    return () => {
      current = false;
    };
  }, [lessonCode]);

  useEffect(() => {
    // only a change: writing `lang` on <html>, even the same value, restyles every element
    // (`:lang()`), which after hydration was one long task on a formula page
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }, [lang]);

  // Hydrated: a formula page ends the prerendering pass itself once its own code has come and
  // hydrated (FormulaPage); any other route, or a navigation, ends it here.
  useEffect(() => {
    if (!onFormula) endFirstPass();
  }, [onFormula, location]);

  // After a client-side navigation: back to the top, focus on the new page's main content.
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== location) {
      endFirstPass();
      document.documentElement.scrollTop = 0;
      document.getElementById('main')?.focus({ preventScroll: true });
    }
    previous.current = location;
  }, [location]);

  useEffect(() => {
    const root = document.documentElement;
    if (presenting) root.dataset.present = '';
    else delete root.dataset.present;
  }, [presenting]);

  useEffect(() => {
    const root = document.documentElement;
    if (embedded) root.dataset.embed = '';
    else delete root.dataset.embed;
  }, [embedded]);

  const openSearch = useCallback(() => setSearching(true), []);
  const closeSearch = useCallback(() => setSearching(false), []);

  const setPresentation = useCallback((on: boolean) => {
    setPresent(on);
    replaceSearch(setSearchKey(window.location.search, 'present', on ? '1' : null));
  }, []);

  const goToView = useCallback(
    (k: number) => {
      if (!playing || k < 0 || k >= playing.views.length) return;
      const l = new URLSearchParams(window.location.search).get('lang');
      setViewAt(k);
      navigate(lessonUrl('', playing.code, playing.views, k, l));
    },
    [playing, navigate],
  );

  const leaveLesson = useCallback(() => {
    setLesson(null);
    setPresent(false);
    let search = window.location.search;
    for (const key of [LESSON_PARAM, VIEW_PARAM, 'present'])
      search = setSearchKey(search, key, null);
    replaceSearch(search);
  }, []);

  const toggleLanguage = useCallback(() => {
    const next = lang === 'en' ? 'zh-TW' : 'en';
    void i18n.changeLanguage(next);
    replaceSearch(setSearchKey(window.location.search, 'lang', next));
  }, [lang, i18n]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || embedded) return;
      // `/` (outside a text field) or Ctrl+K / ⌘K opens the search
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K');
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey;
      if (ctrlK || (slash && !isEditableTarget(e.target))) {
        e.preventDefault();
        setSearching(true);
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape' && playing) {
        e.preventDefault();
        leaveLesson();
        return;
      }
      if (e.key === 'Escape' && presenting) {
        e.preventDefault();
        setPresentation(false);
        return;
      }
      // a presenter's clicker sends Page Up / Page Down: they move on even from a slider or a
      // select the teacher last used (a control that handled the key itself keeps it)
      const clicker = presenting && (e.key === 'PageDown' || e.key === 'PageUp');
      if (clicker ? isTextEntry(e.target) : isEditableTarget(e.target)) return;
      if ((e.key === 'p' || e.key === 'P') && (onFormula || onHomeMap) && !playing) {
        e.preventDefault();
        setPresentation(!presenting);
        return;
      }
      if (!presenting) return;
      const forward = e.key === 'ArrowRight' || e.key === 'PageDown';
      const back = e.key === 'ArrowLeft' || e.key === 'PageUp';
      if (!forward && !back) return;
      if (playing) {
        // in a lesson the clicker keys walk its views, not the notes' order of pages
        e.preventDefault();
        goToView(viewAt + (forward ? 1 : -1));
        return;
      }
      const { prev, next } = neighbours(id ?? '');
      const target = forward ? next : prev;
      if (!target) return;
      e.preventDefault();
      const carry = new URLSearchParams();
      const l = new URLSearchParams(window.location.search).get('lang');
      if (l) carry.set('lang', l);
      carry.set('present', '1');
      navigate(`/${target.id}?${carry.toString()}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    onFormula,
    onHomeMap,
    presenting,
    embedded,
    id,
    navigate,
    setPresentation,
    playing,
    viewAt,
    goToView,
    leaveLesson,
  ]);

  const titleOf = useCallback(
    (page: string) => {
      const entry = findEntry(page);
      return entry?.load ? entry.title[lang] : null;
    },
    [lang],
  );
  const lessonRoot = useCallback(() => `${window.location.origin}${base}`, [base]);
  const closeLesson = useCallback(() => setLessonOpen(false), []);
  const shownView = playing ? playing.views[viewAt] : null;
  const caption =
    shownView === null
      ? ''
      : titleOf(shownView.page) === null
        ? t('lesson.missing', { index: viewAt + 1, page: shownView.page })
        : shownView.note;

  if (embedded) {
    return (
      <div className="app app-embed">
        <EmbedContext.Provider value={true}>
          <main id="main" tabIndex={-1}>
            <Routes />
          </main>
        </EmbedContext.Provider>
      </div>
    );
  }

  return (
    <div
      className="app"
      data-present={presenting ? '' : undefined}
      data-lesson={playing ? '' : undefined}
    >
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      {playing ? (
        <LessonBar
          index={viewAt}
          count={playing.views.length}
          caption={caption}
          onGo={goToView}
          onLeave={leaveLesson}
        />
      ) : presenting ? (
        <div className="present-bar">
          <ShareQr />
          <button
            type="button"
            className="button exit-present"
            onClick={() => setPresentation(false)}
          >
            {t('header.exitPresent')}
          </button>
        </div>
      ) : (
        <Header
          theme={theme}
          onToggleTheme={toggleTheme}
          onToggleLanguage={toggleLanguage}
          onPresent={onFormula || onHomeMap ? () => setPresentation(true) : null}
          onSearch={openSearch}
          onLesson={() => setLessonOpen(true)}
          lessonCount={draft.length}
        />
      )}
      {lesson?.status === 'error' && (
        <div className="lesson-notice" role="alert">
          <p>{t(lesson.error === 'newer' ? 'lesson.newer' : 'lesson.corrupt')}</p>
          <button type="button" className="button" onClick={() => setLesson(null)}>
            {t('lesson.dismiss')}
          </button>
        </div>
      )}
      {lesson?.status === 'loading' && (
        <p className="lesson-loading" role="status">
          {t('lesson.loading')}
        </p>
      )}
      {lessonOpen && (
        <LessonPanel
          open={lessonOpen}
          onClose={closeLesson}
          views={draft}
          titleOf={titleOf}
          root={lessonRoot}
        />
      )}
      <SearchDialog open={searching} onClose={closeSearch} />
      <main id="main" tabIndex={-1}>
        <Routes key={playing ? `lesson-${viewAt}` : 'page'} />
      </main>
      {!presenting && <Footer offline={offline.available} />}
      {!presenting && (
        <UpdateNotice
          waiting={offline.updateWaiting}
          onReload={offline.update}
          onLater={offline.postpone}
        />
      )}
    </div>
  );
}

/** The whole app: router (with the deploy base), header, pages, footer, keyboard shortcuts. */
export function App({ base = '', ssrPath }: AppProps) {
  return (
    <Router base={base} ssrPath={ssrPath}>
      <Shell base={base} />
    </Router>
  );
}
