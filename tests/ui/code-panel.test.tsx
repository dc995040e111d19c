import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import { Card } from '../../src/ui/card/Card';
import { CodePanel } from '../../src/ui/card/CodePanel';
import type { AnyFormulaDef, Values } from '../../src/ui/card/types';
import { defaultValues, normalizeValues, presetValues } from '../../src/ui/card/values';
import { I18nProvider, createI18n } from '../../src/ui/i18n';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { makeFakeDef } from './fakeDef';
import { renderWithI18n } from './renderWithI18n';

/*
 * The "Code" panel of every page: closed at first (nothing built), NumPy and PyTorch tabs, the
 * code of the settled values, new code for new values. Then, on a small card: the keyboard,
 * copying (and its fallback), following a card's values once they settle; no code, no panel.
 */

const built = REGISTRY.filter((e) => e.load);

/** The code the card should show for these values, in the tab `lib`. */
function codeOf(def: AnyFormulaDef, values: Values, lib: 'numpy' | 'torch'): string {
  return def.code!(values, def.compute(values))[lib];
}

const shown = (container: HTMLElement) =>
  container.querySelector('.card-code pre[role="tabpanel"]')?.textContent ?? null;

/** Opens the panel (jsdom opens a <details> on a click of its summary). */
async function openPanel(container: HTMLElement, heading: string) {
  const details = container.querySelector('details.card-code') as HTMLDetailsElement;
  fireEvent.click(within(details).getByText(heading));
  await waitFor(() => expect(details.open).toBe(true));
  await waitFor(() => expect(within(details).queryAllByRole('tab').length).toBe(2));
  return details;
}

describe('the Code panel on every page', () => {
  for (const entry of built) {
    it(`${entry.id}: shows the code of its settled values in NumPy and PyTorch tabs, and follows them`, async () => {
      const def = (await entry.load!()).default;
      if (!def.code) return;
      const lang = entry.id.length % 2 === 0 ? 'en' : 'zh-TW';
      const s = lang === 'en' ? en : zhTW;
      const values = normalizeValues(def.params, defaultValues(def.params));
      const settled = (v: Values) => ({ values: v, result: def.compute(v) });
      const i18n = createI18n({ lng: lang });
      const ui = (v: Values) => (
        <I18nProvider i18n={i18n}>
          <CodePanel def={def} settled={settled(v)} />
        </I18nProvider>
      );
      const { container, rerender } = render(ui(values));
      // closed: nothing of it built
      expect(shown(container)).toBeNull();
      const details = await openPanel(container, s.code.heading);
      const tabs = within(details).getAllByRole('tab');
      expect(tabs.map((t) => t.textContent)).toEqual(['NumPy', 'PyTorch']);
      expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
      expect(within(details).getByRole('tabpanel')).toHaveAccessibleName('NumPy');
      expect(shown(container)).toBe(codeOf(def, values, 'numpy'));
      expect(shown(container)).toMatch(/print\(json\.dumps\(/);
      fireEvent.click(tabs[1]);
      expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
      expect(shown(container)).toBe(codeOf(def, values, 'torch'));

      // new settled values (a preset's), new code
      const preset = def.presets?.[0];
      if (preset) {
        const next = presetValues(def.params, preset.values);
        rerender(ui(next));
        expect(shown(container)).toBe(codeOf(def, next, 'torch'));
      }
    });
  }
});

describe('the Code panel', () => {
  afterEach(() => vi.restoreAllMocks());

  const withCode = () =>
    makeFakeDef({
      code: (values, r) => ({
        numpy: `import numpy as np\na = ${String(values.a)}\nprint(${r.y})\n`,
        torch: `import torch\na = ${String(values.a)}\n`,
      }),
    });

  it.each([
    ['en', en],
    ['zh-TW', zhTW],
  ] as const)('(%s) tabs by keyboard, copies the code of the tab shown', async (lang, s) => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({
      writeText,
    } as unknown as Clipboard);
    const { container } = renderWithI18n(<Card def={withCode()} />, lang);
    const details = await openPanel(container, s.code.heading);
    expect(within(details).getByRole('tablist')).toHaveAccessibleName(s.code.tabs);
    const [numpyTab, torchTab] = within(details).getAllByRole('tab');
    expect(numpyTab).toHaveAttribute('tabindex', '0');
    expect(torchTab).toHaveAttribute('tabindex', '-1');
    numpyTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(torchTab).toHaveFocus();
    expect(torchTab).toHaveAttribute('aria-selected', 'true');
    expect(torchTab).toHaveAttribute('tabindex', '0');
    expect(shown(container)).toBe('import torch\na = 1\n');
    await user.keyboard('{ArrowRight}');
    expect(numpyTab).toHaveFocus();
    await user.keyboard('{End}');
    expect(torchTab).toHaveFocus();
    await user.keyboard('{Home}');
    expect(numpyTab).toHaveFocus();
    expect(shown(container)).toMatch(/^import numpy as np\na = 1\n/);

    await user.click(within(details).getByRole('button', { name: s.code.copy }));
    expect(writeText).toHaveBeenCalledWith(shown(container));
    await waitFor(() =>
      expect(within(details).getByRole('status')).toHaveTextContent(s.code.copied),
    );
  });

  it('without a clipboard, selects the code and says how to copy it', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    const { container } = renderWithI18n(<Card def={withCode()} />, 'en');
    const details = await openPanel(container, en.code.heading);
    fireEvent.click(within(details).getByRole('button', { name: en.code.copy }));
    await waitFor(() =>
      expect(within(details).getByRole('status')).toHaveTextContent(en.code.selected),
    );
    expect(window.getSelection()?.toString()).toBe(shown(container));
  });

  it('code that throws for some values gives a message, not a broken card', async () => {
    const def = makeFakeDef({
      code: () => {
        throw new Error('no');
      },
    });
    const { container } = renderWithI18n(<Card def={def} />, 'en');
    const details = container.querySelector('details.card-code') as HTMLDetailsElement;
    fireEvent.click(within(details).getByText(en.code.heading));
    await waitFor(() =>
      expect(within(details).getByRole('status')).toHaveTextContent(en.code.none),
    );
    expect(within(details).queryByRole('tab')).toBeNull();
  });

  it('in a card, follows the values once they settle', async () => {
    const { container } = renderWithI18n(<Card def={withCode()} />, 'en');
    await openPanel(container, en.code.heading);
    expect(shown(container)).toContain('a = 1\n');
    fireEvent.click(
      within(container.querySelector('.presets') as HTMLElement).getByRole('button', {
        name: 'Big gain',
      }),
    );
    await waitFor(() => expect(shown(container)).toContain('a = 4\n'));
  });

  it('a card without code has no panel', () => {
    const { container } = renderWithI18n(<Card def={makeFakeDef()} />, 'en');
    expect(container.querySelector('.card-code')).toBeNull();
    expect(screen.queryByText(en.code.heading)).toBeNull();
  });
});
