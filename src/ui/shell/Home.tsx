import { Link } from 'wouter';
import { REGISTRY, SECTIONS, SECTION_TITLES } from '../../formulas/registry';
import { useLang } from '../i18n';
import { useCarriedSearch } from './links';
import { useDocumentTitle } from './useDocumentTitle';

/** The home page: every section of the notes in order, each formula with its teaser. */
export function Home() {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  useDocumentTitle(null);
  const built = REGISTRY.filter((e) => e.load).length;
  return (
    <div className="home">
      <div className="home-head">
        <h1>{t('home.heading')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <p className="muted">{t('home.builtCount', { built, total: REGISTRY.length })}</p>
      </div>
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
    </div>
  );
}
