import { CompressionStream as NodeCS, DecompressionStream as NodeDS } from 'node:stream/web';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddToLesson } from '../../src/ui/lesson/AddToLesson';
import { DRAFT_STORAGE_KEY, readDraft, useDraft, writeDraft } from '../../src/ui/lesson/draft';
import { LESSON_PARAM, MAX_LESSON_URL, decodeLesson } from '../../src/ui/lesson/format';
import { LessonPanel } from '../../src/ui/lesson/LessonPanel';
import { LessonBar } from '../../src/ui/lesson/LessonBar';
import { renderWithI18n } from './renderWithI18n';

// where the environment lacks CompressionStream, Node's is the same WHATWG stream
globalThis.CompressionStream ??= NodeCS as unknown as typeof CompressionStream;
globalThis.DecompressionStream ??= NodeDS as unknown as typeof DecompressionStream;

const TITLES: Record<string, string> = { softmax: 'Softmax', relu: 'ReLU', mse: 'MSE' };

function Harness({ lang = 'en' }: { lang?: 'en' | 'zh-TW' }) {
  const views = useDraft();
  const [open, setOpen] = useState(true);
  return (
    <>
      <AddToLesson page="mse" query={() => 'n=3'} />
      <button type="button" onClick={() => setOpen(true)}>
        open {lang}
      </button>
      <LessonPanel
        open={open}
        onClose={() => setOpen(false)}
        views={views}
        titleOf={(p) => TITLES[p] ?? null}
        root={() => 'https://example.org/app'}
      />
    </>
  );
}

const items = (name = 'Views of the lesson') =>
  within(screen.getByRole('list', { name })).getAllByRole('listitem');
const pages = () => readDraft().map((v) => v.page);

// jsdom has no modal dialogs: showModal and close toggle `open` (and close fires "close").
const proto = HTMLDialogElement.prototype;
const native = { showModal: proto.showModal, close: proto.close };
beforeAll(() => {
  proto.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
});
afterAll(() => {
  proto.showModal = native.showModal;
  proto.close = native.close;
});

beforeEach(() => {
  localStorage.clear();
  writeDraft([
    { page: 'softmax', query: 'T=2', note: 'hot' },
    { page: 'relu', query: '', note: '' },
  ]);
});

/** A draft of one softmax view with two pins, the second of the defaults. */
const PINNED = [{ page: 'softmax', query: 'T=2&pin=T~0.5_z~1,2,3&pin=', note: '' }];
afterEach(() => vi.unstubAllGlobals());

