import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plotMarkup, sliders, workedText } from './app';
import { appUrl, launchChromium, setupBrowser, waitForApp } from './browser';
import { builtPageIds } from './serve.mjs';

// The prerendered pages (vite.prerender.ts): what a reader gets before the code arrives, and
// that hydration adopts it rather than drawing the page again.

const { open } = setupBrowser();
const ids = await builtPageIds();
/**
 * Nodes hydration adopts: the plot's too (laid out again, measured, once live, as an update), all
 * but the sliders' inputs, which NativeInput makes itself on mount (src/ui/card/NativeInput.tsx).
 */
const KEPT = '#root h1, #root .tex, #root .card-plot svg, #root input:not(.native-input input)';

/** The plots' SVG as nodes, attributes in name order (an update may add one in another order). */
function plotNodes(page: Page): Promise<string> {
  return page.evaluate(() => {
    const node = (n: Node): string => {
      if (!(n instanceof Element)) return n.textContent ?? '';
      const attrs = [...n.attributes]
        .map((a) => `${a.name}="${a.value.replace(/_[rR]_[0-9a-zA-Z]+_/g, 'ID')}"`)
        .sort();
      return `<${n.tagName} ${attrs.join(' ')}>${[...n.childNodes].map(node).join('')}</>`;
    };
    return [...document.querySelectorAll('main svg')]
      .filter((svg) => !svg.closest('.katex'))
      .map(node)
      .join('\n');
  });
}

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
      // the page's code was asked for only once the page had painted
      const order = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => /\/assets\/[^/]*\.js$/.test(r.name))
          .map((r) => r.startTime);
        return { fcp, scripts: scripts.length, first: Math.min(...scripts) };
      });
      expect(order.fcp, id).toBeGreaterThan(0);
      expect(order.scripts, id).toBeGreaterThan(0);
      expect(order.first, id).toBeGreaterThanOrEqual(order.fcp!);
      // each module is preloaded once (the loader skips what Vite's preload helper has added)
      const preloads = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map(
          (l) => l.href,
        ),
      );
      expect(preloads.length, id).toBeGreaterThan(5);
      expect(
        preloads.filter((h, i) => preloads.indexOf(h) !== i),
        id,
      ).toEqual([]);
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

  it('once live, a hydrated plot is what a client render draws: text measured, at the measured width', async () => {
    const phone = { width: 390, height: 844 };
    const desk = { width: 1280, height: 800 };
    const cases = [
      ['softmax', phone],
      ['softmax', desk],
      ['sigmoid', phone],
      ['bayes', desk],
      ['next-token-distribution', phone],
    ] as const;
    for (const [id, viewport] of cases) {
      const hydrated = await open(`/${id}`, { viewport });
      await waitForApp(hydrated.page);
      expect(await hydrated.page.locator('html').getAttribute('data-prerender')).toBe('hydrated');
      // a query: the prerendered HTML is not what this reader sees, the client renders the page
      const client = await open(`/${id}?lang=en`, { viewport });
      await waitForApp(client.page);
      expect(await client.page.locator('html').getAttribute('data-prerender')).toBeNull();
      // both settle (the client render measures its column too): then they are the same
      await expect
        .poll(async () => (await plotNodes(hydrated.page)) === (await plotNodes(client.page)), {
          message: `${id} at ${viewport.width} px`,
        })
        .toBe(true);
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
