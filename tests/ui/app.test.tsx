import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY, builtEntries, type RegistryEntry } from '../../src/formulas/registry';
import { URL_REST_MS } from '../../src/ui/url/useUrlWriter';
import { MAX_WAIT_MS } from '../../src/ui/card/useSettled';
import { App } from '../../src/ui/App';
import { renderWithI18n } from './renderWithI18n';

function go(url: string) {
  window.history.replaceState(null, '', url);
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-present');
});

afterEach(() => {
  vi.useRealTimers();
  go('/');
});

/** Page chunks load through Vite's transform; allow for a busy machine. */
const LOAD = { timeout: 10_000 };

const first = builtEntries()[0];
const second = builtEntries()[1];
/**
 * A page listed but not built yet. Every planned page is built now, so the tests list one
 * of their own for the time it runs (the registry is read at each use, never copied).
 */
const unbuilt: RegistryEntry = {
  id: 'a-page-still-to-come',
  section: 'neural-networks',
  title: { en: 'A page still to come', 'zh-TW': '即將推出的一頁' },
  teaser: { en: 'Planned, not built yet.', 'zh-TW': '已規劃，尚未完成。' },
  related: [],
};
beforeAll(() => {
  (REGISTRY as RegistryEntry[]).push(unbuilt);
});
afterAll(() => {
  (REGISTRY as RegistryEntry[]).splice(REGISTRY.indexOf(unbuilt), 1);
});

describe('App shell', () => {
  it('home maps every section in order: built entries link, unbuilt ones say coming soon', () => {
    go('/');
    renderWithI18n(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'The math behind large language models',
    );
    const link = screen.getByRole('link', { name: new RegExp(first.title.en) });
    expect(link).toHaveAttribute('href', `/${first.id}`);
    expect(screen.queryByRole('link', { name: new RegExp(unbuilt.title.en) })).toBeNull();
    expect(screen.getAllByText('coming soon').length).toBe(REGISTRY.filter((e) => !e.load).length);
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main',
    );
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(document.title).toBe('LLM Math Explorer');
  });

  it('an unknown path shows a helpful not-found page with links home and to built pages', () => {
    go('/no-such-formula');
    renderWithI18n(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('link', { name: first.title.en })).toBeInTheDocument();
  });

  it('an unbuilt id shows a coming-soon page', () => {
    go(`/${unbuilt.id}`);
    renderWithI18n(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      `${unbuilt.title.en}: coming soon`,
    );
  });

  it('a built page loads its chunk, sets the title, shows related and previous/next links', async () => {
    go(`/${second.id}`);
    renderWithI18n(<App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: second.title.en }, LOAD),
    ).toBeInTheDocument();
    // Title and neighbours settle in effects after the chunk renders; under load, give them time.
    await waitFor(
      () => expect(document.title).toBe(`${second.title.en} · LLM Math Explorer`),
      LOAD,
    );
    const nav = await screen.findByRole('navigation', { name: 'Previous and next formula' }, LOAD);
    expect(within(nav).getByRole('link', { name: new RegExp(first.title.en) })).toHaveAttribute(
      'href',
      `/${first.id}`,
    );
    expect(screen.getAllByRole('slider').length).toBeGreaterThan(0);
  });

  it('hostile query values are adjusted with a visible notice rendered as text', async () => {
    const def = (await first.load!()).default;
    const p = def.params.find((q) => q.kind === 'scalar')!;
    go(`/${first.id}?${p.name}=%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    const { container } = renderWithI18n(<App />);
    expect(
      await screen.findByText('Some values in the link were adjusted:', {}, LOAD),
    ).toBeInTheDocument();
    expect(screen.getByText(/“<script>alert\(1\).*” is not a valid value/)).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
  });

  it('switching language updates strings, <html lang> and the URL', async () => {
    const user = userEvent.setup();
    go('/');
    renderWithI18n(<App />);
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('大型語言模型背後的數學');
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(window.location.search).toBe('?lang=zh-TW');
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(window.location.search).toBe('?lang=en');
  });

  it('the theme toggle switches to dark and remembers the choice', async () => {
    const user = userEvent.setup();
    go('/');
    renderWithI18n(<App />);
    const button = screen.getByRole('button', { name: /Dark theme/ });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('llm-math-theme')).toBe('dark');
  });

  it('P toggles presentation mode; arrows go to the next formula; Esc leaves', async () => {
    go(`/${first.id}`);
    const { container } = renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: first.title.en }, LOAD);
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(document.documentElement).toHaveAttribute('data-present');
    expect(container.querySelector('.site-header')).toBeNull();
    expect(window.location.search).toContain('present=1');
    fireEvent.keyDown(screen.getAllByRole('slider')[0], { key: 'ArrowRight' });
    expect(window.location.pathname).toBe(`/${first.id}`);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(
      await screen.findByRole('heading', { level: 1, name: second.title.en }, LOAD),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/${second.id}`);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(document.documentElement).not.toHaveAttribute('data-present');
    expect(container.querySelector('.site-header')).not.toBeNull();
  });

  it('slider moves write the URL with replaceState, once the values rest', async () => {
    go(`/${first.id}`);
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: first.title.en }, LOAD);
    const def = (await first.load!()).default;
    const p = def.params.find((q) => q.kind === 'scalar' && q.scale !== 'log')!;
    if (p.kind !== 'scalar') throw new Error('no linear scalar');
    // the page's first write (its values as loaded) lands on real timers first
    await act(() => new Promise((done) => setTimeout(done, URL_REST_MS + 50)));
    vi.useFakeTimers();
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    const label = p.label.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const slider = screen.getByRole('slider', { name: new RegExp(label) });
    const targets = [p.max, p.min, p.max];
    for (const v of targets) fireEvent.change(slider, { target: { value: String(v) } });
    // the card's settled values follow once the ticks rest, then the writer waits for
    // the values to rest
    act(() => vi.advanceTimersByTime(MAX_WAIT_MS));
    expect(replace).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(URL_REST_MS));
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(new URLSearchParams(window.location.search).get(p.name)).toBe(String(p.max));
    replace.mockRestore();
    push.mockRestore();
  });
});
