import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT, pageText, waitForUrl } from './app';
import { setupBrowser, sleep, waitForApp } from './browser';

const { open } = setupBrowser();

const stepSlider = (page: Page) => page.getByRole('slider', { name: 'training step, step' });

/** The step the time control shows ("step k of 1000"). */
async function shownStep(page: Page): Promise<number> {
  const text = (await stepSlider(page).getAttribute('aria-valuetext')) ?? '';
  const m = /^step (\d+) of 1000$/.exec(text);
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return Number(m[1]);
}

/** The training status once the worker has answered for `step`. */
async function statusAt(page: Page, step: number): Promise<string> {
  const status = page.locator(`.nn-status[data-step="${step}"]`);
  await status.waitFor({ timeout: 10000 });
  return (await status.textContent()) ?? '';
}

describe('neural-network', () => {
  it('trains while playing, pauses, and a reload at the step shows the same network and losses', async () => {
    const { page, errors } = await open('/neural-network?lang=en&s=5');
    await sleep(300);
    expect(await shownStep(page), 'nothing plays on its own').toBe(0);
    expect(await statusAt(page, 0)).toMatch(/^Step 0: training loss/);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => shownStep(page), { timeout: 8000 }).toBeGreaterThanOrEqual(30);
    // the page answers while playing: a neuron slider still moves the neuron
    const readout = await page.locator('.nn-readout').textContent();
    await page.getByRole('slider', { name: 'bias' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.nn-readout').textContent()).not.toBe(readout);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await shownStep(page);
    const status = await statusAt(page, paused);
    expect(status).toMatch(new RegExp(`^Step ${paused}: training loss \\d\\.\\d{3}`));
    const edges = await page.locator('.nn-graph .kd-graph-edges').innerHTML();
    await waitForUrl(page, (u) => u.searchParams.get('t') === String(paused));
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await shownStep(page)).toBe(paused);
    expect(await statusAt(page, paused), 'the same losses at the same step').toBe(status);
    expect(await page.locator('.nn-graph .kd-graph-edges').innerHTML(), 'the same weights').toBe(
      edges,
    );
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await statusAt(page, paused - 1)).toMatch(new RegExp(`^Step ${paused - 1}:`));
    // a hidden neuron, focused from the keyboard, shows its own response
    await page.locator('[role="graphics-symbol"][aria-label="hidden layer 1, neuron 1"]').focus();
    await expect
      .poll(() => page.locator('.nn-panel-regions .nn-panel-title').textContent())
      .toContain('neuron 1 of hidden layer 1');
    expect(errors).toEqual([]);
  });

  it('a hostile link is clamped with a notice, and the network it opens trains', async () => {
    const { page, errors } = await open(
      '/neural-network?lang=en&L=9&h=0,99,abc&t=99999&lr=0&K=7&data=-1&opt=9&s=-1&w=1e999,abc&b=NaN&noise=5',
    );
    await expect
      .poll(() => page.locator('[role="status"]').filter({ hasText: TEXT.urlNotice }).count())
      .toBe(1);
    expect(await shownStep(page)).toBe(1000);
    expect(await statusAt(page, 1000)).toMatch(/^Step 1000: training loss \d/);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(errors).toEqual([]);
  });
});
