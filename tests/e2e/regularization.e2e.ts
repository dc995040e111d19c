import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT, pageText, waitForUrl, waitForUrlRest } from './app';
import { setupBrowser, waitForApp } from './browser';

const { open } = setupBrowser();

/** The `moved` offsets in the page's URL (all 0 when absent). */
function movedOf(url: string): number[] {
  const raw = new URL(url).searchParams.get('moved');
  return raw ? raw.split(',').map(Number) : Array.from({ length: 12 }, () => 0);
}

/** The fit panel's readout: "training MSE … · held-out MSE …". */
function readout(page: Page): Promise<string> {
  return page.locator('.reg-readout').evaluate((el) => el.textContent ?? '');
}

/** The coefficient path's lines, drawn once the worker has answered. */
function pathMarkup(page: Page): Promise<string> {
  return page.locator('.reg-path').evaluate((el) => el.innerHTML);
}

describe('regularization page', () => {
  it('dragging a training point makes an outlier: URL, errors and the paths from the worker follow, and a reload keeps it', async () => {
    const { page } = await open('/regularization?lang=en');
    await expect.poll(() => page.locator('.reg-path-line').count()).toBe(9);
    const before = await readout(page);
    const paths = await pathMarkup(page);
    const point = page.getByRole('slider', { name: 'training point 8' });
    await point.scrollIntoViewIfNeeded(); // the mouse reaches only what is on screen
    const box = (await point.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(cx, cy - 10 * k);
    await page.mouse.up();
    const url = await waitForUrlRest(page, (u) => movedOf(u.href)[7] > 0.5);
    expect(movedOf(url.href).filter((v, i) => i !== 7 && v !== 0)).toEqual([]);
    await expect.poll(() => readout(page)).not.toBe(before);
    await expect
      .poll(() => pathMarkup(page), { message: 'the worker redraws the paths' })
      .not.toBe(paths);

    const moved = movedOf(url.href)[7];
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(movedOf(page.url())[7]).toBe(moved);
    const field = page.getByRole('spinbutton', { name: /Δy₈/ });
    await expect.poll(() => field.inputValue()).toBe(String(moved));
  });

  it('a focused point moves by the arrow keys, and the sparse preset shows exact zeros in the bars and the data table', async () => {
    const { page } = await open('/regularization?lang=en');
    const point = page.getByRole('slider', { name: 'training point 3' });
    await point.focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowDown');
    await waitForUrl(page, (u) => movedOf(u.href)[2] < 0);

    await page.getByRole('button', { name: 'sparse' }).click();
    await expect.poll(() => page.locator('.reg-zero').count()).toBeGreaterThanOrEqual(5);
    const zeros = await page.locator('.reg-zero').count();
    await page.getByText('Show data').click();
    const cells = page.locator('table tbody tr').filter({ hasText: /^weight w/ });
    await expect.poll(() => cells.count()).toBe(10);
    const values = await cells.evaluateAll((rows) =>
      rows.map((r) => (r as HTMLTableRowElement).cells[1].textContent?.trim()),
    );
    expect(values.filter((v) => v === '0')).toHaveLength(zeros);

    // L2 at the same λ shrinks without zeros
    await page.getByRole('combobox', { name: /penalty/ }).selectOption('2');
    await expect.poll(() => page.locator('.reg-zero').count()).toBe(0);
  });

  it('hostile query values are clamped or ignored with a notice, and nothing reads NaN', async () => {
    const { page } = await open(
      '/regularization?lang=en&lambda=0&degree=99&penalty=7&moved=9,abc,-1e999&seed=-3',
    );
    const notice = page.locator('[role="status"], [aria-live="polite"]').filter({
      hasText: TEXT.urlNotice,
    });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    await expect.poll(() => page.locator('.reg-path-line').count()).toBe(9);
    const text = await readout(page);
    expect(text).toMatch(/training MSE \d/);
  });
});
