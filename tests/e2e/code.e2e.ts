import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems } from './app';
import { appUrl, setupBrowser } from './browser';

// The card's Code panel in a real browser: by keyboard, copied to the clipboard, axe-clean,
// and on a phone its code scrolls inside its box. The jsdom test covers every page.

const { open } = setupBrowser();

const code = (page: Page) => page.locator('.card-code pre[role="tabpanel"]');

describe('the Code panel', () => {
  it('softmax: opens by keyboard, arrows switch NumPy and PyTorch, copies the code shown; axe-clean', async () => {
    const { page, context } = await open('/softmax?T=0.7');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(appUrl('/')).origin,
    });
    const summary = page.locator('.card-code summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const numpy = page.getByRole('tab', { name: 'NumPy' });
    await expect.poll(() => numpy.getAttribute('aria-selected')).toBe('true');
    expect(await code(page).innerText()).toContain('T = 0.7');
    await numpy.focus();
    await page.keyboard.press('ArrowRight');
    const torch = page.getByRole('tab', { name: 'PyTorch' });
    expect(await torch.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await code(page).innerText()).toContain('torch.softmax');
    await page.getByRole('button', { name: 'Copy code', exact: true }).click();
    await expect
      .poll(() => page.locator('.card-code [role="status"]').innerText())
      .toBe('Code copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code(page).textContent());
    expect(await axeProblems(page, '.card-code')).toEqual([]);
  });

  it('attention on a phone, in Chinese: the code scrolls inside its box, the page never sideways', async () => {
    const { page } = await open('/attention?lang=zh-TW', { viewport: { width: 390, height: 844 } });
    await page.locator('.card-code summary').click();
    await expect.poll(() => code(page).count()).toBe(1);
    const box = await code(page).evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    expect(box.page).toBeLessThanOrEqual(box.view);
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(await axeProblems(page, '.card-code')).toEqual([]);
  });
});
