import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT, pageText, plotMarkup, waitForUrl } from './app';
import { setupBrowser, waitForApp } from './browser';

const { open } = setupBrowser();

/** The step the time control shows ("step k of 9"). */
async function shownStep(page: Page): Promise<number> {
  const text =
    (await page
      .getByRole('slider', { name: 'stage of the block, step' })
      .getAttribute('aria-valuetext')) ?? '';
  const m = /^step (\d+) of 9$/.exec(text);
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return Number(m[1]);
}

const title = (page: Page) => page.locator('.tf-stage-title').textContent();
const changedDots = (page: Page) => page.locator('.tf-dot.is-changed').count();

describe('transformer', () => {
  it('steps through the stages, opens one from the residual stream, and a reload opens at it', async () => {
    const { page } = await open('/transformer?lang=en');
    expect(await shownStep(page)).toBe(0);
    expect(await title(page)).toContain('token embeddings');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => title(page)).toContain('multi-head attention');
    // two heads by default: each head's weights and output, and the joined output
    await expect.poll(() => page.locator('.tf-panel').count()).toBe(5);
    // The stream's nodes can move while the attention panels settle the layout,
    // so a click may land beside its node on a loaded machine: click until the
    // stage opens (clicking an open stage again changes nothing).
    const last = page.locator('.tf-node[data-stage="9"]');
    await expect
      .poll(async () => {
        await last.click();
        return shownStep(page);
      })
      .toBe(9);
    await expect.poll(() => page.locator('.tf-bar').count()).toBe(12);
    await waitForUrl(page, (u) => u.searchParams.get('t') === '9');
    const plot = await plotMarkup(page);
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    await expect.poll(() => shownStep(page)).toBe(9);
    expect(await plotMarkup(page), 'the same distribution at the same stage').toBe(plot);
  });

  it('an edited token changes only later positions under the causal mask; a hostile link is clamped', async () => {
    const { page } = await open('/transformer?lang=en&edit=1&p=2&w=5&t=2');
    // 10 stages × 4 positions: position 3 from the start, position 4 from attention on
    await expect.poll(() => changedDots(page)).toBe(10 + 8);
    await page.getByRole('checkbox', { name: /causal mask/ }).click();
    await waitForUrl(page, (u) => u.searchParams.get('causal') === '0');
    // without the mask every position changes from attention on
    await expect.poll(() => changedDots(page)).toBe(2 + 8 * 4);

    const { page: hostile } = await open('/transformer?lang=en&n=99&h=3&t=-3&s=-1&d=7&edit=9');
    await expect
      .poll(() => hostile.locator('[role="status"]').filter({ hasText: TEXT.urlNotice }).count())
      .toBe(1);
    expect(await pageText(hostile)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await shownStep(hostile)).toBe(0);
    expect(await hostile.locator('.tf-label').first().textContent()).toBe('the');
  });
});
