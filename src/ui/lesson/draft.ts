import { useSyncExternalStore } from 'react';
import { MAX_VIEWS, clampNote, isLessonView, type LessonView } from './format';

/** localStorage key of the lesson being built (it survives navigation and reloads). */
export const DRAFT_STORAGE_KEY = 'llm-math-lesson';

const EMPTY: readonly LessonView[] = [];
const listeners = new Set<() => void>();

/** The lesson being built, read from storage (empty where there is none or it is unreadable). */
export function readDraft(): readonly LessonView[] {
  try {
    const raw = window.localStorage.getItem(DRAFT_STORAGE_KEY);
    if (!raw) return EMPTY;
    const json: unknown = JSON.parse(raw);
    if (!Array.isArray(json)) return EMPTY;
    return json.filter(isLessonView).slice(0, MAX_VIEWS);
  } catch {
    return EMPTY;
  }
}

/** Stores the lesson being built and tells every `useDraft` in this tab. */
export function writeDraft(views: readonly LessonView[]): void {
  const clean = views.slice(0, MAX_VIEWS).map((v) => ({ ...v, note: clampNote(v.note) }));
  try {
    if (clean.length === 0) window.localStorage.removeItem(DRAFT_STORAGE_KEY);
    else window.localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(clean));
  } catch {
    // storage full or refused: the draft lives on in this tab until it is reloaded
  }
  cache = clean;
  for (const l of listeners) l();
}

/** Adds a view at the end; false when the lesson already has `MAX_VIEWS` views. */
export function addToDraft(view: LessonView): boolean {
  const views = readDraft();
  if (views.length >= MAX_VIEWS) return false;
  writeDraft([...views, view]);
  return true;
}

/** The draft last read or written, so every snapshot of an unchanged draft is the same array. */
let cache: readonly LessonView[] | null = null;

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== null && e.key !== DRAFT_STORAGE_KEY) return;
    cache = null;
    onChange();
  };
  listeners.add(onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

const snapshot = () => (cache ??= readDraft());
const serverSnapshot = () => EMPTY;

/**
 * The lesson being built, kept current across components and other tabs. Empty while
 * prerendering and hydrating (the server snapshot), so the HTML and the first render match.
 */
export function useDraft(): readonly LessonView[] {
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}
