import { Link } from 'wouter';
import { useLang } from '../i18n';
import type { Theme } from '../theme/useTheme';
import { useCarriedSearch } from './links';

/** Props of `Header`. */
export interface HeaderProps {
  theme: Theme;
  onToggleTheme: () => void;
  onToggleLanguage: () => void;
  /** Shown on formula pages only. */
  onPresent: (() => void) | null;
  /** Opens the search of the formulas. */
  onSearch?: () => void;
  /** Opens the lesson being built, which has `lessonCount` views. */
  onLesson?: () => void;
  lessonCount?: number;
}

/** The site header: home link, language switch, theme toggle, presentation button. */
export function Header({
  theme,
  onToggleTheme,
  onToggleLanguage,
  onPresent,
  onSearch,
  onLesson,
  lessonCount = 0,
}: HeaderProps) {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  return (
    <header className="site-header">
      <Link href={`/${carry}`} className="site-name">
        {t('app.name')}
      </Link>
      <div className="header-tools">
        {onSearch && (
          <button
            type="button"
            className="button header-button"
            aria-haspopup="dialog"
            onClick={onSearch}
            title={t('header.searchLabel')}
            aria-keyshortcuts="/ Control+K"
          >
            {t('header.search')}
          </button>
        )}
        <button
          type="button"
          className="button header-button"
          onClick={onToggleLanguage}
          lang={lang === 'en' ? 'zh-TW' : 'en'}
          title={t('header.switchLanguageLabel')}
        >
          {t('header.switchLanguage')}
        </button>
        <button
          type="button"
          className="button header-button"
          aria-pressed={theme === 'dark'}
          onClick={onToggleTheme}
        >
          <span aria-hidden="true">{theme === 'dark' ? '☾ ' : '☀ '}</span>
          {t('header.darkTheme')}
        </button>
        {onLesson && (
          <button
            type="button"
            className="button header-button"
            aria-haspopup="dialog"
            onClick={onLesson}
            title={t('lesson.openLabel')}
          >
            {t('lesson.open', { count: lessonCount })}
          </button>
        )}
        {onPresent && (
          <button
            type="button"
            className="button header-button"
            onClick={onPresent}
            title={t('header.presentLabel')}
            aria-keyshortcuts="P"
          >
            {t('header.present')}
          </button>
        )}
      </div>
    </header>
  );
}
