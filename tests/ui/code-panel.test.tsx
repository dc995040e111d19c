import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import { Card } from '../../src/ui/card/Card';
import type { AnyFormulaDef, Values } from '../../src/ui/card/types';
import { defaultValues, normalizeValues, presetValues } from '../../src/ui/card/values';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { makeFakeDef } from './fakeDef';
import { renderWithI18n } from './renderWithI18n';

/*
 * The "Code" panel of every card with code: closed at first (nothing built), NumPy and PyTorch
 * tabs by mouse and keyboard, the code of the values shown, copied; a preset changes the code
 * once the values settle. A card without code has no panel.
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
  afterEach(() => vi.restoreAllMocks());

  for (const entry of built) {
    it(`${entry.id}: the panel, if the page has code, shows its code for the values shown, in both tabs`, async () => {
      const def = (await entry.load!()).default;
      const lang = entry.id.length % 2 === 0 ? 'en' : 'zh-TW';
      const s = lang === 'en' ? en : zhTW;
      const { container } = renderWithI18n(<Card def={def} />, lang);
      if (!def.code) {
        expect(container.querySelector('.card-code')).toBeNull();
        return;
      }
      // closed: nothing of it built
      expect(shown(container)).toBeNull();
      const details = await openPanel(container, s.code.heading);
      const values = normalizeValues(def.params, defaultValues(def.params));
      const tabs = within(details).getAllByRole('tab');
      expect(tabs.map((t) => t.textContent)).toEqual(['NumPy', 'PyTorch']);
      expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
      expect(within(details).getByRole('tabpanel')).toHaveAccessibleName('NumPy');
      expect(shown(container)).toBe(codeOf(def, values, 'numpy'));
      fireEvent.click(tabs[1]);
      expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
      expect(shown(container)).toBe(codeOf(def, values, 'torch'));

      // the values follow: a preset's code once they settle
      const preset = def.presets?.[0];
      if (preset) {
        const next = presetValues(def.params, preset.values);
        const want = codeOf(def, next, 'torch');
        if (want !== codeOf(def, values, 'torch')) {
          const presets = container.querySelector('.presets') as HTMLElement;
          fireEvent.click(within(presets).getByRole('button', { name: preset.label[lang] }));
          await waitFor(() => expect(shown(container)).toBe(want));
        }
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

  it('a card without code has no panel', () => {
    const { container } = renderWithI18n(<Card def={makeFakeDef()} />, 'en');
    expect(container.querySelector('.card-code')).toBeNull();
    expect(screen.queryByText(en.code.heading)).toBeNull();
  });
});
