import { useCallback } from 'react';
import { useLocationProperty } from 'wouter/use-browser-location';
import { excerpt, setSearchKey } from '../url/params';

/** How the home page shows the formulas: the list of sections, or the map of the notes. */
export type HomeView = 'list' | 'map';

/** The query key of the home page's view (`?view=map`; the list needs none). */
export const VIEW_KEY = 'view';

/** The view a raw `?view=` value asks for; an unknown value gives the list and is returned, shortened. */
export function parseHomeView(raw: string | null): { view: HomeView; rejected: string | null } {
  if (raw === null || raw === '' || raw === 'list') return { view: 'list', rejected: null };
  if (raw === 'map') return { view: 'map', rejected: null };
  return { view: 'list', rejected: excerpt(raw) };
}

const currentRaw = () => new URLSearchParams(window.location.search).get(VIEW_KEY);
// prerendered (and hydrated) as the list: a link with a query is rendered on the client
const serverRaw = () => null;

/**
 * The home page's view, read from the URL (the list while prerendering and hydrating), and a
 * setter that writes it into the URL without a new history entry, so a teacher can link it.
 */
export function useHomeView(): {
  view: HomeView;
  rejected: string | null;
  setView: (view: HomeView) => void;
} {
  const raw = useLocationProperty(currentRaw, serverRaw);
  const setView = useCallback((view: HomeView) => {
    const search = setSearchKey(window.location.search, VIEW_KEY, view === 'map' ? 'map' : null);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, []);
  return { ...parseHomeView(raw), setView };
}
