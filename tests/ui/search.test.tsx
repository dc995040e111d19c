import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import { SEARCH_TERMS } from '../../src/formulas/searchTerms';
import { App } from '../../src/ui/App';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { buildIndex, fold, searchPages } from '../../src/ui/shell/search';
import { renderWithI18n } from './renderWithI18n';

const index = buildIndex();
const ids = (q: string) => searchPages(index, q).map((h) => h.entry.id);

describe('searchPages', () => {
  it.each([
    ['溫度', 'softmax'],
    ['temperature', 'softmax'],
    ['Temperature', 'softmax'],
    ['交叉熵', 'cross-entropy'],
    ['σ', 'sigmoid'],
    ['attention', 'attention'],
    ['注意力', 'attention'],
    ['cosine', 'vector-similarity'],
    ['餘弦', 'vector-similarity'],
    ['matrix', 'matrix-multiplication'],
    ['均方誤差', 'mse'],
    ['ReLU', 'relu'],
    ['learning rate', 'learning-rate'],
  ])('“%s” finds %s first', (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it('“KL” finds entropy and cross-entropy first (both have the symbol), built pages first', () => {
    const found = ids('KL');
    expect(new Set(found.slice(0, 2))).toEqual(new Set(['entropy', 'cross-entropy']));
    const built = found.map((id) => REGISTRY.find((e) => e.id === id)!.load !== undefined);
    const firstUnbuilt = built.indexOf(false);
    if (firstUnbuilt >= 0) expect(built.slice(firstUnbuilt)).not.toContain(true);
  });

  it('every word of the query must match: "softmax temperature" finds softmax, "softmax bayes" none', () => {
    expect(ids('softmax temperature')[0]).toBe('softmax');
    expect(ids('softmax   bayes')).toEqual([]);
  });

  it('an empty query or nonsense finds nothing', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('zzqxw')).toEqual([]);
  });

  it('a one-letter query finds symbols, not every text that holds the letter', () => {
    const t = ids('T');
    expect(t[0]).toBe('softmax');
    expect(t).not.toContain('attention');
    expect(t).not.toContain('sigmoid');
    expect(ids('熵')).toContain('entropy');
    expect(ids('x')).toEqual([]);
  });

  it('folds full-width letters, case, spaces and hyphens', () => {
    expect(fold('ＫＬ 散度')).toBe('kl散度');
    expect(fold('Self-Attention')).toBe('selfattention');
    expect(ids('ＫＬ').slice(0, 2)).toEqual(ids('KL').slice(0, 2));
  });

  it('every page is found first by its own title in either language (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGISTRY),
        fc.constantFrom('en', 'zh-TW' as const),
        (entry, lang) => {
          const hits = searchPages(index, entry.title[lang]);
          expect(hits[0].entry.id).toBe(entry.id);
          expect(hits[0].matched).toBeNull();
        },
      ),
    );
  });

  it('any text never throws and every hit holds every word somewhere (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (q) => {
        for (const hit of searchPages(index, q)) {
          const doc = index.find((d) => d.entry.id === hit.entry.id)!;
          for (const w of q.split(/\s+/).map(fold).filter(Boolean)) {
            expect(doc.fields.some((f) => f.folded.includes(w))).toBe(true);
          }
        }
      }),
    );
  });

  it('the terms list names only registry ids, and each has terms in both languages', () => {
    for (const [id, terms] of Object.entries(SEARCH_TERMS)) {
      expect(
        REGISTRY.some((e) => e.id === id),
        id,
      ).toBe(true);
      expect(terms.terms?.en?.length, id).toBeGreaterThan(0);
      expect(terms.terms?.['zh-TW']?.length, id).toBeGreaterThan(0);
    }
  });
});

describe('search dialog', () => {
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
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  const dialog = () => screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;

  it.each([
    ['en', en, '溫度'],
    ['zh-TW', zhTW, 'temperature'],
  ] as const)(
    '(%s) / opens it, typing lists pages, arrows choose, Enter opens the page',
    async (lang, s, q) => {
      window.history.replaceState(null, '', `/?lang=${lang}`);
      const user = userEvent.setup();
      renderWithI18n(<App />, lang);
      const button = screen.getByRole('button', { name: s.header.search });
      expect(button).toHaveAttribute('aria-keyshortcuts', '/ Control+K');
      expect(dialog().open).toBe(false);
      await user.keyboard('/');
      expect(dialog().open).toBe(true);
      expect(dialog()).toHaveAccessibleName(s.search.title);
      const input = screen.getByRole('combobox', { name: s.search.label });
      expect(input).toHaveFocus();
      await user.type(input, q);
      const options = screen.getAllByRole('option');
      expect(options[0]).toHaveTextContent(REGISTRY.find((e) => e.id === 'softmax')!.title[lang]);
      expect(options[0]).toHaveAttribute('aria-selected', 'true');
      expect(input).toHaveAttribute('aria-activedescendant', options[0].id);
      await user.keyboard('{ArrowDown}');
      expect(input).toHaveAttribute('aria-activedescendant', options[1].id);
      await user.keyboard('{ArrowUp}');
      await user.keyboard('{Enter}');
      expect(dialog().open).toBe(false);
      await waitFor(() => expect(window.location.pathname).toBe('/softmax'));
      expect(window.location.search).toBe(`?lang=${lang}`);
    },
  );

  it('Ctrl+K opens it from a text field too; Esc closes it and gives focus back', async () => {
    const user = userEvent.setup();
    renderWithI18n(<App />);
    const button = screen.getByRole('button', { name: en.header.search });
    button.focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(dialog().open).toBe(true);
    const input = screen.getByRole('combobox');
    await user.type(input, 'zzqxw');
    expect(dialog().querySelector('[role="status"]')).toHaveTextContent(
      en.search.none.replace('{{query}}', 'zzqxw'),
    );
    expect(screen.queryAllByRole('option')).toEqual([]);
    // the browser closes a modal dialog on Esc ("cancel"); jsdom does not, so close as it would
    act(() => dialog().close());
    expect(dialog().open).toBe(false);
    expect(button).toHaveFocus();
    // opened again, it starts empty
    await user.click(button);
    expect(screen.getByRole('combobox')).toHaveValue('');
  });

  it('the dialog keeps its keys: P typed in it does not start presentation mode', async () => {
    window.history.replaceState(null, '', '/');
    const user = userEvent.setup();
    renderWithI18n(<App />);
    await user.keyboard('/');
    await user.type(screen.getByRole('combobox'), 'p');
    expect(screen.getByRole('combobox')).toHaveValue('p');
    expect(document.documentElement.dataset.present).toBeUndefined();
  });
});