describe('LessonPanel', () => {
  it('lists the views with their titles, values and notes', () => {
    renderWithI18n(<Harness />);
    expect(items()).toHaveLength(2);
    expect(items()[0]).toHaveTextContent('View 1: Softmax');
    expect(items()[0]).toHaveTextContent('T = 2');
    expect(items()[1]).toHaveTextContent('default values');
    expect(screen.getByLabelText(/Note for view 1/)).toHaveValue('hot');
  });

  it('writes a view’s pins as names and values, not as their URL entries', () => {
    writeDraft(PINNED);
    renderWithI18n(<Harness />);
    expect(items()[0]).toHaveTextContent(
      'T = 2 · Pin 1: T = 0.5, z = 1,2,3 · Pin 2: default values',
    );
    expect(items()[0].textContent).not.toMatch(/pin =|~|_/);
  });

  it('adds the current view from a card, kept in storage', async () => {
    renderWithI18n(<Harness />);
    // the add button sits outside the modal dialog in the app; here it is reached directly
    fireEvent.click(screen.getByRole('button', { name: 'Add this view to the lesson' }));
    expect(screen.getByText('Added as view 3 of the lesson.')).toBeInTheDocument();
    expect(items()).toHaveLength(3);
    expect(items()[2]).toHaveTextContent('View 3: MSE');
    expect(JSON.parse(localStorage.getItem(DRAFT_STORAGE_KEY)!)[2]).toEqual({
      page: 'mse',
      query: 'n=3',
      note: '',
    });
  });

  it('reorders by keyboard (Alt+↓ / Alt+↑ and the buttons), focus following the view', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    screen.getByLabelText(/Note for view 1/).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(pages()).toEqual(['relu', 'softmax']);
    expect(document.activeElement).toBe(screen.getByLabelText(/Note for view 2/));
    expect(document.activeElement).toHaveValue('hot');
    expect(screen.getByText('View moved to position 2 of 2.')).toBeInTheDocument();
    // a move past the end changes nothing
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(pages()).toEqual(['relu', 'softmax']);
    // the button, by keyboard: focus stays on the Move up of the moved view
    const up = within(items()[1]).getByRole('button', { name: 'Move up' });
    up.focus();
    await user.keyboard('{Enter}');
    expect(pages()).toEqual(['softmax', 'relu']);
    expect(document.activeElement).toBe(
      within(items()[0]).getByRole('button', { name: 'Move up' }),
    );
    expect(document.activeElement).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Enter}');
    expect(pages()).toEqual(['softmax', 'relu']);
  });

  it('edits a note and removes a view', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    const note = screen.getByLabelText(/Note for view 2/);
    await user.type(note, '斜率為 1');
    expect(readDraft()[1].note).toBe('斜率為 1');
    await user.click(within(items()[0]).getByRole('button', { name: 'Remove' }));
    expect(pages()).toEqual(['relu']);
    expect(screen.getByText('View removed; 1 left.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the lesson' }));
    expect(readDraft()).toEqual([]);
    expect(screen.getByText(/No views yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy lesson link' })).toBeNull();
  });

  it('copies one link that decodes to the lesson, first view first', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithI18n(<Harness />);
    const copy = await screen.findByRole('button', { name: 'Copy lesson link' });
    await user.click(copy);
    await screen.findByText('Lesson link copied.');
    const url = new URL(writeText.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe('https://example.org/app/softmax');
    expect(url.searchParams.get('T')).toBe('2');
    expect(screen.getByLabelText('Lesson link')).toHaveValue(url.href);
    const decoded = await decodeLesson(url.searchParams.get(LESSON_PARAM)!);
    expect(decoded).toEqual({ ok: true, views: readDraft() });
  });

  it('the link plays in the language the teacher chose, and in the reader’s own otherwise', async () => {
    const before = window.location.href;
    window.history.replaceState(null, '', '/softmax?T=2&lang=zh-TW');
    const { unmount } = renderWithI18n(<Harness />);
    await waitFor(() =>
      expect(
        new URL(screen.getByLabelText<HTMLInputElement>('Lesson link').value).searchParams.get(
          'lang',
        ),
      ).toBe('zh-TW'),
    );
    unmount();
    window.history.replaceState(null, '', '/softmax?T=2');
    renderWithI18n(<Harness />);
    const field = () => screen.getByLabelText<HTMLInputElement>('Lesson link').value;
    await waitFor(() => expect(field()).toContain('lesson='));
    expect(new URL(field()).searchParams.has('lang')).toBe(false);
    window.history.replaceState(null, '', before);
  });

  it('says so politely where the clipboard is refused', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('no')) },
      configurable: true,
    });
    renderWithI18n(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'Copy lesson link' }));
    await screen.findByText(/does not let the page copy/);
  });

  it('a lesson too long for a link gets a message instead of a link', async () => {
    // random notes do not compress
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647);
    const note = () =>
      Array.from({ length: 280 }, () => String.fromCharCode(0x4e00 + (rnd() % 5000))).join('');
    writeDraft(Array.from({ length: 12 }, () => ({ page: 'softmax', query: 'T=2', note: note() })));
    renderWithI18n(<Harness />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`than the ${MAX_LESSON_URL}`);
    expect(screen.queryByRole('button', { name: 'Copy lesson link' })).toBeNull();
    expect(screen.queryByLabelText('Lesson link')).toBeNull();
  });

  it('speaks Traditional Chinese', async () => {
    renderWithI18n(<Harness lang="zh-TW" />, 'zh-TW');
    expect(items('課程的畫面')[0]).toHaveTextContent('第 1 個畫面：Softmax');
    expect(screen.getByRole('button', { name: '把這個畫面加入課程' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '複製課程連結' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: '上移' })).toHaveLength(2);
  });
});

describe('LessonBar', () => {
  it('shows view k of N and the caption; previous and next stop at the ends', async () => {
    const onGo = vi.fn();
    const onLeave = vi.fn();
    const user = userEvent.setup();
    renderWithI18n(
      <LessonBar index={0} count={3} caption="Watch the peak" onGo={onGo} onLeave={onLeave} />,
    );
    expect(screen.getByText('View 1 of 3')).toBeInTheDocument();
    expect(screen.getByText('Watch the peak')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous view' }));
    expect(onGo).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Next view' }));
    expect(onGo).toHaveBeenCalledWith(1);
    await user.click(screen.getByRole('button', { name: /Leave the lesson/ }));
    expect(onLeave).toHaveBeenCalled();
  });
});
