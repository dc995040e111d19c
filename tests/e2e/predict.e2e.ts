import { describe, expect, it } from 'vitest';
import { axeProblems } from './app';
import { setupBrowser } from './browser';

// Predict, then reveal (src/ui/card/Predict.tsx), in a real browser on two pages: by keyboard
// with axe in predict mode, and presenting to a class at 1920×1080. The jsdom test
// (tests/ui/predict.test.tsx) walks every page.

const { open } = setupBrowser();

describe('predict, then reveal', () => {
  it('softmax by keyboard: Predict hides the plot and the last lines, Enter reveals the answer and the error; axe-clean; not in the URL', async () => {
    const { page } = await open('/softmax');
    const predict = page.getByRole('button', { name: 'Predict' });
    await predict.focus();
    // a visible focus ring on the button
    expect(await predict.evaluate((el) => getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: /^Your guess for / });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    const cover = page.locator('.card-plot .plot-cover');
    expect(await cover.isVisible()).toBe(true);
    expect(await cover.locator('p').first().innerText()).toBe('Hidden until you reveal');
    // the cover hides the bars: the plot is blurred under it
    expect(
      await page.locator('.card-plot .plot-image').evaluate((el) => getComputedStyle(el).filter),
    ).toMatch(/blur/);
    expect(await page.locator('.worked-hidden').innerText()).toBe('? — make your guess');
    expect(await axeProblems(page)).toEqual([]);

    // a word is no guess: a message, still predicting
    await page.keyboard.type('half');
    await page.keyboard.press('Enter');
    const status = page.locator('.predict-status');
    await expect.poll(() => status.innerText()).toContain('“half” is not a number');
    expect(await cover.isVisible()).toBe(true);

    // the number line on the cover, by keyboard and by mouse, writes the field
    const ruler = cover.getByRole('slider', { name: /on a number line$/ });
    await ruler.focus();
    await page.keyboard.press('End');
    await expect.poll(() => field.inputValue()).toBe('1.000');
    const box = (await ruler.locator('.ruler-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number(await field.inputValue())).toBeCloseTo(0.4, 2);
    expect(await ruler.getAttribute('aria-valuetext')).toBe(await field.inputValue());

    await field.fill('0.5');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status.innerText())
      .toMatch(/^Your guess 0\.5; the answer 0\.\d+; off by \d\.\d+ \(\d+(\.\d)?%\)\.$/);
    expect(await cover.count()).toBe(0);
    // the guess and the answer marked on one line under the sentence
    expect(await page.locator('.card-predict .ruler-guess').isVisible()).toBe(true);
    expect(await page.locator('.card-predict .ruler-answer').isVisible()).toBe(true);
    expect(await page.locator('.worked-hidden').count()).toBe(0);
    // focus on "Try again", so the keyboard goes on from there
    expect(
      await page
        .getByRole('button', { name: 'Try again' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(new URL(page.url()).search).not.toMatch(/predict|guess/);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN/);
  });

  it('presenting the optimizers at 1920×1080 (zh-TW): large controls, the sentence readable, the card still one screen', async () => {
    const { page } = await open('/optimizers?present=1&lang=zh-TW', {
      viewport: { width: 1920, height: 1080 },
    });
    await page.getByRole('button', { name: '預測' }).click();
    const field = page.getByRole('textbox', { name: /^你對 .* 的猜測$/ });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await field.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(38);
    expect(await page.locator('.plot-cover').isVisible()).toBe(true);
    await field.fill('-8');
    await page.keyboard.press('Enter');
    const status = page.locator('.predict-status');
    await expect.poll(() => status.innerText()).toMatch(/^你的猜測 −8；答案 .+；相差 .+。$/);
    const shown = await status.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        size: parseFloat(getComputedStyle(el).fontSize),
        inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
        scrolls: document.documentElement.scrollHeight > innerHeight,
      };
    });
    expect(shown).toEqual({ size: expect.any(Number), inside: true, scrolls: false });
    expect(shown.size).toBeGreaterThanOrEqual(28);
    // the number line of the reveal is left out while presenting, so the card stays one screen
    expect(await page.locator('.card-predict .ruler-answer').isVisible()).toBe(false);
    expect(await axeProblems(page)).toEqual([]);
  });
});
