import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { findEntry } from '../../src/formulas/registry';
import { App } from '../../src/ui/App';
import { unembeddedUrl } from '../../src/ui/shell/EmbedHead';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { renderWithI18n } from './renderWithI18n';

const LOAD = { timeout: 10_000 };

afterEach(() => {
  window.history.replaceState(null, '', '/');
  delete document.documentElement.dataset.embed;
});

describe('?embed=1', () => {
  it.each([
    ['en', en],
    ['zh-TW', zhTW],
  ] as const)(
    '(%s) renders the card alone: no header, footer, prose or links; P and / do nothing',
    async (lang, s) => {
      window.history.replaceState(null, '', `/softmax?embed=1&T=2&lang=${lang}`);
      const user = userEvent.setup();
      renderWithI18n(<App />, lang);
      const title = findEntry('softmax')!.title[lang];
      expect(await screen.findByRole('heading', { level: 1, name: title }, LOAD)).toBeVisible();
      expect(screen.queryByRole('banner')).toBeNull();
      expect(screen.queryByRole('contentinfo')).toBeNull();
      expect(screen.queryByRole('navigation')).toBeNull();
      expect(screen.getAllByRole('slider').length).toBeGreaterThan(0);
      const open = screen.getByRole('link', { name: s.embed.open });
      expect(open).toHaveAttribute('target', '_blank');
      const href = new URL(open.getAttribute('href')!);
      expect(href.pathname).toBe('/softmax');
      expect(href.searchParams.get('embed')).toBeNull();
      expect(href.searchParams.get('T')).toBe('2');
      await waitFor(() => expect(document.documentElement.dataset.embed).toBe(''));
      await user.keyboard('p/');
      expect(document.documentElement.dataset.present).toBeUndefined();
      expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    },
  );

  it('a non-formula route with embed=1 keeps the site around it', () => {
    window.history.replaceState(null, '', '/?embed=1');
    renderWithI18n(<App />);
    expect(screen.getByRole('banner')).toBeInTheDocument();
  });

  it('the full-app link drops embed=1 and keeps everything else', () => {
    expect(unembeddedUrl('https://x.org/a/softmax?embed=1&T=2&lang=zh-TW#h')).toBe(
      'https://x.org/a/softmax?T=2&lang=zh-TW',
    );
  });
});
