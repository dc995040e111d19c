import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { TEXT, canvasesDrawn, pageText, plotMarkup, sliders } from './app';
import { appPath, goto, setupBrowser } from './browser';

const ids = inject('pageIds');
const { open } = setupBrowser();

describe('home and formula pages', () => {
  it('home lists a link to every built page', async () => {
    const { page } = await open('/');
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const id of ids) {
      expect(
        hrefs.some((h) => h.endsWith(`/${id}`)),
        `home links to /${id}`,
      ).toBe(true);
    }
  });

  it.each(ids)('/%s renders its formula, sliders and a drawn plot', async (id) => {
    const { page } = await open(`/${id}`);
    expect(appPath(page.url())).toMatch(new RegExp(`^/${id}(\\?|$)`));
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    expect(await page.locator('main .katex').count(), 'KaTeX formulas').toBeGreaterThan(0);
    expect(await page.locator('main .katex-error').count(), 'KaTeX parse errors').toBe(0);
    expect(await sliders(page).count(), 'range sliders').toBeGreaterThan(0);
    const svg = await plotMarkup(page);
    expect(svg, 'plot has drawn marks').toMatch(/<(path|rect|circle|line|polyline)\b/);
    const text = await pageText(page);
    expect(text, 'no NaN or undefined in the page text').not.toMatch(/\bNaN\b|\bundefined\b/);
    expect(svg, 'no NaN in the plot').not.toMatch(/NaN|Infinity/);
    for (const canvas of await canvasesDrawn(page))
      expect(canvas, 'a canvas over the plot is sized and drawn').toEqual({
        sized: true,
        painted: true,
      });
    expect(await page.title()).not.toBe('');
  });

  it('on a 390 px phone the home page does not scroll sideways (each formula page: layout.e2e)', async () => {
    const { page } = await open('/', { viewport: { width: 390, height: 844 }, isMobile: true });
    for (const lang of ['en', 'zh-TW']) {
      if (lang !== 'en') await goto(page, `/?lang=${lang}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `/?lang=${lang} page width`).toBeLessThanOrEqual(390);
    }
  });

  it('an unknown path shows the not-found page with a way home', async () => {
    const { page } = await open('/no-such-formula?T=1');
    await expect.poll(() => page.getByRole('heading', { name: TEXT.notFound }).count()).toBe(1);
    expect(await page.locator('main a[href]').count()).toBeGreaterThan(0);
  });
});

describe('the attention canvases follow the card', () => {
  const pixels = (page: Page, panel: string) =>
    page.evaluate(
      (sel) => (document.querySelector(sel) as HTMLCanvasElement).toDataURL(),
      `.panel-${panel} canvas`,
    );

  it('hovering a value arrow highlights the values, and the canvas draws them anew; a contribution tells its size; the dark theme and a new pixel ratio redraw', async () => {
    const { page } = await open('/attention', { viewport: { width: 1280, height: 800 } });
    const svg = page.locator('.panel-vectors svg');
    await svg.scrollIntoViewIfNeeded();
    const before = await pixels(page, 'vectors');
    const box = (await svg.boundingBox())!;
    const s = box.width / 300;
    // the middle of the arrow of "cat", v = (2, 0): (1, 0) in data units
    await page.mouse.move(box.x + (52 + (4.2 / 6.4) * 236) * s, box.y + (46 + 118) * s);
    await expect.poll(() => page.locator('.attention-plot.hl-V').count()).toBe(1);
    expect(await pixels(page, 'vectors'), 'the highlighted arrows are drawn').not.toBe(before);
    // the middle of the contribution of "sat", 0.65 · (0, 2) from (0.45, 0.005): a tooltip
    await page.mouse.move(
      box.x + (52 + (3.65 / 6.4) * 236) * s,
      box.y + (46 + (2.545 / 6.4) * 236) * s,
    );
    await expect
      .poll(() => page.locator('.panel-vectors .panel-body').getAttribute('title'))
      .toBe('0.65 · v(sat)');
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('.attention-plot.hl-V').count()).toBe(0);
    await expect.poll(() => pixels(page, 'vectors')).toBe(before);

    const light = await pixels(page, 'weights');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    // the dark theme redraws the cells
    await expect.poll(() => pixels(page, 'weights')).not.toBe(light);

    // a new pixel ratio (zoom, another screen) resizes the backing stores
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 1280,
      height: 800,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await expect.poll(() => page.evaluate(() => window.devicePixelRatio)).toBe(2);
    // (headless Chromium sends no resolution change here: the next drawing sizes them, here
    // the one a highlight makes)
    await page.locator('.grid-weights .grid-row').first().hover();
    await expect
      .poll(async () => (await canvasesDrawn(page)).every((c) => c.sized && c.painted))
      .toBe(true);
  });
});
