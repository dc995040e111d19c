import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageText, workedText } from './app';
import { setupBrowser, sleep, waitForApp } from './browser';

const { open } = setupBrowser();

const stepSlider = (page: Page) => page.getByRole('slider', { name: 'race step, step' });

async function shownStep(page: Page): Promise<number> {
  const text = (await stepSlider(page).getAttribute('aria-valuetext')) ?? '';
  const m = /^step (\d+) of \d+$/.exec(text);
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return Number(m[1]);
}

const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const NO_NAN = /\bNaN\b|\bInfinity\b|\bundefined\b/;

describe('the optimizer race in a browser', () => {
  it('"diverges": the runs that blow up say so, stop at a finite point, and nothing reads NaN', async () => {
    const { page } = await open('/optimizers?lang=en');
    await page.getByRole('button', { name: 'diverges: too large a step', exact: true }).click();
    const notices = page.locator('.race-plot .opt-notice.is-diverged');
    await expect.poll(() => notices.count()).toBe(2);
    expect(await notices.first().textContent()).toMatch(
      /^SGD — Diverged: step \d+ .*last finite point/,
    );
    expect(await pageText(page)).not.toMatch(NO_NAN);
    for (const d of await page
      .locator('.race-plot path')
      .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '')))
      expect(d).not.toMatch(/NaN|Infinity/);
    const label = () => page.locator('figure [aria-label]').first().getAttribute('aria-label');
    await expect.poll(label, { timeout: 3000 }).toMatch(/SGD — Diverged/);
  });

  it('steps all runs together; the step, a pin and the dragged start survive a reload', async () => {
    const { page } = await open('/optimizers?lang=en&k=5');
    expect(await shownStep(page)).toBe(5);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await shownStep(page)).toBe(6);
    await page.getByRole('button', { name: 'Pin Adam', exact: true }).click();
    await expect.poll(() => page.locator('.opt-contour .is-ghost').count()).toBe(1);
    // drag the start: every run leaves from the new point, the ghost keeps its own
    const handle = page.getByRole('slider', { name: 'start θ₀', exact: true });
    const box = (await handle.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(cx + 15 * i, cy + 10 * i);
    await page.mouse.up();
    await expect.poll(() => Number(query(page, 'x0')), { timeout: 3000 }).toBeGreaterThan(-2.5);
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => query(page, 'p1'), { timeout: 3000 }).toBe('6');
    await expect.poll(() => query(page, 'k'), { timeout: 3000 }).toBe('6');
    await sleep(600); // the worked example follows once the changes settle (useSettled)
    const before = {
      worked: await workedText(page),
      x0: query(page, 'x0'),
      y0: query(page, 'y0'),
    };
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await shownStep(page)).toBe(6);
    expect(query(page, 'x0')).toBe(before.x0);
    expect(query(page, 'y0')).toBe(before.y0);
    expect(await page.locator('.opt-contour .is-ghost').count()).toBe(1);
    await expect.poll(() => workedText(page), { timeout: 3000 }).toBe(before.worked);
    await page.getByRole('button', { name: 'Unpin Adam, pin 1' }).click();
    await expect.poll(() => page.locator('.opt-contour .is-ghost').count()).toBe(0);
  });
});
