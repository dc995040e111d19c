import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Lang } from '../card/types';
import { en, type ShellStrings as Messages } from './en';
import { zhTW } from './zh-TW';

export { bilingual } from './bilingual';

/**
 * The interface strings of the shell and the card framework, in two languages.
 * A small typed catalogue rather than an i18n framework: the keys are checked
 * by the compiler (`t('card.reset')`), zh-TW must have the shape of en, and the
 * whole thing costs a few hundred bytes of the first-load budget. Page prose
 * lives in each page's `def.text`; titles and teasers in the registry.
 */

/** The supported interface languages, English first (the fallback). */
export const LANGS: readonly Lang[] = ['en', 'zh-TW'];

/** localStorage key remembering the chosen language. */
export const LANG_STORAGE_KEY = 'llm-math-lang';

const CATALOGUES: Record<Lang, Messages> = { en, 'zh-TW': zhTW };

/** Dotted keys of every string leaf of the catalogue, e.g. `'card.reset'`. */
export type MessageKey = {
  [S in keyof Messages]: `${S & string}.${keyof Messages[S] & string}`;
}[keyof Messages];

/** Values interpolated into `{{name}}` slots. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** Maps a BCP 47 tag to a supported language: zh, zh-Hant, zh-TW, zh-HK → zh-TW; everything else → en. */
export function normalizeLang(tag: string | null | undefined): Lang {
  if (!tag) return 'en';
  const t = tag.toLowerCase();
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-TW';
  return 'en';
}

/** The string of `key` in `lang`, with `{{name}}` slots filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const [section, name] = key.split('.') as [keyof Messages, string];
  const table = CATALOGUES[lang][section] as Record<string, string>;
  const fallback = CATALOGUES.en[section] as Record<string, string>;
  const text = table[name] ?? fallback[name] ?? key;
  if (!vars) return text;
  return text.replace(/\{\{(\w+)\}\}/g, (slot, v: string) =>
    vars[v] === undefined ? slot : String(vars[v]),
  );
}

function storedLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the URL still carries the language.
  }
}

/** The language to start in: `?lang=`, then the remembered choice, then the browser's languages. */
export function detectLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl) return normalizeLang(fromUrl);
  const remembered = storedLang();
  if (remembered) return normalizeLang(remembered);
  const browser = window.navigator.languages?.[0] ?? window.navigator.language;
  return normalizeLang(browser);
}

/** The current language, a translate function bound to it, and a way to switch. */
export interface I18n {
  readonly language: Lang;
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** Switches and remembers the language; subscribers re-render. */
  changeLanguage: (lang: Lang) => void;
  subscribe: (listener: () => void) => () => void;
}

/** Options of `createI18n`. */
export interface CreateI18nOptions {
  /** Fixed language (tests); without it the language is detected from ?lang, localStorage, navigator. */
  lng?: Lang;
}

/** A language store for one app instance (no module state). */
export function createI18n(options: CreateI18nOptions = {}): I18n {
  const detected = options.lng === undefined;
  let language: Lang = options.lng ?? detectLang();
  if (detected) storeLang(language);
  const listeners = new Set<() => void>();
  return {
    get language() {
      return language;
    },
    t: (key, vars) => translate(language, key, vars),
    changeLanguage(next) {
      if (next === language) return;
      language = next;
      if (detected) storeLang(next);
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language store to the app. */
export function I18nProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

/** The current interface language and the shell's translate function. */
export function useLang() {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useLang must be used inside <I18nProvider>');
  const lang = useSyncExternalStore(
    i18n.subscribe,
    () => i18n.language,
    () => i18n.language,
  );
  const t = useCallback(
    (key: MessageKey, vars?: MessageVars) => translate(lang, key, vars),
    [lang],
  );
  return { t, lang, i18n };
}
