import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageText, plotMarkup } from './app';
import { appPath, setupBrowser, waitForApp } from './browser';

const { open } = setupBrowser();

/** A small seeded generator (Park–Miller), so a failure replays the same moves. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * One burst: a few slider moves by keyboard or mouse, each sometimes followed at once by
 * a change the plot cannot draw itself (reset, a toggle), before the card catches up.
 */
async function burst(page: Page, random: () => number): Promise<void> {
  const keys = ['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', 'Shift+ArrowRight', 'Home', 'End'];
  for (let k = 0; k < 4; k++) {
    const visible = [];
    for (const r of await page.locator('main input[type=range]').all())
      if (await r.isVisible()) visible.push(r);
    const slider = visible[Math.floor(random() * visible.length)];
    // The card may hide it meanwhile: a tick of a count slider hides the entries beyond
    // the new count when the card catches up, after the ticks rest. Checked and scrolled
    // in one step (a locator's scroll would wait for a hidden slider to show).
    const shown = await slider.evaluate((el) => {
      if (el.getClientRects().length === 0) return false;
      el.scrollIntoView({ block: 'nearest' });
      return true;
    });
    const keyboard = random() < 0.5;
    if (!shown) continue;
    if (keyboard) {
      await slider.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press(keys[Math.floor(random() * 7)]);
    } else {
      const box = await slider.boundingBox();
      if (!box) continue;
      const y = box.y + box.height / 2;
      let x = box.x + 8 + random() * (box.width - 16);
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 0; i < 6; i++) {
        x = Math.max(box.x, Math.min(box.x + box.width, x + (random() - 0.5) * 80));
        await page.mouse.move(x, y);
      }
      await page.mouse.up();
    }
    const next = random();
    if (next < 0.2) await page.getByRole('button', { name: 'Reset' }).click();
    else if (next < 0.35) {
      const toggle = page.locator('main input[type=checkbox]').first();
      if (await toggle.count()) await toggle.click();
    }
  }
}

const unhighlighted = (markup: string) => markup.replaceAll(' is-highlighted', '');

describe('plots that draw slider ticks themselves', () => {
  it.each([
    ['attention', 1280],
    ['cross-entropy', 1280],
    ['mse', 390],
  ] as const)(
    '/%s at %i px: after bursts of moves, resets and toggles, the plot is what a fresh load of the URL draws',
    async (id, width) => {
      const viewport = { width, height: 900 };
      const { page } = await open(`/${id}`, { viewport });
      const random = seeded(7 + width);
      for (let round = 0; round < 3; round++) {
        await burst(page, random);
        await page.waitForTimeout(500);
        // Read as it is: clearing the highlight would have React render the plot again.
        // On these pages a highlight only adds classes.
        const drawn = unhighlighted(await plotMarkup(page));
        expect(await pageText(page)).not.toMatch(/NaN|undefined/);
        const fresh = await open(appPath(page.url()), { viewport });
        await waitForApp(fresh.page);
        expect(unhighlighted(await plotMarkup(fresh.page)), `round ${round}: ${page.url()}`).toBe(
          drawn,
        );
        await fresh.context.close();
      }
    },
  );
});
