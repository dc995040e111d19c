import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../../formulas/types';
import { en } from './en';
import { zhTW } from './zh-TW';

/** The supported interface languages, English first (the fallback). */
export const LANGS: readonly Lang[] = ['en', 'zh-TW'];

/** localStorage key remembering the chosen language. */
export const LANG_STORAGE_KEY = 'llm-math-lang';

/** Maps a BCP 47 tag to a supported language: zh, zh-Hant, zh-TW, zh-HK → zh-TW; everything else → en. */
export function normalizeLang(tag: string | null | undefined): Lang {
  if (!tag) return 'en';
  const t = tag.toLowerCase();
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-TW';
  return 'en';
}

/** Options of `createI18n`. */
export interface CreateI18nOptions {
  /** Fixed language (tests); without it the language is detected from ?lang, localStorage, navigator. */
  lng?: Lang;
}

/** A fresh, synchronously initialised i18next instance holding the shell strings. */
export function createI18n(options: CreateI18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  if (!options.lng) instance.use(LanguageDetector);
  instance.use(initReactI18next);
  void instance.init({
    resources: { en: { shell: en }, 'zh-TW': { shell: zhTW } },
    lng: options.lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-TW'],
    load: 'currentOnly',
    ns: ['shell'],
    defaultNS: 'shell',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: LANG_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => normalizeLang(lng),
    },
  });
  return instance;
}

/** The current interface language and the shell's translate function. */
export function useLang() {
  const { t, i18n } = useTranslation('shell');
  const lang = normalizeLang(i18n.resolvedLanguage ?? i18n.language);
  return { t, lang, i18n };
}
