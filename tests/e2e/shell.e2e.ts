import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { TEXT, backgroundLuminance, hasCjk, waitForUrl } from './app';
import { appPath, appUrl, setupBrowser, waitForApp } from './browser';

const ids = inject('pageIds');
const { open } = setupBrowser();

describe('language, theme and presentation mode', () => {
  it('the header toggle switches to Traditional Chinese and back, through the URL', async () => {
    const { page } = await open('/softmax?lang=en');
    expect(hasCjk(await page.locator('h1').innerText())).toBe(false);
    await page.getByRole('button', { name: TEXT.switchToZh }).click();
    await waitForUrl(page, (u) => u.searchParams.get('lang') === 'zh-TW');
    await expect.poll(async () => hasCjk(await page.locator('main').innerText())).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(hasCjk(await page.locator('h1').innerText()), 'reload stays in Chinese').toBe(true);

    await page.getByRole('button', { name: TEXT.switchToEn }).click();
    await waitForUrl(page, (u) => u.searchParams.get('lang') !== 'zh-TW');
    await expect.poll(async () => hasCjk(await page.locator('h1').innerText())).toBe(false);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('a ?lang=zh-TW link opens the home page in Chinese (each formula page: layout.e2e)', async () => {
    const { page } = await open('/?lang=zh-TW');
    expect(hasCjk(await page.locator('h1').innerText())).toBe(true);
  });

  it('the theme toggle switches to a dark background and the choice survives a reload', async () => {
    const { page } = await open('/softmax', { colorScheme: 'light' });
    const light = await backgroundLuminance(page);
    expect(light).toBeGreaterThan(0.5);
    await page
      .getByRole('switch', { name: TEXT.darkTheme })
      .or(page.getByRole('button', { name: TEXT.darkTheme }))
      .or(page.getByRole('checkbox', { name: TEXT.darkTheme }))
      .first()
      .click();
    await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.2);
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
  });

  it('follows a dark system preference', async () => {
    const { page } = await open('/softmax', { colorScheme: 'dark' });
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
  });

  it('with reduced motion, entering presentation mode lays the formula out at once (no transitions)', async () => {
    const { page } = await open('/softmax', {
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('header').count()).toBe(0);
    const probe = () =>
      page.evaluate(() => ({
        running: document.getAnimations().length,
        width: Math.round(
          document.querySelector('.card-formula .katex')!.getBoundingClientRect().width,
        ),
      }));
    const first = await probe();
    await page.waitForTimeout(600);
    // Before, every element got a transition on every property: font-size then
    // crept down KaTeX's nesting one level per frame for about a second.
    expect(first.running).toBe(0);
    expect(await probe()).toEqual(first);
  });

  it('presentation mode shows only the entries within the current count', async () => {
    const { page } = await open('/mse?n=5', { viewport: { width: 1920, height: 1080 } });
    const visibleRanges = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('input[type="range"]')].filter(
            (el) => (el as HTMLElement).offsetParent !== null,
          ).length,
      );
    // the count, then five targets and five predictions
    expect(await visibleRanges()).toBe(11);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('header').count()).toBe(0);
    expect(await visibleRanges()).toBe(11);
  });

  it(
    'P presents the card full screen, → walks every formula, ← goes back, Esc leaves',
    async () => {
      const { page } = await open(`/${ids[0]}`, { viewport: { width: 1920, height: 1080 } });
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('p');
      await expect
        .poll(() => page.locator('header').count(), { message: 'the header hides' })
        .toBe(0);
      for (const [i, id] of ids.entries()) {
        if (i > 0) {
          await page.keyboard.press('ArrowRight');
          await waitForUrl(page, (u) => appPath(u.href).startsWith(`/${id}`));
          await waitForApp(page);
        }
        // The card fills (nearly) the whole screen and the page does not scroll.
        const fit = () =>
          page.evaluate((name) => {
            const card = [...document.querySelectorAll('main section[aria-label]')]
              .find((el) => new RegExp(name).test(el.getAttribute('aria-label') ?? ''))
              ?.getBoundingClientRect();
            return {
              fills: !!card && card.width >= innerWidth * 0.9 && card.height >= innerHeight * 0.85,
              inside: !!card && card.bottom <= innerHeight && card.right <= innerWidth,
              scrolls: document.documentElement.scrollHeight > innerHeight,
            };
          }, TEXT.card.source);
        await expect
          .poll(fit, { message: `/${id} in presentation mode` })
          .toEqual({ fills: true, inside: true, scrolls: false });
      }
      await page.keyboard.press('ArrowLeft');
      await waitForUrl(page, (u) => appPath(u.href).startsWith(`/${ids[ids.length - 2]}`));
      await waitForApp(page);
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByRole('button', { name: TEXT.present }).isVisible())
        .toBe(true);
      expect(appPath(page.url())).toMatch(new RegExp(`^/${ids[ids.length - 2]}`));
      expect(new URL(page.url()).searchParams.get('present')).toBeNull();
    },
    20_000 + 5_000 * ids.length,
  ); // a page and a fit per page

  it('presenting, the QR code opens the card with its values on a phone; Esc closes it, not presentation mode', async () => {
    const path = '/softmax?T=0.7&z=2,1,0.1,-1,-3&lang=zh-TW&present=1';
    const { page } = await open(path, { viewport: { width: 1920, height: 1080 } });
    await page.getByRole('button', { name: /QR/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const img = dialog.getByRole('img');
    await img.waitFor();
    const axe = await new AxeBuilder({ page }).include('.share-dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );
    // the code as drawn on screen, read back with an independent decoder (jsQR)
    const { rgba, size } = await img.evaluate(async (svg) => {
      const px = 400;
      const image = new Image(px, px);
      image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = px;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0, px, px);
      return { rgba: [...ctx.getImageData(0, 0, px, px).data], size: px };
    });
    const { default: jsQR } = await import('jsqr');
    const read = jsQR(Uint8ClampedArray.from(rgba), size, size)?.data;
    // the same card and values, without presentation mode
    expect(read).toBe(appUrl('/softmax?T=0.7&z=2,1,0.1,-1,-3&lang=zh-TW'));
    // keys stay in the dialog: an arrow does not turn the page, Esc closes only the dialog
    await page.keyboard.press('ArrowRight');
    expect(appPath(page.url())).toMatch(/^\/softmax/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    expect(await page.locator('header').count()).toBe(0);
  });

  it(
    'every formula fits its box presenting on a smaller projector (1024×768, 1280×720; at 1280×800 and presenting at 1920: layout.e2e)',
    async () => {
      for (const [width, height, query] of [
        [1024, 768, '?present=1'],
        [1280, 720, '?present=1'],
      ] as const) {
        const { page } = await open(`/${ids[0]}${query}`, { viewport: { width, height } });
        for (const id of ids) {
          if (id !== ids[0]) {
            await page.goto(appUrl(`/${id}${query}`));
            await waitForApp(page);
          }
          // the formula scrolls sideways (its end hidden) when it is wider than its box
          const overflow = () =>
            page.evaluate(() => {
              const f = document.querySelector('.card-formula')!;
              return f.scrollWidth - f.clientWidth;
            });
          await expect
            .poll(overflow, { message: `/${id}${query} at ${width}×${height}` })
            .toBeLessThan(1);
        }
      }
    },
    20_000 + 6_000 * ids.length,
  ); // two page loads per page
});
