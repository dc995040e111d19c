import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT, pageText, waitForUrlRest, workedText } from './app';
import { setupBrowser, sleep, waitForApp } from './browser';

const { open } = setupBrowser();

/** The query value of `key` once it equals `want` (polls up to 3 s). */
async function urlKey(page: Page, key: string, want: string | null): Promise<void> {
  await expect.poll(() => new URL(page.url()).searchParams.get(key), { timeout: 3000 }).toBe(want);
}

/** Waits until the worked example has followed the last change (it settles after a rest). */
const settle = (_page: Page) => sleep(450);

const cText = (page: Page) => page.locator('.mm-product').textContent();

describe('matrix multiplication', () => {
  it('edits an entry of A by click, keys and typing; C, the worked example and the URL follow and round-trip', async () => {
    const { page } = await open('/matrix-multiplication?lang=en');
    expect(await cText(page)).toBe('2−1810');
    const cell = page.getByRole('slider', { name: 'A row 1, column 2' });
    await cell.click();
    await expect
      .poll(() => page.locator('.mm-editing').textContent())
      .toContain('A row 1, column 2');
    await page.keyboard.press('ArrowUp');
    // a12: 2 → 2.5 leaves c11 = 1·2 + 2.5·0 + 0·1 and makes c12 = 1·1 + 2.5·(−1) + 0·3 = −1.5
    await expect.poll(() => cText(page)).toBe('2−1.5810');
    await urlKey(page, 'A', '1,2.5,0,-1;3,-1,2,0');
    // typing a number into the selected entry
    await page.keyboard.press('7');
    const field = page.locator('.mm-editor input[type="number"]');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('number');
    await field.fill('3');
    await field.press('Enter');
    await expect.poll(() => cText(page)).toBe('2−2810');

    // hovering an entry of C explains it in the worked example
    await page.getByRole('button', { name: /^c21 = 8/ }).hover();
    await settle(page);
    expect(await workedText(page)).toContain('c_{21}');
    await urlKey(page, 'cell', '4');

    const url = page.url();
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(page.url()).toBe(url);
    expect(await cText(page)).toBe('2−2810');
    expect(await workedText(page)).toContain('c_{21}');
  });

  it('steps through C with the time control: reset, play, pause, step back; a larger n keeps a finished C full', async () => {
    const { page } = await open('/matrix-multiplication?lang=en');
    await page.getByRole('button', { name: 'Back to step 0' }).click();
    await expect.poll(() => page.locator('.mm-product .is-pending').count()).toBe(4);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.locator('.mm-product .is-filled').count(), { timeout: 6000 })
      .toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    const filled = await page.locator('.mm-product .is-filled').count();
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await page.locator('.mm-product .is-filled').count()).toBe(filled - 1);
    await urlKey(page, 't', String(filled - 1));
    // the worked example explains the newest entry
    await settle(page);
    const newest = filled - 1;
    if (newest > 0) {
      const i = Math.floor((newest - 1) / 2) + 1;
      const j = ((newest - 1) % 2) + 1;
      expect(await workedText(page)).toContain(`c_{${i}${j}}`);
    }

    // a finished C stays finished when n grows
    const full = new URL(page.url());
    full.searchParams.delete('t');
    await page.goto(full.href);
    await waitForApp(page);
    const n = page.locator('[data-param="n"] input[type="range"]');
    await n.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.mm-product .is-filled').count()).toBe(6);
    expect(await page.locator('.mm-product .is-pending').count()).toBe(0);
  });

  it('shows the transpose check and says when det M = 0', async () => {
    const { page } = await open('/matrix-multiplication?lang=en&tr=1&M=1,2;0.5,1');
    expect(await page.locator('.mm-check').textContent()).toContain('0.00');
    expect(await page.locator('.mm-plane-note').textContent()).toContain(
      'squashes the whole plane onto a line',
    );
    const tip = page.getByRole('slider', { name: 'tip of vector x' });
    await tip.focus();
    await page.keyboard.press('ArrowRight');
    // one key step to the right (its size follows the plane's extent): x₁ grows, x₂ stays
    await expect
      .poll(() => new URL(page.url()).searchParams.get('x'), { timeout: 3000 })
      .toMatch(/^1\.\d+,1$/);
  });

  it('hostile query values are clamped or ignored with a notice, and nothing reads NaN', async () => {
    const { page } = await open(
      '/matrix-multiplication?lang=en&m=99&k=-3&n=abc&A=x,1e999;2&cell=1e9&t=-5&M=NaN,1;2',
    );
    const notice = page
      .locator('[role="status"], [aria-live="polite"]')
      .filter({ hasText: TEXT.urlNotice });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await page.locator('.mm-edit.sym-1 .mm-cell').count()).toBe(4); // m = 4, k = 1
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
  });
});

describe('vector similarity', () => {
  it('drags the tip of a with the mouse and moves b by keys; the numbers and the URL follow', async () => {
    const { page } = await open('/vector-similarity?lang=en');
    const tip = page.getByRole('slider', { name: 'tip of vector a' });
    await tip.scrollIntoViewIfNeeded(); // the mouse reaches only what is on screen
    const box = (await tip.boundingBox())!;
    const before = await page.locator('.vs-pair-table').textContent();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++)
      await page.mouse.move(box.x + box.width / 2 - 10 * i, box.y + box.height / 2 - 8 * i);
    await page.mouse.up();
    await expect.poll(() => page.locator('.vs-pair-table').textContent()).not.toBe(before);
    const moved = await waitForUrlRest(page, (u) => u.searchParams.has('a'));
    const [ax, ay] = moved.searchParams.get('a')!.split(',').map(Number);
    expect(ax).toBeLessThan(3);
    expect(ay).toBeGreaterThan(1);

    const b = page.getByRole('slider', { name: 'tip of vector b' });
    await b.focus();
    await page.keyboard.press('ArrowLeft');
    await waitForUrlRest(page, (u) => u.searchParams.has('b'));
    const url = page.url();
    const table = await page.locator('.vs-pair-table').textContent();
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(page.url()).toBe(url);
    expect(await page.locator('.vs-pair-table').textContent()).toBe(table);
  });

  it('normalize makes the three rankings agree; a zero vector is explained, not NaN', async () => {
    const { page } = await open('/vector-similarity?lang=en');
    expect(await page.locator('.vs-ranks .vs-note').textContent()).toContain(
      'The measures disagree',
    );
    await page.getByRole('checkbox', { name: /normalize to length 1/ }).check();
    await expect
      .poll(() => page.locator('.vs-ranks .vs-note').textContent())
      .toContain('rank the neighbours alike');
    await urlKey(page, 'unit', '1');

    const { page: zero } = await open('/vector-similarity?lang=zh-TW&a=0,0');
    expect(await zero.locator('.vs-note.is-warning').textContent()).toContain('零向量');
    expect(await pageText(zero)).not.toMatch(/\bNaN\b|\bundefined\b/);
  });

  it('hostile query values are clamped or ignored with a notice', async () => {
    const { page } = await open(
      '/vector-similarity?lang=en&a=NaN,1e999&b=<b>&w=99&an=-1&unit=maybe',
    );
    const notice = page
      .locator('[role="status"], [aria-live="polite"]')
      .filter({ hasText: TEXT.urlNotice });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
  });
});
