import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { sleep } from './browser';

// How the browser tests find things in the app: by role and accessible name where the
// interface has them, so the tests read like what a user does. Kept in one place so a
// change of markup is one edit.

/** Interface strings the tests look for, in both languages (src/ui/i18n). */
export const TEXT = {
  switchToZh: /Traditional Chinese|中文/,
  switchToEn: /英文|English/,
  darkTheme: /Dark theme|深色主題/,
  present: /^(Present|簡報)$/,
  notFound: /Page not found|找不到這個頁面/,
  urlNotice: /adjusted|已經調整/,
  worked: /Worked example|計算範例/,
  card: /Interactive card|互動卡片/,
} as const;

/** The visible range sliders of the page's card(s). */
export function sliders(page: Page): Locator {
  return page.locator('main input[type="range"]:visible:enabled');
}

/** Current values of every range slider, in document order. */
export function sliderValues(page: Page): Promise<string[]> {
  return page
    .locator('main input[type="range"]')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
}

/**
 * Serialized SVG content of the plot(s) in main, and the marks each canvas laid over a plot
 * drew last (see MarksCanvas): changes whenever the drawing changes. The ids React's useId
 * generates (a clip path's, a pattern's) depend on the order components mounted in, not on
 * the drawing, and are made alike.
 */
export async function plotMarkup(page: Page): Promise<string> {
  await texSettled(page);
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll('main svg')]
      .filter((svg) => !svg.closest('.katex'))
      // ids as React makes them, hydrated (_R_…_) or not (_r_…_); the empty comments a
      // prerendered text keeps between its parts; coordinates past a millionth of a pixel (a
      // run continued in a worker and one computed afresh can differ in the last bits): none shows
      .map((svg) =>
        svg.innerHTML
          .replace(/_[rR]_[0-9a-zA-Z]+_/g, 'ID')
          .replace(/<!--.*?-->/g, '')
          .replace(/-?\d+\.\d{7,}/g, (n) => String(Math.round(Number(n) * 1e6) / 1e6)),
      );
    const key = Symbol.for('llm-math-explorer.drawn-marks');
    const canvases = [...document.querySelectorAll('main canvas')].map((c) =>
      JSON.stringify((c as unknown as Record<symbol, unknown>)[key] ?? null),
    );
    return [...svgs, ...canvases].join('\n');
  });
}

/**
 * For each canvas in main: whether it shows its marks, i.e. its backing store matches its
 * size on screen at the device's pixel ratio and some pixel is painted.
 */
export function canvasesDrawn(page: Page): Promise<{ sized: boolean; painted: boolean }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main canvas')].map((el) => {
      const c = el as HTMLCanvasElement;
      const box = c.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      const sized =
        Math.abs(c.width - box.width * ratio) <= 1 && Math.abs(c.height - box.height * ratio) <= 1;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      let painted = false;
      for (let i = 3; data && i < data.length; i += 4) {
        if (data[i] > 0) {
          painted = true;
          break;
        }
      }
      return { sized, painted };
    }),
  );
}

/**
 * Waits (up to 5 s) until no formula is being rendered in the KaTeX worker (`aria-busy`):
 * the page has drawn what follows its last change, and laid it out.
 */
export async function texSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main .tex[aria-busy="true"]'), null, {
    timeout: 5000,
  });
  // the new formula's size reaches the plots' ResizeObservers in the next frames
  await frames(page, 50);
}

/** Waits two frames, then `thenMs`: what a change started (a load, a focus, a theme) is drawn. */
export async function frames(page: Page, thenMs = 0): Promise<void> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, ms))),
      ),
    thenMs,
  );
}

