import { describe, expect, it } from 'vitest';
import { plotMarkup, sliders } from './app';
import { appPath, appUrl, setupBrowser, waitForApp } from './browser';

const { open } = setupBrowser();

describe('offline (service worker)', () => {
  it('after one visit, every page opens without a network: a deep link, a reload, another language, a slider', async () => {
    const { page, context } = await open('/softmax?lang=en', { serviceWorkers: 'allow' });
    // The worker has stored the app once the footer says so.
    await page
      .getByRole('status')
      .filter({ hasText: /Works offline/ })
      .waitFor({ timeout: 30_000 });

    // Any request the worker cannot answer now fails, and a failed request fails the test.
    await context.setOffline(true);
    await page.goto(appUrl('/mse?lang=zh-TW&n=6'));
    await waitForApp(page);
    // the link's view: n = 6 is the default, which a URL the page writes leaves out
    expect(appPath(page.url())).toMatch(/^\/mse\?lang=zh-TW(&n=6)?$/);
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/均方誤差/);
    expect(await page.locator('main .katex').count()).toBeGreaterThan(0);
    // KaTeX's fonts came from the worker's store too
    await expect
      .poll(() =>
        page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].some(
            (f) => f.family === 'KaTeX_Main' && f.status === 'loaded',
          );
        }),
      )
      .toBe(true);

    await page.reload();
    await waitForApp(page);
    await expect.poll(() => sliders(page).count()).toBeGreaterThan(0);
    // controlled by the worker, the page says it works offline from the start
    await expect.poll(() => page.locator('.footer-offline').innerText()).toMatch(/可離線使用/);

    // a page not opened before, whose code was never loaded in this tab
    await page.goto(appUrl('/attention'));
    await waitForApp(page);
    const before = await plotMarkup(page);
    await sliders(page).first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => plotMarkup(page)).not.toBe(before);
  }, 90_000);
});
