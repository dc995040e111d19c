import { describe, expect, inject, it } from 'vitest';
import { TEXT, pageText, plotMarkup, sliders } from './app';
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
    expect(await page.title()).not.toBe('');
  });

  it('on a 390 px phone no page scrolls sideways', async () => {
    const { page } = await open('/', { viewport: { width: 390, height: 844 }, isMobile: true });
    for (const path of ['/', ...ids.map((id) => `/${id}`)]) {
      for (const lang of ['en', 'zh-TW']) {
        if (path !== '/' || lang !== 'en') await goto(page, `${path}?lang=${lang}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path}?lang=${lang} page width`).toBeLessThanOrEqual(390);
      }
    }
  });

  it('an unknown path shows the not-found page with a way home', async () => {
    const { page } = await open('/no-such-formula?T=1');
    await expect.poll(() => page.getByRole('heading', { name: TEXT.notFound }).count()).toBe(1);
    expect(await page.locator('main a[href]').count()).toBeGreaterThan(0);
  });
});
