import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  clearHighlight,
  numberValues,
  plotMarkup,
  sliderValues,
  sliders,
  waitForUrl,
  workedText,
} from './app';
import { setupBrowser, waitForApp } from './browser';

const ids = inject('pageIds');
const { open } = setupBrowser();

interface Snapshot {
  value: string;
  plot: string;
  worked: string;
  query: string;
}

/** Waits until the slider has rested long enough for the worked example to follow (SETTLE_MS). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 400))),
      ),
  );
}

async function snapshot(page: Page, slider: Locator): Promise<Snapshot> {
  await settle(page);
  return {
    value: await slider.inputValue(),
    plot: await plotMarkup(page),
    worked: await workedText(page),
    query: new URL(page.url()).search,
  };
}

/** Position of the thumb of a range input, in page coordinates. */
async function thumbPoint(slider: Locator): Promise<{ x: number; y: number; width: number }> {
  const box = await slider.boundingBox();
  if (!box) throw new Error('slider has no box');
  const frac = await slider.evaluate((el) => {
    const input = el as HTMLInputElement;
    const min = Number(input.min || 0);
    const max = Number(input.max || 100);
    return max > min ? (Number(input.value) - min) / (max - min) : 0.5;
  });
  const thumb = Math.min(16, box.height);
  return {
    x: box.x + thumb / 2 + frac * (box.width - thumb),
    y: box.y + box.height / 2,
    width: box.width,
  };
}

/**
 * Keyboard moves of the first slider change the value, the plot, the worked example and the
 * URL, which round-trips through a reload.
 */
async function keyboardRoundTrip(page: Page): Promise<void> {
  const slider = sliders(page).first();
  await slider.focus();
  const before = await snapshot(page, slider);
  const atMax = await slider.evaluate(
    (el) => Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max),
  );
  const [one, big] = atMax ? ['ArrowLeft', 'PageDown'] : ['ArrowRight', 'PageUp'];

  await page.keyboard.press(one);
  const after = await snapshot(page, slider);
  expect(after.value, `${one} changes the value`).not.toBe(before.value);
  expect(after.plot, `${one} redraws the plot`).not.toBe(before.plot);
  expect(after.worked, `${one} updates the worked example`).not.toBe(before.worked);

  await page.keyboard.press(`Shift+${one}`);
  await page.keyboard.press(big);
  const moved = await snapshot(page, slider);
  expect(moved.value, `Shift+${one} and ${big} move further`).not.toBe(after.value);
  expect(moved.plot).not.toBe(after.plot);

  // The query string follows after its debounce and round-trips through a reload.
  await waitForUrl(page, (u) => u.search !== before.query && u.search.length > 1);
  await page.waitForTimeout(400);
  await clearHighlight(page);
  const values = await sliderValues(page);
  const exact = await numberValues(page);
  const plot = await plotMarkup(page);
  const finalUrl = page.url();
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  expect(page.url(), 'reload keeps the URL').toBe(finalUrl);
  expect(await sliderValues(page), 'reload restores every slider').toEqual(values);
  expect(await numberValues(page), 'reload restores every exact value').toEqual(exact);
  // (a page whose plot the worker computes draws it once the worker answers)
  await expect
    .poll(() => plotMarkup(page), { message: 'reload redraws the same plot', timeout: 15_000 })
    .toBe(plot);
}

/**
 * Dragging the last slider with the mouse changes the value, the plot and the worked
 * example, and a reload of its URL draws the plot the drag left.
 */
async function dragRedraws(page: Page): Promise<void> {
  const all = sliders(page);
  const slider = all.nth((await all.count()) - 1);
  await slider.scrollIntoViewIfNeeded();
  const before = await snapshot(page, slider);
  const { x, y, width } = await thumbPoint(slider);
  const dx = x - (await slider.boundingBox())!.x > width / 2 ? -width * 0.35 : width * 0.35;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y);
  await page.mouse.up();
  const after = await snapshot(page, slider);
  expect(after.value, 'drag changes the value').not.toBe(before.value);
  expect(after.plot, 'drag redraws the plot').not.toBe(before.plot);
  expect(after.worked, 'drag updates the worked example').not.toBe(before.worked);

  // What the plot shows after the drag is what a fresh load of the URL draws, with the same
  // slider focused and hovered (so the highlight is the same).
  await waitForUrl(page, (u) => u.search !== before.query && u.search.length > 1);
  await page.waitForTimeout(400);
  const plot = await plotMarkup(page);
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  const again = sliders(page).nth((await sliders(page).count()) - 1);
  await again.focus();
  await page.mouse.move(x + dx, y + 1);
  await page.mouse.move(x + dx, y);
  await expect
    .poll(() => plotMarkup(page), {
      message: 'a reload draws the plot the drag left',
      timeout: 15_000,
    })
    .toBe(plot);
}

describe('sliders of every page', () => {
  // one load a page for both: a page's sliders are the same whatever values the first part left
  it.each(ids)(
    '/%s: keyboard moves change the value, the plot, the worked example and the URL, which round-trips; a mouse drag does too',
    async (id) => {
      const { page } = await open(`/${id}`);
      await keyboardRoundTrip(page);
      await dragRedraws(page);
    },
  );
});
