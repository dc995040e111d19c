import { describe, expect, it } from 'vitest';
import { plotMarkup, sliders, workedText } from './app';
import { appUrl, launchChromium, setupBrowser, waitForApp } from './browser';
import { builtPageIds } from './serve.mjs';

// The prerendered pages (vite.prerender.ts): what a reader gets before the code arrives, and
// that hydration adopts it rather than drawing the page again.

const { open } = setupBrowser();
const ids = await builtPageIds();
/**
 * Nodes hydration adopts: all but the plot's, which is drawn again, measured, once live, and the
 * sliders' inputs, which NativeInput makes itself on mount (src/ui/card/NativeInput.tsx).
 */
const KEPT =
  '#root h1, #root .tex:not(.card-plot .tex), #root input:not(.card-plot input, .native-input input)';

describe('prerendered pages', () => {
  it('without JavaScript, every page shows its title, formulas, controls and plot text', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      for (const id of ids) {
        await page.goto(appUrl(`/${id}`));
        // no script ran: nothing hid the page
        expect(await page.locator('html').getAttribute('data-prerender')).toBeNull();
        expect(await page.locator('h1').innerText()).not.toBe('');
        expect(await page.locator('main .katex').count(), id).toBeGreaterThan(0);
        expect(await page.locator('main :is(input, button, select)').count(), id).toBeGreaterThan(
          0,
        );
        expect(await page.locator('.plot-image').first().getAttribute('aria-label')).toBeTruthy();
        expect(await page.title()).toMatch(/· LLM Math Explorer$/);
      }
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('hydration keeps the prerendered nodes, then the page is live', async () => {
    for (const id of ['softmax', 'attention']) {
      const { page } = await open('/', { javaScriptEnabled: true });
      // mark the prerendered nodes as the parser makes them, before any of the app's code runs
      await page.addInitScript((selector) => {
        document.addEventListener('DOMContentLoaded', () => {
          for (const el of document.querySelectorAll(selector))
            (el as unknown as Record<string, boolean>).__prerendered = true;
        });
      }, KEPT);
      await page.goto(appUrl(`/${id}`), { waitUntil: 'networkidle' });
      await waitForApp(page);
      expect(await page.locator('html').getAttribute('data-prerender')).toBe('hydrated');
      const kept = await page.evaluate((selector) => {
        const all = [...document.querySelectorAll(selector)];
        return {
          lost: all
            .filter((el) => !(el as unknown as Record<string, boolean>).__prerendered)
            .map((el) => `${el.tagName}.${el.className} in ${el.parentElement?.className}`),
          all: all.length,
          kept: all.filter((el) => (el as unknown as Record<string, boolean>).__prerendered).length,
        };
      }, KEPT);
      expect(kept.all, id).toBeGreaterThan(0);
      expect(kept.lost).toEqual([]);
      expect(kept.kept).toBe(kept.all);
      // KaTeX's code has not been loaded: the formulas are the prerendered ones
      expect(
        await page.evaluate(() =>
          performance.getEntriesByType('resource').some((r) => /\/katex-[^/]*\.js$/.test(r.name)),
        ),
      ).toBe(false);
      // live: a slider moves the plot, and the worked example once KaTeX has come
      const before = { plot: await plotMarkup(page), worked: await workedText(page) };
      const slider = sliders(page).first();
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => plotMarkup(page)).not.toBe(before.plot);
      await expect.poll(() => workedText(page)).not.toBe(before.worked);
    }
  });

  it('a reader who will see something else gets the client render: a query, another language', async () => {
    const { page } = await open('/softmax?T=2');
    expect(await page.locator('html').getAttribute('data-prerender')).toBeNull();
    expect(await page.locator('main .katex').count()).toBeGreaterThan(0);
    const zh = await open('/softmax', { locale: 'zh-TW' });
    await expect.poll(() => zh.page.locator('h1').innerText()).toMatch(/溫度/);
    expect(await zh.page.locator('html').getAttribute('data-prerender')).toBeNull();
  });
});
