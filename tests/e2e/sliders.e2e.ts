import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  clearHighlight,
  frames,
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

async function read(page: Page, slider: Locator): Promise<Snapshot> {
  return {
    value: await slider.inputValue(),
    plot: await plotMarkup(page),
    worked: await workedText(page),
    query: new URL(page.url()).search,
  };
}

/** The state before a move, once the page has drawn what it was showing. */
async function snapshot(page: Page, slider: Locator): Promise<Snapshot> {
  await frames(page);
  return read(page, slider);
}

/**
 * The state after a move: waits until the value, the plot and the worked example (which
 * follows once the slider rests, SETTLE_MS, from the KaTeX worker) all differ from `from`.
 */
async function changed(page: Page, slider: Locator, from: Snapshot, move: string) {
  let now = from;
  await expect
    .poll(
      async () => {
        now = await read(page, slider);
        return (['value', 'plot', 'worked'] as const).filter((k) => now[k] === from[k]);
      },
      { message: `${move}: what did not change`, timeout: 10_000 },
    )
    .toEqual([]);
  return now;
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
  // the value, the plot and the worked example change
  const after = await changed(page, slider, before, one);

  await page.keyboard.press(`Shift+${one}`);
  await page.keyboard.press(big);
  await changed(page, slider, after, `Shift+${one} and ${big}`);

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
  await changed(page, slider, before, 'a drag');

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
