import { useCallback, useSyncExternalStore } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** What the service worker (see `offline` in vite.config.ts) means for the reader. */
export interface Offline {
  /** The app is stored: every page opens without a network (from now, or since a past visit). */
  available: boolean;
  /** A new version is stored and waits for a reload. */
  updateWaiting: boolean;
  /** Activates the waiting version; the page reloads with it (its values are in the URL). */
  update: () => void;
  /** Puts the new version off: it activates once every tab of the app is closed. */
  postpone: () => void;
}

/** Registers the service worker (once, from the app's shell) and follows it. */
export function useOffline(): Offline {
  const {
    offlineReady: [offlineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  // a prerendered page is hydrated as not yet stored; the worker's state follows right after
  const controlled = useSyncExternalStore(
    useCallback(
      (listener: () => void) => {
        sw?.addEventListener('controllerchange', listener);
        return () => sw?.removeEventListener('controllerchange', listener);
      },
      [sw],
    ),
    () => !!sw?.controller,
    () => false,
  );
  return {
    available: offlineReady || controlled,
    updateWaiting: needRefresh,
    update: () => void updateServiceWorker(),
    postpone: () => setNeedRefresh(false),
  };
}
