import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, sliders, waitForUrl } from './app';
import { setupBrowser, waitForApp } from './browser';

// Pin and compare (src/ui/card/PinGhosts.tsx) in a real browser, on a bar plot and on a trajectory
// race; tests/ui/pins.test.tsx covers every page in jsdom.

const { open } = setupBrowser();

/** The SVG markup of the live plot and of each ghost, ids made alike. */
function drawings(page: Page): Promise<{ live: string; ghosts: string[]; shown: boolean[] }> {
  return page.evaluate(() => {
    const image = document.querySelector('main .plot-image')!;
    const svgOf = (root: Element, ghost: boolean) =>
      [...root.querySelectorAll('svg')]
        .filter((s) => ghost || !s.closest('.pin-ghost'))
        // as plotMarkup (app.ts): React's ids and a prerendered text's empty comments left out
        .map((s) => s.innerHTML.replace(/_[rR]_[0-9a-zA-Z]+_/g, 'ID').replace(/<!--.*?-->/g, ''))
        .join('\n');
    const ghosts = [...image.querySelectorAll(':scope > .pin-ghost')];
    return {
      live: svgOf(image, false),
      ghosts: ghosts.map((g) => svgOf(g, true)),
      // a ghost shows: some panel of it is visible and drawn
      shown: ghosts.map((g) =>
        [...g.querySelectorAll('svg')].some((s) => {
          const r = s.getBoundingClientRect();
          return getComputedStyle(s).visibility === 'visible' && r.width > 0 && r.height > 0;
        }),
      ),
    };
  });
}

describe('pin and compare', () => {
  it.each(['softmax', 'optimizers'])(
    '%s: pin, drag a slider: the ghost stays, differs from the live plot; a reload keeps the pin; axe-clean',
    async (id) => {
      const { page } = await open(`/${id}`);
      await page.getByRole('button', { name: 'Pin this view' }).click();
      await expect.poll(() => page.locator('.pin-status').innerText()).toContain('pin 1');
      // the ghost measures its own box: right after pinning it may be a frame behind the live
      // plot's width, then follows it
      await expect
        .poll(async () => {
          const d = await drawings(page);
          return d.ghosts.length === 1 && d.ghosts[0] === d.live;
        })
        .toBe(true);
      const before = await drawings(page);

      // drag the last slider by its thumb
      const all = sliders(page);
      const slider = all.nth((await all.count()) - 1);
      await slider.scrollIntoViewIfNeeded();
      const box = (await slider.boundingBox())!;
      const frac = await slider.evaluate((el) => {
        const input = el as HTMLInputElement;
        const [min, max] = [Number(input.min || 0), Number(input.max || 100)];
        return max > min ? (Number(input.value) - min) / (max - min) : 0.5;
      });
      const thumb = Math.min(16, box.height);
      const x = box.x + thumb / 2 + frac * (box.width - thumb);
      const y = box.y + box.height / 2;
      const dx = frac > 0.5 ? -box.width * 0.35 : box.width * 0.35;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y);
      await page.mouse.up();
      await expect.poll(async () => (await drawings(page)).live).not.toBe(before.live);
      const after = await drawings(page);
      expect(after.ghosts[0]).toBe(before.ghosts[0]);
      expect(after.ghosts[0]).not.toBe(after.live);
      expect(after.shown).toEqual([true]);
      const legend = page.getByRole('list', { name: 'Pinned views' });
      await expect.poll(() => legend.innerText()).not.toContain('the values shown now');
      expect(await axeProblems(page)).toEqual([]);

      const url = await waitForUrl(page, (u) => u.searchParams.getAll('pin').length === 1);
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      expect(new URL(page.url()).search).toBe(url.search);
      await expect.poll(async () => (await drawings(page)).ghosts).toEqual(after.ghosts);
      expect(await legend.innerText()).toContain('Pin 1');

      // unpin by keyboard
      await page.getByRole('button', { name: 'Unpin pin 1' }).focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('.pin-ghost').count()).toBe(0);
      expect(
        await page
          .getByRole('button', { name: 'Pin this view' })
          .evaluate((el) => el === document.activeElement),
      ).toBe(true);
    },
  );

  it('presenting in Chinese: the pin button and legend work and the ghost fits the plot', async () => {
    const { page } = await open('/softmax?present=1&lang=zh-TW&T=2&pin=T~0.5');
    const ghost = page.locator('.pin-ghost');
    expect(await ghost.count()).toBe(1);
    const [g, p] = await Promise.all([
      ghost.boundingBox(),
      page.locator('main .plot-image').boundingBox(),
    ]);
    expect(g).toEqual(p);
    expect(await page.getByRole('list', { name: '釘選的畫面' }).innerText()).toContain('釘選 1');
    await page.getByRole('button', { name: '釘選這個畫面' }).click();
    expect(await ghost.count()).toBe(2);
    expect(await axeProblems(page)).toEqual([]);
  });
});
