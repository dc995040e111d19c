import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageText, waitForUrlRest } from './app';
import { setupBrowser, sleep, waitForApp } from './browser';

const { open } = setupBrowser();

const stepSlider = (page: Page) => page.getByRole('slider', { name: 'descent step, step' });

/** The step the time control shows ("step k of n"). */
async function shownStep(page: Page): Promise<number> {
  const text = (await stepSlider(page).getAttribute('aria-valuetext')) ?? '';
  const m = /^step (\d+) of \d+$/.exec(text);
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return Number(m[1]);
}

const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('optimization pages in a browser', () => {
  it('gradient descent: the "diverges" preset stops the run, says why, and shows no NaN', async () => {
    const { page } = await open('/gradient-descent?lang=en');
    await page.getByRole('button', { name: 'diverges', exact: true }).click();
    const notice = page.locator('.opt-notice.is-diverged');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toMatch(/Diverged: step 35 .*stops at step 34.*2\/L = 2/);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    const d = await page.locator('.opt-curve path.opt-steps').getAttribute('d');
    expect(d).not.toMatch(/NaN|Infinity/);
    // the summary read by screen readers says it too
    const label = () => page.locator('figure [aria-label]').first().getAttribute('aria-label');
    await expect.poll(label, { timeout: 3000 }).toMatch(/Diverged/);
  });

  it('gradient descent plays, pauses, steps back, and a reload opens at the step', async () => {
    const { page } = await open('/gradient-descent?lang=en&dim=2&k=0');
    await sleep(300);
    expect(await shownStep(page)).toBe(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await shownStep(page);
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await shownStep(page)).toBe(paused - 1);
    await expect.poll(() => query(page, 'k'), { timeout: 3000 }).toBe(String(paused - 1));
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await shownStep(page)).toBe(paused - 1);
  });

  it.each(['/learning-rate', '/adam', '/adagrad', '/optimizers'])(
    '%s plays, pauses, steps back, and a reload opens at the step',
    async (path) => {
      const { page } = await open(`${path}?lang=en&k=0`);
      const slider = page.getByRole('slider', { name: /step, step$/ }).first();
      const step = async () => {
        const m = /^step (\d+) of \d+$/.exec((await slider.getAttribute('aria-valuetext')) ?? '');
        if (!m) throw new Error('no step text');
        return Number(m[1]);
      };
      await sleep(300);
      expect(await step(), 'nothing plays on its own').toBe(0);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(step, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
      await page.getByRole('button', { name: 'Pause' }).click();
      const paused = await step();
      await sleep(300);
      expect(await step(), 'pause stops').toBe(paused);
      await page.getByRole('button', { name: 'Step back' }).click();
      expect(await step()).toBe(paused - 1);
      await expect.poll(() => query(page, 'k'), { timeout: 3000 }).toBe(String(paused - 1));
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      expect(await step(), 'the reload opens at the step').toBe(paused - 1);
      expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    },
  );

  it('the start is dragged on the contour plot and moved by the arrow keys; the URL follows', async () => {
    const { page } = await open('/gradient-descent?lang=en&dim=2');
    const handle = page.getByRole('slider', { name: 'start θ₀', exact: true });
    const box = (await handle.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(cx - 20 * i, cy + 12 * i);
    await page.mouse.up();
    // the URL at rest: a drag on a busy machine can write it mid-drag, then the final values
    const rest = await waitForUrlRest(page, (u) => Number(u.searchParams.get('x0')) < 3);
    const x0 = Number(rest.searchParams.get('x0'));
    expect(Number(query(page, 'y0'))).toBeLessThan(2);
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => Number(query(page, 'x0')), { timeout: 3000 }).toBeGreaterThan(x0);
  });

  it.each([
    ['learning-rate', 'on the edge: η = 2/L'],
    ['sgd', 'diverges'],
    ['adam', 'no bias correction'],
    ['adagrad', 'sparse: a rare gradient'],
  ])('/%s: the "%s" preset renders without NaN or console errors', async (id, preset) => {
    const { page } = await open(`/${id}?lang=en`);
    await page.getByRole('button', { name: preset, exact: true }).click();
    await sleep(500);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await page.locator('.opt-plot svg').count()).toBeGreaterThan(1);
  });
});
