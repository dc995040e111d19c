import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { frames, plotMarkup, workedText } from './app';
import { setupBrowser } from './browser';

// The switches and choices of every page's controls (the sliders have sliders.e2e.ts): each,
// moved by keyboard (the first switch and the first choice) or by mouse (the others), changes
// what the card shows (the plot, the worked example or the spoken summary of the plot) and the
// URL, and no console error follows. Each is tried after the ones before it (a param that does
// nothing at the values they left is disabled, `activeWhen`, and skipped).

const ids = inject('pageIds');
const { open } = setupBrowser();

interface Shown {
  shown: string;
  query: string;
}

async function read(page: Page): Promise<Shown> {
  const summary =
    (await page.locator('.card-plot .plot-image').first().getAttribute('aria-label')) ?? '';
  return {
    shown: `${await plotMarkup(page)}\n${await workedText(page)}\n${summary}`,
    query: new URL(page.url()).search,
  };
}

/** Waits until the card shows something else and the URL has followed. */
async function changes(page: Page, from: Shown, what: string): Promise<Shown> {
  let now = from;
  await expect
    .poll(
      async () => {
        now = await read(page);
        return [
          now.shown === from.shown && 'what the card shows',
          now.query === from.query && 'the URL',
        ].filter(Boolean);
      },
      { message: `${what}: what did not change`, timeout: 10_000 },
    )
    .toEqual([]);
  return now;
}

describe('switches and choices of every page', () => {
  it.each(ids)(
    '/%s: each switch and choice changes what the card shows and the URL',
    async (id) => {
      const { page, errors } = await open(`/${id}?lang=en`);
      const controls = page.locator('.card-controls');
      const switches = controls.locator('input[type="checkbox"]:visible');
      // (the time control's speed is how fast it plays, not a value of the card)
      const choices = controls.locator('select:visible:not(.time-control select)');
      const nSwitches = await switches.count();
      for (let i = 0; i < nSwitches; i++) {
        const s = switches.nth(i);
        if (await s.isDisabled()) continue;
        const name = await s.evaluate(
          (el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.id,
        );
        await frames(page);
        const before = await read(page);
        if (i === 0) {
          await s.focus();
          await page.keyboard.press('Space');
        } else await s.click();
        const how = i === 0 ? 'Space' : 'a click';
        await changes(page, before, `switch ${i + 1} (${name}) by ${how}`);
      }
      const nChoices = await choices.count();
      for (let i = 0; i < nChoices; i++) {
        const c = choices.nth(i);
        if (await c.isDisabled()) continue;
        const options = await c
          .locator('option:not([disabled])')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const current = await c.inputValue();
        const next = options.find((v) => v !== current);
        if (next === undefined) continue;
        const label = await c.evaluate(
          (el) => (el as HTMLSelectElement).labels?.[0]?.textContent?.trim() ?? el.id,
        );
        await frames(page);
        const before = await read(page);
        if (i === 0) {
          await c.focus();
          // a closed select moves to the next option (or the previous one, at the last)
          await page.keyboard.press(
            options.indexOf(current) === options.length - 1 ? 'ArrowUp' : 'ArrowDown',
          );
        } else await c.selectOption(next);
        const how = i === 0 ? 'the arrow keys' : 'the mouse';
        await changes(page, before, `choice ${i + 1} (${label}) by ${how}`);
      }
      expect(errors, 'console errors').toEqual([]);
    },
  );
});
