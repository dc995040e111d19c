import { useCallback, useSyncExternalStore } from 'react';

/** A colour theme. */
export type Theme = 'light' | 'dark';

/** localStorage key remembering an explicit theme choice. */
export const THEME_STORAGE_KEY = 'llm-math-theme';

/** The choice of this visit where storage is unavailable (private mode). */
let unstored: Theme | null = null;
const listeners = new Set<() => void>();

function storedTheme(): Theme | null {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : unstored;
  } catch {
    return unstored;
  }
}

/** `<html data-theme>` follows an explicit choice (index.html's script sets it before the first paint). */
function applyChoice(theme: Theme | null): void {
  const root = document.documentElement;
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

function subscribeChoice(listener: () => void): () => void {
  // another tab's choice arrives as a storage event
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY) return;
    applyChoice(storedTheme());
    listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const DARK = '(prefers-color-scheme: dark)';

function systemTheme(): Theme {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK).matches
    ? 'dark'
    : 'light';
}

function subscribeSystem(listener: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(DARK);
  mq.addEventListener?.('change', listener);
  return () => mq.removeEventListener?.('change', listener);
}

const serverChoice = () => null;
const serverSystem = (): Theme => 'light';

/**
 * The effective theme and a toggle. Without a stored choice the theme follows
 * prefers-color-scheme (live); toggling stores the choice and sets
 * `<html data-theme>`. A prerendered page is rendered, and hydrated, with the light
 * theme's toggle; the reader's own (already on `<html>`) reaches it right after.
 */
export function useTheme(): { theme: Theme; toggle: () => void } {
  const chosen = useSyncExternalStore(subscribeChoice, storedTheme, serverChoice);
  const system = useSyncExternalStore(subscribeSystem, systemTheme, serverSystem);
  const theme = chosen ?? system;
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    unstored = next;
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // storage unavailable (private mode): the choice lasts for this visit
    }
    applyChoice(next);
    listeners.forEach((l) => l());
  }, [theme]);
  return { theme, toggle };
}
