import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { axeProblems, sliders, waitForUrl } from './app';
import { setupBrowser, waitForApp } from './browser';

// The reader's tools of the framework (search, embed, export, values carried along links),
// checked once in a real browser; the shared files visit every page.

const { open } = setupBrowser();

describe('search', () => {
  it('/ opens it, 溫度 finds softmax, arrows and Enter open it; Ctrl+K and Esc give focus back; axe-clean', async () => {
    const { page } = await open('/mse?lang=zh-TW');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const input = page.getByRole('combobox');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('溫度');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.innerText()).toContain('Softmax');
    expect(await axeProblems(page, '.search-dialog')).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await waitForUrl(page, (u) => u.pathname.endsWith('/softmax'));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-TW');
    await waitForApp(page);
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // from the header's button by keyboard, Ctrl+K from a focused field; Esc gives focus back
    const button = page.getByRole('button', { name: '搜尋' });
    await button.focus();
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('KL');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closed the dialog only: the page is still in the same mode, at the same place
    expect(new URL(page.url()).pathname.endsWith('/softmax')).toBe(true);
  });

  it('works while presenting: Enter opens the page found, still presenting', async () => {
    const { page } = await open('/softmax?present=1');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('cosine');
    await page.keyboard.press('Enter');
    await waitForUrl(page, (u) => u.pathname.endsWith('/vector-similarity'));
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    expect(await page.locator('html').getAttribute('data-present')).toBe('');
  });
});

describe('embed', () => {
  it('?embed=1: one card, no header or footer, interactive, its values in its own URL; axe-clean', async () => {
    const { page } = await open('/softmax?embed=1&T=2');
    expect(await page.locator('header, footer, .page-links, .prose').count()).toBe(0);
    expect(await page.locator('.card').count()).toBe(1);
    expect(await page.locator('html').getAttribute('data-embed')).toBe('');
    expect(await axeProblems(page)).toEqual([]);
    const slider = sliders(page).first();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const url = await waitForUrl(
      page,
      (u) => u.search.includes('T=') && !u.search.includes('T=2&'),
    );
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('T')).not.toBe('2');
  });

  it("the Export panel's <iframe> snippet embeds the live card in another page", async () => {
    const { page } = await open('/attention');
    await page.getByText('Export', { exact: true }).click();
    const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+embed=1"/);
    await page.setContent(`<!doctype html><html lang="en"><title>course</title>${snippet}`);
    const frame = page.frameLocator('iframe');
    await expect
      .poll(() => frame.locator('.card input[type="range"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await frame.locator('header').count()).toBe(0);
    expect(await frame.locator('h1').innerText()).toBe('Scaled dot-product attention');
  });
});

describe('export', () => {
  it('an exported SVG parses and holds the plot’s marks with the theme’s colours; PNG and CSV download', async () => {
    for (const [id, scheme] of [
      ['softmax', 'dark'],
      ['attention', 'light'],
    ] as const) {
      const { page } = await open(`/${id}`, { acceptDownloads: true, colorScheme: scheme });
      await page.getByText('Export', { exact: true }).click();
      const save = async (name: RegExp) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name }).click(),
        ]);
        return {
          name: download.suggestedFilename(),
          data: await readFile((await download.path())!),
        };
      };
      const svg = await save(/SVG/);
      expect(svg.name).toBe(`${id}.svg`);
      const check = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const marks = 'path, rect, circle, line, polyline, polygon, text';
        // marks drawn: not under an element the page hides (display: none)
        const drawn = (m: Element) => {
          for (let e: Element | null = m; e && e.localName !== 'svg'; e = e.parentElement)
            if (getComputedStyle(e).display === 'none') return false;
          return true;
        };
        const onPage = [...document.querySelectorAll('.plot-image svg')]
          .filter((s) => !s.closest('.katex')) // shared definitions travel too
          .reduce((n, s) => n + [...s.querySelectorAll(marks)].filter(drawn).length, 0);
        const styles = [...doc.querySelectorAll('[style]')].map((e) => e.getAttribute('style')!);
        // the plot's HTML parts (legends, readouts), drawn as rects and text of their own
        const fromHtml = doc.querySelectorAll('[data-html] *').length;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.localName,
          marks: doc.querySelectorAll(marks).length - 1 - fromHtml, // less the background
          onPage,
          images: doc.querySelectorAll('image').length,
          canvases: document.querySelectorAll('.plot-image canvas').length,
          vars: styles.filter((s) => s.includes('var(')).length,
          classes: doc.querySelectorAll('[class]').length,
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
          pageLegend: [...document.querySelectorAll('.plot-image .legend text')]
            .filter((t) => drawn(t) && t.textContent)
            .map((t) => t.textContent),
        };
      }, svg.data.toString('utf8'));
      expect(check.error, id).toBeNull();
      expect(check.root).toBe('svg');
      expect(check.marks, id).toBeGreaterThan(0);
      expect(check.marks, id).toBe(check.onPage);
      expect(check.images, id).toBe(check.canvases);
      expect(check.vars, id).toBe(0);
      expect(check.classes, id).toBe(0);
      expect(check.pageLegend.length, id).toBeGreaterThan(0);
      for (const label of check.pageLegend) expect(check.texts, id).toContain(label);

      const png = await save(/PNG/);
      expect(png.name).toBe(`${id}.png`);
      expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.data.length).toBeGreaterThan(2000);
      const csv = await save(/CSV/);
      expect(csv.data.toString('utf8').split('\r\n').length).toBeGreaterThan(2);
    }
  });
});

