import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtEntries } from '../../src/formulas/registry';
import { App } from '../../src/ui/App';
import { encodeLesson, lessonUrl } from '../../src/ui/lesson/format';
import { renderWithI18n } from './renderWithI18n';

// Lessons played by the shell: views, keys, captions, the way out, and links that cannot play.

const LOAD = { timeout: 10_000 };
const [a, b, c] = builtEntries();

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-present');
});
afterEach(() => window.history.replaceState(null, '', '/'));

describe('a lesson link in the app shell', () => {
  it('plays in presentation mode: PageDown / → walk the views, not the notes’ order; Esc leaves', async () => {
    // views out of the registry's order, so walking views and walking pages differ
    const views = [
      { page: c.id, query: '', note: 'first' },
      { page: a.id, query: '', note: 'second' },
    ];
    const code = await encodeLesson(views);
    window.history.replaceState(null, '', lessonUrl('', code, views, 0));
    const { container } = renderWithI18n(<App />);
    expect(await screen.findByText('View 1 of 2', {}, LOAD)).toBeInTheDocument();
    expect(screen.getByText('first')).toBeInTheDocument();
    await screen.findByRole('heading', { level: 1, name: c.title.en }, LOAD);
    expect(document.documentElement).toHaveAttribute('data-present');
    expect(container.querySelector('.site-header')).toBeNull();
    // P does not drop out of a lesson
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(document.documentElement).toHaveAttribute('data-present');

    fireEvent.keyDown(document.body, { key: 'PageDown' });
    await screen.findByRole('heading', { level: 1, name: a.title.en }, LOAD);
    expect(screen.getByText('View 2 of 2')).toBeInTheDocument();
    expect(screen.getByText('second')).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('view')).toBe('2');
    // at the last view → stays (it would have walked to the next page outside a lesson)
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(window.location.pathname).toBe(`/${a.id}`);
    expect(window.location.pathname).not.toBe(`/${b.id}`);
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    await screen.findByRole('heading', { level: 1, name: c.title.en }, LOAD);
    expect(screen.getByText('View 1 of 2')).toBeInTheDocument();

    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByText('View 1 of 2')).toBeNull();
    expect(document.documentElement).not.toHaveAttribute('data-present');
    expect(container.querySelector('.site-header')).not.toBeNull();
    expect(window.location.search).not.toContain('lesson=');
  });

  it('the clicker keys still walk the views after the teacher has used a slider; arrows and typing stay with the control', async () => {
    const views = [
      { page: c.id, query: '', note: 'first' },
      { page: a.id, query: '', note: 'second' },
    ];
    window.history.replaceState(null, '', lessonUrl('', await encodeLesson(views), views, 0));
    const { container } = renderWithI18n(<App />);
    expect(await screen.findByText('View 1 of 2', {}, LOAD)).toBeInTheDocument();
    await screen.findByRole('heading', { level: 1, name: c.title.en }, LOAD);
    const slider = () =>
      container.querySelector<HTMLInputElement>('.card-controls input[type="range"]')!;
    const field = () =>
      container.querySelector<HTMLInputElement>(
        '.card-controls input[type="text"], .card-controls input[type="number"]',
      );
    // an arrow key on a slider is the slider's
    slider().focus();
    fireEvent.keyDown(slider(), { key: 'ArrowRight' });
    expect(screen.getByText('View 1 of 2')).toBeInTheDocument();
    // Page Down, from the same slider, is the clicker's
    fireEvent.keyDown(slider(), { key: 'PageDown' });
    await screen.findByRole('heading', { level: 1, name: a.title.en }, LOAD);
    expect(screen.getByText('View 2 of 2')).toBeInTheDocument();
    // in a field where one types, Page Up stays there
    const box = field();
    if (box) {
      fireEvent.keyDown(box, { key: 'PageUp' });
      expect(screen.getByText('View 2 of 2')).toBeInTheDocument();
    }
    fireEvent.keyDown(slider(), { key: 'PageUp' });
    await screen.findByRole('heading', { level: 1, name: c.title.en }, LOAD);
    expect(screen.getByText('View 1 of 2')).toBeInTheDocument();
  });

  it('a view of a page this build lacks says so in the caption', async () => {
    const views = [{ page: 'no-such-page', query: '', note: 'x' }];
    window.history.replaceState(null, '', lessonUrl('', await encodeLesson(views), views, 0));
    renderWithI18n(<App />, 'zh-TW');
    expect(
      await screen.findByText('第 1 個畫面要顯示的頁面在這個版本中沒有：no-such-page。', {}, LOAD),
    ).toBeInTheDocument();
  });

  it('a corrupt lesson is a polite alert over a working page', async () => {
    window.history.replaceState(null, '', `/${a.id}?lesson=1j%%%`);
    renderWithI18n(<App />);
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent(/damaged or incomplete/);
    await screen.findByRole('heading', { level: 1, name: a.title.en }, LOAD);
    expect(document.documentElement).not.toHaveAttribute('data-present');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/damaged or incomplete/)).toBeNull();
  });
});
