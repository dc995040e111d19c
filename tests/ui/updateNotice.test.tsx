import { act, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/ui/card/types';
import { en, type ShellStrings } from '../../src/ui/i18n/en';
import { I18nProvider } from '../../src/ui/i18n';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { Footer } from '../../src/ui/shell/Footer';
import { UpdateNotice } from '../../src/ui/shell/UpdateNotice';
import { renderWithI18n } from './renderWithI18n';

// The service worker's registration, as vite-plugin-pwa's React hook gives it: two flags
// of React state the test raises (as the worker's events would) and the update call.
const sw = vi.hoisted(() => ({
  update: vi.fn(async () => {}),
  raise: null as null | ((which: 'offlineReady' | 'needRefresh') => void),
}));
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => {
    const offlineReady = useState(false);
    const needRefresh = useState(false);
    sw.raise = (which) => (which === 'offlineReady' ? offlineReady[1] : needRefresh[1])(true);
    return { offlineReady, needRefresh, updateServiceWorker: sw.update };
  },
}));

const STRINGS: Record<Lang, ShellStrings['offline']> = { en: en.offline, 'zh-TW': zhTW.offline };

beforeEach(() => {
  sw.update.mockClear();
  sw.raise = null;
});

describe('useOffline', () => {
  it('follows the worker: stored for offline use, a new version waiting, reload or later', async () => {
    // imported afresh, under the mock above: the unit tests share modules between files
    vi.resetModules();
    const { useOffline } = await import('../../src/ui/shell/useOffline');
    const { result } = renderHook(() => useOffline());
    // jsdom has no service worker: nothing controls the page yet
    expect(result.current).toMatchObject({ available: false, updateWaiting: false });
    act(() => sw.raise!('offlineReady'));
    expect(result.current.available).toBe(true);
    act(() => sw.raise!('needRefresh'));
    expect(result.current.updateWaiting).toBe(true);
    act(() => result.current.update());
    expect(sw.update).toHaveBeenCalledTimes(1);
    act(() => result.current.postpone());
    expect(result.current.updateWaiting).toBe(false);
    expect(sw.update).toHaveBeenCalledTimes(1);
  });
});

describe('UpdateNotice and the footer', () => {
  it.each(['en', 'zh-TW'] as const)(
    'a waiting version is offered with Reload and Later, in a polite live region (%s)',
    async (lang) => {
      const s = STRINGS[lang];
      const onReload = vi.fn();
      const onLater = vi.fn();
      const { rerender, i18n } = renderWithI18n(
        <UpdateNotice waiting={false} onReload={onReload} onLater={onLater} />,
        lang,
      );
      const region = screen.getByRole('status');
      expect(region).toHaveAttribute('aria-live', 'polite');
      expect(region).toBeEmptyDOMElement();
      rerender(
        <I18nProvider i18n={i18n}>
          <UpdateNotice waiting onReload={onReload} onLater={onLater} />
        </I18nProvider>,
      );
      expect(region).toHaveTextContent(s.update);
      await userEvent.click(screen.getByRole('button', { name: s.reload }));
      expect(onReload).toHaveBeenCalledTimes(1);
      await userEvent.click(screen.getByRole('button', { name: s.later }));
      expect(onLater).toHaveBeenCalledTimes(1);
    },
  );

  it.each(['en', 'zh-TW'] as const)(
    'the footer says so once the app works offline (%s)',
    (lang) => {
      const { rerender, i18n } = renderWithI18n(<Footer />, lang);
      const line = screen.getByRole('status');
      expect(line).toBeEmptyDOMElement();
      rerender(
        <I18nProvider i18n={i18n}>
          <Footer offline />
        </I18nProvider>,
      );
      expect(line).toHaveTextContent(STRINGS[lang].ready);
    },
  );
});