/** Text of the worked example (the KaTeX annotation holds the TeX source with the numbers). */
export async function workedText(page: Page): Promise<string> {
  await texSettled(page);
  return page.evaluate((pattern) => {
    const re = new RegExp(pattern);
    const labelled = [
      ...document.querySelectorAll('main [aria-label], main [aria-labelledby]'),
    ].find((el) => {
      const by = el.getAttribute('aria-labelledby');
      const name = by
        ? by
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : (el.getAttribute('aria-label') ?? '');
      return re.test(name);
    });
    const heading = [...document.querySelectorAll('main h2, main h3, main h4, main summary')].find(
      (h) => re.test(h.textContent ?? ''),
    );
    const box = labelled ?? heading?.closest('section, figure, details, [class*="worked"]');
    if (!box) return '';
    const tex = [...box.querySelectorAll('annotation[encoding="application/x-tex"]')]
      .map((a) => a.textContent)
      .join(' ');
    return tex || (box.textContent ?? '');
  }, TEXT.worked.source);
}

/** Waits (up to 3 s) until the page URL satisfies `test`; returns the URL. */
export async function waitForUrl(page: Page, test: (url: URL) => boolean): Promise<URL> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const url = new URL(page.url());
    if (test(url)) return url;
    if (Date.now() > deadline) {
      expect.fail(`URL did not reach the expected state; it is ${page.url()}`);
    }
    await sleep(50);
  }
}

/**
 * Waits (up to 10 s) until the page URL satisfies `test` and has held still for
 * longer than the app's URL rest (250 ms): a drag on a busy machine can write the
 * URL mid-drag, and a later write follows with the final values.
 */
export async function waitForUrlRest(page: Page, test: (url: URL) => boolean): Promise<URL> {
  const deadline = Date.now() + 10_000;
  let last = '';
  let since = Date.now();
  for (;;) {
    const href = page.url();
    if (href !== last) [last, since] = [href, Date.now()];
    else if (Date.now() - since > 600 && test(new URL(href))) return new URL(href);
    if (Date.now() > deadline) {
      expect.fail(`URL did not come to rest in the expected state; it is ${href}`);
    }
    await sleep(50);
  }
}

/** Whether a string holds CJK ideographs. */
export function hasCjk(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/** Relative luminance (0…1) of the page background, from the computed style of body/html. */
export function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let rgba = parse(getComputedStyle(document.body).backgroundColor);
    if (rgba.length === 4 && rgba[3] === 0) {
      rgba = parse(getComputedStyle(document.documentElement).backgroundColor);
    }
    if (rgba.length === 4 && rgba[3] === 0) rgba = [255, 255, 255];
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const [r = 255, g = 255, b = 255] = rgba;
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

/** Text of main without the URL notices and without TeX sources: what a reader sees of the page. */
export async function pageText(page: Page): Promise<string> {
  await texSettled(page);
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return '';
    const clone = main.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[role="status"], annotation').forEach((el) => el.remove());
    return clone.textContent ?? '';
  });
}

/** Removes focus and hover from the card, so highlight styling does not mark the plot. */
export async function clearHighlight(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Exact values shown in the number fields next to the sliders, in document order. */
export function numberValues(page: Page): Promise<string[]> {
  return page
    .locator('main input[type="number"]')
    .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
}

/**
 * Axis titles that run into one of their axis's tick labels, as `"title" over "tick"`. Where
 * a title sits against its ticks depends on the numbers, not the title's language.
 */
export function axisTitleClashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const found: string[] = [];
    for (const axis of document.querySelectorAll('main .plot-svg .axis')) {
      const title = axis.querySelector(':scope > .axis-label');
      if (!title) continue;
      const box = title.getBoundingClientRect();
      for (const tick of axis.querySelectorAll('.tick-label'))
        if (overlap(box, tick.getBoundingClientRect()))
          found.push(`"${title.textContent}" over "${tick.textContent}"`);
    }
    return found;
  });
}

/** How far the card's formula is wider than its box (it scrolls sideways, its end hidden). */
export function formulaOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const f = document.querySelector('.card-formula')!;
    return f.scrollWidth - f.clientWidth;
  });
}

/** Serious or critical axe-core violations on the page (or inside `include`), by rule. */
export async function axeProblems(page: Page, include?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (include) axe.include(include);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
