import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, waitForUrl } from './app';
import { setupBrowser, waitForApp } from './browser';

// The home page's map of the notes (src/ui/shell/NotesMap.tsx) in a real browser: what jsdom
// cannot see (layout, the arcs meeting their rows, overflow, axe on the drawn map). Every page's
// node, arc and highlight is checked in tests/ui/notes-map.test.tsx.

const { open } = setupBrowser();

/**
 * What a reader would trip on: sideways scroll of the page, a row's title or a section's name
 * cut, a node outside the viewport, an arc that misses its rows (in px).
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>(
      '.map-node-title, .map-section-title',
    )) {
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        out.push(`cut: ${el.textContent}`);
      const box = el.getBoundingClientRect();
      if (box.right > doc.clientWidth + 1) out.push(`off screen: ${el.textContent}`);
    }
    for (const el of document.querySelectorAll('.map-section-title')) {
      const band = el.parentElement!.getBoundingClientRect();
      if (el.getBoundingClientRect().bottom > band.bottom + 1)
        out.push(`section name below its band: ${el.textContent}`);
    }
    const row = (id: string) =>
      document.querySelector(`.map-row[data-id="${id}"]`)!.getBoundingClientRect();
    for (const path of document.querySelectorAll<SVGPathElement>('path.map-arc')) {
      const m = path.getScreenCTM()!;
      const len = path.getTotalLength();
      for (const [at, id] of [
        [0, path.dataset.from!],
        [len, path.dataset.to!],
      ] as const) {
        const p = path.getPointAtLength(at).matrixTransform(m);
        const r = row(id);
        if (Math.abs(p.y - (r.top + r.bottom) / 2) > 1.5 || Math.abs(p.x - r.right) > 1.5)
          out.push(`arc ${path.dataset.from}–${path.dataset.to} misses ${id}`);
      }
    }
    return out;
  });
}

describe('the map of the notes', () => {
  it('at 1280: fits, arcs meet their rows, axe-clean; pointing moves no row; the keyboard highlights and opens a page', async () => {
    const { page } = await open('/?view=map&lang=en');
    expect(await page.getByRole('radio', { name: 'Map' }).isChecked()).toBe(true);
    expect(await page.locator('.map-row').count()).toBeGreaterThan(20);
    expect(await layoutProblems(page)).toEqual([]);
    expect(await axeProblems(page, '.home')).toEqual([]);

    // the caption's box keeps its height: pointing at the row with the longest text moves nothing
    const tops = () =>
      page
        .locator('.map-row')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top + window.scrollY));
    const before = await tops();
    await page.locator('.map-row[data-id="cross-entropy"]').hover();
    await expect
      .poll(() => page.locator('.notes-map-status .is-shown').innerText())
      .toContain('Leads to');
    expect(await tops()).toEqual(before);

    // Tab into the map, ↓ to the next formula: highlighted with a visible focus ring; Enter opens it
    const first = page.locator('a.map-node').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const second = page.locator('a.map-node').nth(1);
    expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await second.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const id = await second.evaluate((el) => el.closest('.map-row')!.getAttribute('data-id'));
    expect(await page.locator(`.map-row[data-id="${id}"]`).getAttribute('class')).toContain(
      'is-active',
    );
    await page.keyboard.press('Enter');
    await waitForUrl(page, (u) => u.pathname.endsWith(`/${id}`));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await waitForApp(page);
    expect(await page.locator('.card').count()).toBeGreaterThan(0);
  });

  it('on a 390 phone, in both languages: no sideways scroll, nothing cut, arcs meet their rows, axe-clean', async () => {
    const { page } = await open('/?view=map&lang=zh-TW', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    expect(await layoutProblems(page)).toEqual([]);
    expect(await axeProblems(page, '.home')).toEqual([]);
    await page.getByRole('button', { name: /English|英文/ }).click();
    await expect.poll(() => page.locator('.map-node-title').first().innerText()).toMatch(/^[A-Z]/);
    expect(await layoutProblems(page)).toEqual([]);
  });
});
