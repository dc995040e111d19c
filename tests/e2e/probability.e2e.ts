import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT, pageText, waitForUrlRest } from './app';
import { setupBrowser, waitForApp } from './browser';

const { open } = setupBrowser();

/** The query value of `key` once the URL carries `want` (polls up to 3 s). */
async function urlKey(page: Page, key: string, want: string | null): Promise<void> {
  await expect.poll(() => new URL(page.url()).searchParams.get(key), { timeout: 3000 }).toBe(want);
}

/** The spoken summary of the plot (its figure's label), once it has settled. */
const summary = (page: Page) =>
  page.locator('.card-plot .plot-image').first().getAttribute('aria-label');

/** The histogram's bars: their heights, which the seeded draws decide. */
const histogram = (page: Page) =>
  page
    .locator('.sampling .kd-hist-bar')
    .evaluateAll((bars) => bars.map((b) => b.getAttribute('height')).join(' '));

const sentence = (page: Page) => page.locator('.next-token-sentence').textContent();

describe('the next-token sampler', () => {
  it('Sample 100 draws a seeded histogram that a reload and a fresh tab of its link reproduce', async () => {
    const { page } = await open('/next-token-distribution?lang=en');
    await page.getByRole('button', { name: 'Sample 100', exact: true }).click();
    await urlKey(page, 'n', '100');
    await expect.poll(() => summary(page)).toMatch(/100 tokens sampled with seed 1/);
    const bars = await histogram(page);
    expect(bars.split(' ').length).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'New seed for seed of the sampler' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('s') ?? '1').not.toBe('1');
    const seed = new URL(page.url()).searchParams.get('s');
    await expect.poll(() => histogram(page)).not.toBe(bars);
    const drawn = await histogram(page);
    const words = await sentence(page);
    await expect.poll(() => summary(page)).toMatch(/100 tokens sampled with seed \d+/);
    const spoken = await summary(page);
    const link = page.url();
    expect(seed).not.toBeNull();

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    expect(await histogram(page), 'a reload draws the same tokens').toBe(drawn);
    expect(await sentence(page), 'and generates the same sentence').toBe(words);

    const { page: fresh } = await open(
      new URL(link).pathname.replace(/^.*\/next-token/, '/next-token') + new URL(link).search,
    );
    expect(await histogram(fresh), 'a fresh tab of the link draws the same tokens').toBe(drawn);
    await expect.poll(() => summary(fresh)).toBe(spoken);
  });

  it('Next word grows the sentence and its chain-rule product; the top-k switch greys tokens in and out', async () => {
    const { page } = await open('/next-token-distribution?lang=en&g=1');
    const one = await sentence(page);
    await page.getByRole('button', { name: 'Next word' }).click();
    await urlKey(page, 'g', '2');
    await expect.poll(() => sentence(page)).not.toBe(one);
    expect(await page.locator('.next-token-chain').textContent()).toMatch(
      /P\(sentence\) = 0\.\d\d × 0\.\d\d/,
    );

    const cut = () => page.locator('.stage-3 .stage-bar.is-cut').count();
    expect(await cut()).toBe(4);
    await page.getByRole('checkbox', { name: /top-k on/ }).click();
    await expect.poll(cut).toBe(0);
    await urlKey(page, 'useK', '0');
  });
});

describe('entropy and Bayes', () => {
  it('a bar of p dragged by mouse and moved by keys rescales the others, and the URL follows', async () => {
    const { page } = await open('/entropy?lang=en');
    const handle = page.getByRole('slider', { name: 'probability of sofa' });
    await handle.scrollIntoViewIfNeeded(); // the mouse reaches only what is on screen
    const box = (await handle.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(x, y - i * 20);
    await page.mouse.up();
    await waitForUrlRest(page, (u) => u.searchParams.has('w'));
    const weights = () => (new URL(page.url()).searchParams.get('w') ?? '').split(',').map(Number);
    const dragged = await weights();
    expect(dragged[2], 'sofa rose').toBeGreaterThan(0.2);
    expect(dragged.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);

    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await weights())[2]).toBeLessThan(dragged[2]);
    expect((await summary(page)) ?? '').toMatch(/Entropy H\(p\) = \d\.\d{3} bits/);
  });

  it('Test again makes the posterior the next prior, and the base-rate preset shows 1 of the 11', async () => {
    const { page } = await open('/bayes?lang=en');
    const head = () => page.locator('.bayes-icons .readout-main').textContent();
    expect(await head()).toContain('9 of the 98 who test positive are ill');
    await page.getByRole('button', { name: 'Test again', exact: true }).click();
    await urlKey(page, 'tests', '2');
    await expect.poll(head).toMatch(/^Test 2: \d+ of the \d+ who test positive are ill/);
    expect(await page.locator('.odds-row.is-done').count()).toBe(3);

    await page.getByRole('button', { name: 'rare condition, accurate test' }).click();
    await expect.poll(head).toContain('1 of the 11 who test positive are ill');
    await urlKey(page, 'prior', '0.001');
  });

  it.each([
    '/bayes?prior=-1&sens=abc&fpr=1e999&tests=99&sentence=7',
    '/entropy?n=99&w=NaN,-1,2&v=<b>',
    '/next-token-distribution?T=0&k=99&p=5&n=-3&g=1e9&z=Infinity',
  ])('%s is clamped with a polite notice and no NaN', async (path) => {
    const { page } = await open(`${path}&lang=en`);
    await expect
      .poll(() => page.locator('[role="status"]').filter({ hasText: TEXT.urlNotice }).count())
      .toBe(1);
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
  });
});
