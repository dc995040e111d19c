import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { numberValues, waitForUrl } from './app';
import { appPath, goto, setupBrowser, sleep, waitForApp } from './browser';

// Lessons (src/ui/lesson): built in one browser context, played in another, by keyboard.

const { open } = setupBrowser();

describe('lessons', () => {
  it('a lesson built in one context plays in another: presentation mode, clicker keys, captions', async () => {
    // the teacher: two views with notes
    const { page: teacher } = await open('/softmax?T=2.5');
    await teacher.getByRole('button', { name: 'Add this view to the lesson' }).click();
    await expect.poll(() => teacher.getByText('Added as view 1 of the lesson.').count()).toBe(1);
    await goto(teacher, '/relu?x=-1.5');
    await teacher.getByRole('button', { name: 'Add this view to the lesson' }).click();
    await teacher.getByRole('button', { name: 'Lesson (2)' }).click();
    const dialog = teacher.getByRole('dialog');
    await teacher.getByLabel(/Note for view 1/).fill('Raise T: the distribution flattens.');
    await teacher.getByLabel(/Note for view 2/).fill('負的輸入：ReLU 輸出 0。');
    const axe = await new AxeBuilder({ page: teacher })
      .include('.lesson-dialog')
      .withTags(['wcag2a', 'wcag2aa', 'best-practice'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );
    const linkField = dialog.getByLabel('Lesson link');
    await expect.poll(async () => (await linkField.inputValue()).includes('lesson=1')).toBe(true);
    // the link follows the notes once their encoding (asynchronous compression) is done
    await sleep(300);
    const link = await linkField.inputValue();
    expect(new URL(link).pathname).toMatch(/\/softmax$/);

    // a student, in a fresh context (no storage shared)
    const { page } = await open(appPath(link));
    const bar = page.getByRole('group', { name: 'Lesson' });
    await expect.poll(() => bar.innerText()).toContain('View 1 of 2');
    expect(await bar.innerText()).toContain('Raise T: the distribution flattens.');
    expect(await page.evaluate(() => 'present' in document.documentElement.dataset)).toBe(true);
    await expect.poll(() => numberValues(page)).toContain('2.5');
    expect(await page.getByRole('button', { name: /Lesson \(/ }).count()).toBe(0);

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('PageDown');
    await waitForUrl(page, (u) => u.pathname.endsWith('/relu'));
    await waitForApp(page);
    await expect.poll(() => bar.innerText()).toContain('View 2 of 2');
    expect(await bar.innerText()).toContain('負的輸入：ReLU 輸出 0。');
    await expect.poll(() => numberValues(page)).toContain('-1.5');
    // past the last view the keys stay in the lesson
    await page.keyboard.press('ArrowRight');
    await sleep(100);
    expect(new URL(page.url()).pathname).toMatch(/\/relu$/);

    // the teacher has moved a slider: its arrows stay the slider's, the clicker's Page Up still
    // walks back
    const slider = page.locator('.card-controls input[type="range"]').first();
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await sleep(100);
    expect(new URL(page.url()).pathname).toMatch(/\/relu$/);
    await page.keyboard.press('PageUp');
    await waitForUrl(page, (u) => u.pathname.endsWith('/softmax'));
    await waitForApp(page);
    await expect.poll(() => bar.innerText()).toContain('View 1 of 2');

    // Esc leaves the lesson: the header is back, the values stay
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Present' }).count()).toBe(1);
    const url = new URL(page.url());
    expect(url.searchParams.get('lesson')).toBeNull();
    expect(url.searchParams.get('T')).toBe('2.5');
  });

  it('a corrupt or newer lesson link gives a polite message, the page still works', async () => {
    const { page } = await open('/softmax?lang=zh-TW&lesson=1zNOT-A-LESSON');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('課程連結已損壞');
    expect(await page.getByRole('slider').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => 'present' in document.documentElement.dataset)).toBe(false);
    await goto(page, '/softmax?lang=en&lesson=9jW10');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('newer version');
  });
});
