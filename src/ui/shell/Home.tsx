import { Link } from 'wouter';
import { REGISTRY, SECTIONS, SECTION_TITLES } from '../../formulas/registry';
import { useLang } from '../i18n';
import { useCarriedSearch } from './links';
import { useHomeView, type HomeView } from './homeView';
import { NotesMap } from './NotesMap';
import { useDocumentTitle } from './useDocumentTitle';

/** The "List | Map" switch: a radio group (arrow keys move between the two). */
function ViewSwitch({ view, onChange }: { view: HomeView; onChange: (v: HomeView) => void }) {
  const { t } = useLang();
  const views: [HomeView, string][] = [
    ['list', t('map.list')],
    ['map', t('map.map')],
  ];
  return (
    <fieldset className="view-switch">
      <legend className="view-switch-legend">{t('map.view')}</legend>
      <div className="view-switch-options">
        {views.map(([v, label]) => (
          <label key={v} className="view-switch-option">
            <input
              type="radio"
              name="home-view"
              value={v}
              checked={view === v}
              onChange={() => onChange(v)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The home page: every section of the notes in order, each formula with its teaser; or, with
 * `?view=map`, the map of the notes (their related links in the notes' order).
 */
export function Home() {
  const { t } = useLang();
  const { view, rejected, setView } = useHomeView();
  useDocumentTitle(null);
  const built = REGISTRY.filter((e) => e.load).length;
  return (
    <div className="home">
      <div className="home-head">
        <h1>{t('home.heading')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <p className="muted">{t('home.builtCount', { built, total: REGISTRY.length })}</p>
        <ViewSwitch view={view} onChange={setView} />
        {rejected !== null && (
          <p className="notice view-notice" role="status">
            {t('map.badView', { value: rejected })}
          </p>
        )}
      </div>
      {view === 'map' ? <NotesMap /> : <HomeList />}
    </div>
  );
}

/** The list view: each section of the notes with its formulas and their teasers. */
function HomeList() {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  return (
    <div className="home-sections">
      {SECTIONS.map((section) => {
        const entries = REGISTRY.filter((e) => e.section === section);
        if (entries.length === 0) return null;
        const headingId = `section-${section}`;
        return (
          <section key={section} className="home-section" aria-labelledby={headingId}>
            <h2 id={headingId}>{SECTION_TITLES[section][lang]}</h2>
            <ul className="entry-list">
              {entries.map((e) => (
                <li key={e.id} className={e.load ? 'entry entry-built' : 'entry entry-coming'}>
                  {e.load ? (
                    <Link href={`/${e.id}${carry}`} className="entry-link">
                      <span className="entry-title">
                        {e.title[lang]}
                        <span className="entry-arrow" aria-hidden="true">
                          →
                        </span>
                      </span>
                      <span className="entry-teaser">{e.teaser[lang]}</span>
                    </Link>
                  ) : (
                    <div className="entry-link">
                      <span className="entry-title">
                        {e.title[lang]} <span className="badge">{t('home.comingSoon')}</span>
                      </span>
                      <span className="entry-teaser">{e.teaser[lang]}</span>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