describe('export of a plot drawn partly in HTML', () => {
  it('matrix multiplication’s matrices and the race’s key travel into the SVG as text', async () => {
    for (const [id, selector] of [
      ['matrix-multiplication', '.mm-cell'],
      ['optimizers', '.race-name'],
    ] as const) {
      const { page } = await open(`/${id}?lang=en`, { acceptDownloads: true });
      await page.getByText('Export', { exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /SVG/ }).click(),
      ]);
      const text = (await readFile((await download.path())!)).toString('utf8');
      const check = await page.evaluate(
        ([svg, sel]) => {
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const written = [...doc.querySelectorAll('[data-html="text"] text')].map(
            (t) => t.textContent,
          );
          const shown = [...document.querySelectorAll(`.plot-image ${sel}`)]
            .map((e) => (e as HTMLElement).innerText.trim())
            .filter((t) => t !== '');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            written,
            shown,
            buttons: [...document.querySelectorAll('.plot-image button')].map((b) =>
              (b as HTMLElement).innerText.trim(),
            ),
          };
        },
        [text, selector] as const,
      );
      expect(check.error, id).toBeNull();
      expect(check.shown.length, id).toBeGreaterThan(3);
      for (const s of check.shown) expect(check.written, `${id}: ${s}`).toContain(s);
      // controls are for the screen
      for (const b of check.buttons.filter((b) => b !== '' && !check.shown.includes(b)))
        expect(check.written, `${id}: button ${b}`).not.toContain(b);
    }
  });
});

describe('values travel along related links', () => {
  it('softmax → cross-entropy carries the logits; the link is the same by keyboard', async () => {
    const { page } = await open('/softmax?z=3,1,0.5,-1,-2&lang=en');
    const link = page.locator('.related a', { hasText: 'Cross-entropy' });
    await link.focus();
    await expect.poll(() => link.getAttribute('href')).toContain('z=3,1,0.5,-1,-2');
    await page.keyboard.press('Enter');
    await waitForUrl(page, (u) => u.pathname.endsWith('/cross-entropy'));
    await waitForApp(page);
    await expect.poll(() => page.url()).toContain('3,1,0.5,-1,-2');
    expect(await page.getByText(/adjusted/).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('z')).toBe('3,1,0.5,-1,-2');
  });
});

describe('print', () => {
  it('prints a handout: formula, worked example and plot, the link and its QR code, no controls', async () => {
    const { page } = await open('/softmax?T=2');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            window.dispatchEvent(new Event('beforeprint')) &&
            document.querySelectorAll('.print-link svg path').length,
        ),
      )
      .toBe(1);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((els) => els.some((el) => (el as HTMLElement).checkVisibility()));
    for (const hidden of [
      'header',
      'footer',
      '.card-controls',
      '.card-export',
      '.page-links',
      'main input',
    ])
      expect(await shown(hidden), hidden).toBe(false);
    for (const visible of [
      '.card-formula .katex',
      '.card-worked .katex',
      '.plot-image svg',
      '.print-link svg',
    ])
      expect(await shown(visible), visible).toBe(true);
    expect(await page.locator('.print-url').innerText()).toMatch(/\/softmax\?T=2$/);
  });
});
