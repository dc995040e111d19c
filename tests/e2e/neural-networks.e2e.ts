import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT, pageText, plotMarkup, waitForUrl, workedText } from './app';
import { setupBrowser, waitForApp } from './browser';

const { open } = setupBrowser();

/** The step the backpropagation card shows ("step k of 6"). */
async function shownStep(page: Page): Promise<number> {
  const text =
    (await page
      .getByRole('slider', { name: 'step of the training step, step' })
      .getAttribute('aria-valuetext')) ?? '';
  const m = /^step (\d+) of 6$/.exec(text);
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return Number(m[1]);
}

const phase = (page: Page) => page.locator('.bp-step').textContent();

describe('backpropagation', () => {
  it('steps through one training step, forward then backward, and a reload opens at the step', async () => {
    const { page } = await open('/backpropagation?lang=en&t=0');
    expect(await shownStep(page)).toBe(0);
    expect(await phase(page)).toContain('the input');
    expect(
      await page.locator('.bp-label.bp-grad').count(),
      'no gradient before the backward pass',
    ).toBe(0);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await phase(page)).toContain('backward: the output layer');
    // the output layer's two weights and bias have their gradients, the hidden layer not yet
    expect(await page.locator('.bp-label.bp-grad').count()).toBe(3);
    await waitForUrl(page, (u) => u.searchParams.get('t') === '4');
    const plot = await plotMarkup(page);
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await shownStep(page)).toBe(4);
    expect(await plotMarkup(page), 'the same network at the same step').toBe(plot);
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await phase(page)).toContain('the loss');
    expect(await page.locator('.bp-label.bp-grad').count()).toBe(0);
  });

  it('choosing a parameter expands its chain rule, in the URL; a hostile link is clamped with a notice', async () => {
    const { page } = await open('/backpropagation?lang=en&net=2');
    const before = await workedText(page);
    await page
      .getByRole('combobox', { name: 'Parameter to expand' })
      .selectOption({ label: 'w²₂₃' });
    await waitForUrl(page, (u) => u.searchParams.get('sel') === '15');
    await expect.poll(() => workedText(page)).not.toBe(before);
    expect(await workedText(page)).toContain('w^{(2)}_{23}');
    expect(await page.locator('.bp-readout').textContent()).toContain('∂L/∂w²₂₃');

    const { page: hostile } = await open(
      '/backpropagation?lang=en&net=7&sel=99&t=-3&L=1e9&lr=0&x=abc,1e999&s=-1',
    );
    await expect
      .poll(() => hostile.locator('[role="status"]').filter({ hasText: TEXT.urlNotice }).count())
      .toBe(1);
    expect(await pageText(hostile)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await shownStep(hostile)).toBe(0);
    const heights = await hostile
      .locator('.bp-deep .kit-bar')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    expect(
      heights.filter((h) => h > 0),
      'L clamped to 8: eight hidden layers and the output',
    ).toHaveLength(9);
  });
});
