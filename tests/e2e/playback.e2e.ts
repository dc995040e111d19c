import { describe, expect, it } from 'vitest';
import { TEXT } from './app';
import type { Page } from 'playwright-core';
import { setupBrowser, sleep, waitForApp } from './browser';

const { open } = setupBrowser();

const stepSlider = (page: Page) => page.getByRole('slider', { name: 'tokens drawn, step' });
const seedField = (page: Page) =>
  page.getByRole('textbox', { name: 'seed of the draws, seed number' });

/** The step the time control shows ("step k of 100"). */
async function shownStep(page: Page): Promise<number> {
  const text = (await stepSlider(page).getAttribute('aria-valuetext')) ?? '';
  const m = /^step (\d+) of 100$/.exec(text);
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return Number(m[1]);
}

/** The query value of `key` once the URL carries `want` (polls up to 3 s). */
async function urlKey(page: Page, key: string, want: string | null): Promise<void> {
  await expect.poll(() => new URL(page.url()).searchParams.get(key), { timeout: 3000 }).toBe(want);
}

const drawnRow = (page: Page) => page.locator('.drawn-row').textContent();
const manyLine = (page: Page) => page.locator('.softmax-many[aria-busy="false"]').textContent();

describe('playing and seeding the softmax draws', () => {
  it('plays only when asked, pauses, steps back and forward, and a reload opens at the step', async () => {
    const { page } = await open('/softmax?lang=en');
    await sleep(400);
    expect(await shownStep(page), 'nothing plays on its own').toBe(0);

    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 5000 }).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await shownStep(page);
    expect(paused).toBeLessThan(100);
    await sleep(500);
    expect(await shownStep(page), 'pause stops').toBe(paused);
    await urlKey(page, 'k', String(paused));

    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await shownStep(page)).toBe(paused - 1);
    await urlKey(page, 'k', String(paused - 1));
    // the keys, with focus in the card
    await page.keyboard.press('Period');
    await page.keyboard.press('Period');
    expect(await shownStep(page)).toBe(paused + 1);
    await page.keyboard.press('Comma');
    expect(await shownStep(page)).toBe(paused);
    await urlKey(page, 'k', String(paused));
    const counts = await drawnRow(page);
    expect(counts).toContain(`drawn ${paused}`);

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await shownStep(page), 'the reload opens at the step').toBe(paused);
    expect(await drawnRow(page)).toBe(counts);

    // playing runs to the end and stops there
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '30 steps/s' });
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 8000 }).toBe(100);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await urlKey(page, 'k', '100');
  });

  it('a new seed draws other tokens, and a reload with its link draws the same ones again', async () => {
    const { page } = await open('/softmax?k=50&lang=en');
    const before = await drawnRow(page);
    const manyBefore = await manyLine(page);
    expect(manyBefore, 'the 100,000 draws came back from the worker').toMatch(/mat 0\.\d{3}/);
    await page.getByRole('button', { name: 'New seed for seed of the draws' }).click();
    const seed = await seedField(page).inputValue();
    expect(seed).not.toBe('1');
    await urlKey(page, 's', seed);
    const after = await drawnRow(page);
    const manyAfter = await manyLine(page);
    expect(after).not.toBe(before);
    expect(manyAfter).toContain(`seed ${seed}`);

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await seedField(page).inputValue()).toBe(seed);
    expect(await drawnRow(page), 'the same seed draws the same tokens').toBe(after);
    expect(await manyLine(page)).toBe(manyAfter);
  });

  it('a hostile seed or step in the link is clamped with a notice', async () => {
    const { page } = await open('/softmax?s=-4&k=500&lang=en');
    await expect
      .poll(() => page.locator('[role="status"]').filter({ hasText: TEXT.urlNotice }).count())
      .toBe(1);
    expect(await seedField(page).inputValue()).toBe('0');
    expect(await shownStep(page)).toBe(100);
  });
});
